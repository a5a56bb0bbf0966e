/** The demo city as loaded in the database, checked against the published figures. */
import { booleanPointInPolygon, point } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundStatusAsOf, type CompoundStatus } from '../../../../server/services/compounds/compoundStatus.ts';
import { readDatasetInfo } from '../../../../server/services/dataset/datasetInfo.ts';
import { metricsReport, type MetricsReport } from '../../../../server/services/metrics/metricsReport.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { loadRawCity, type RawCity } from '../../../support/reference.ts';

const share = (rows: CompoundStatus[], f: (r: CompoundStatus) => boolean) => rows.filter(f).length / rows.length;

describe.each(availableBackends())('the demo city in the database (%s)', (kind) => {
  let database: TestDatabase;
  let raw: RawCity;
  let now: CompoundStatus[];
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    raw = await loadRawCity(database.db);
    now = await compoundStatusAsOf(database.db, FIXTURE_AS_OF);
  });
  afterAll(() => database?.dispose());

  it('has 347 compounds in 19 townships, every one inside its own township', () => {
    expect(raw.townships).toHaveLength(19);
    expect(raw.compounds).toHaveLength(347);
    expect(now).toHaveLength(347);
    const boundaries = new Map(raw.townships.map((t) => [t.code, t.boundary]));
    const outside = raw.compounds.filter(
      (c) => !booleanPointInPolygon(point([c.lon, c.lat]), boundaries.get(c.townshipCode)!),
    );
    expect(outside.map((c) => `${c.name} ${c.townshipCode}`)).toEqual([]);
  });

  it('has 286 compounds under property management served by 111 companies, and about 250,000 households', () => {
    expect(now.filter((c) => c.propertyManaged)).toHaveLength(286);
    expect(new Set(now.flatMap((c) => (c.propertyCompany ? [c.propertyCompany] : []))).size).toBe(111);
    const households = now.reduce((n, c) => n + c.households, 0);
    expect(Math.abs(households - 250_000) / 250_000).toBeLessThan(0.05);
  });

  it('has a party organisation in every compound, 96 five-star and 76 four-star compounds now', () => {
    expect(now.filter((c) => c.partyOrgType === null).map((c) => c.name)).toEqual([]);
    expect(now.filter((c) => c.rating === '5')).toHaveLength(96);
    expect(now.filter((c) => c.rating === '4')).toHaveLength(76);
  });

  it('starts 2024 near the published baselines (party organisation 74.5 %, committees about 40 %)', async () => {
    const start = await compoundStatusAsOf(database.db, '2024-01-15');
    expect(share(start, (c) => c.partyOrgType !== null)).toBeCloseTo(0.745, 1);
    expect(share(start, (c) => c.committeeInOffice)).toBeGreaterThan(0.34);
    expect(share(start, (c) => c.committeeInOffice)).toBeLessThan(0.46);
    const withOrg = start.filter((c) => c.partyOrgType !== null);
    // 建制式 / 兼合式 / 联建式 in the proportion 111 / 91 / 11.
    expect(share(withOrg, (c) => c.partyOrgType === 'standalone')).toBeCloseTo(111 / 213, 1);
    expect(share(withOrg, (c) => c.partyOrgType === 'joint')).toBeCloseTo(11 / 213, 1);
  });

  it('has open and overdue issues on the as-of date', () => {
    const open = now.reduce((n, c) => n + c.openIssues, 0);
    const overdue = now.reduce((n, c) => n + c.overdueIssues, 0);
    expect(open).toBeGreaterThan(50);
    expect(overdue).toBeGreaterThan(5);
    expect(overdue).toBeLessThan(open);
  });

  it('shows on the dashboard what an analyst would believe, every Sunday of the last year', async () => {
    // The Sundays of the 52 weeks that ended before the as-of date.
    const weekday = new Date(`${FIXTURE_AS_OF}T00:00:00Z`).getUTCDay();
    const lastSunday = addDays(FIXTURE_AS_OF, weekday === 0 ? -7 : -weekday);
    const reports: MetricsReport[] = [];
    for (let i = 51; i >= 0; i--) reports.push(await metricsReport(database.db, { asOf: addDays(lastSunday, -7 * i) }));
    const townshipWeeks = reports.flatMap((r) => r.townships);
    for (const r of reports) {
      // Deliberation coverage in the high 80s to 100 %, never the whole city.
      const coverage = r.city.indicators.deliberationCoverage.value!;
      expect(coverage, r.asOf).toBeGreaterThanOrEqual(0.86);
      expect(coverage, r.asOf).toBeLessThan(1);
      // A tenth to a quarter of the open issues overdue.
      const open = r.townships.reduce((n, t) => n + t.secondary.openIssues, 0);
      const overdue = r.townships.reduce((n, t) => n + t.secondary.overdueIssues, 0);
      expect(overdue / open, r.asOf).toBeGreaterThanOrEqual(0.1);
      expect(overdue / open, r.asOf).toBeLessThanOrEqual(0.25);
    }
    // Townships: most weeks at 85 % or more, none far below the rest for long.
    const high = townshipWeeks.filter((t) => t.indicators.deliberationCoverage.value! >= 0.85).length;
    expect(high / townshipWeeks.length).toBeGreaterThan(0.85);
    expect(Math.min(...townshipWeeks.map((t) => t.indicators.deliberationCoverage.value!))).toBeGreaterThan(0.6);
  });

  it('does not start 2024 from nothing: meetings and open issues carried over from late 2023', async () => {
    const first = await metricsReport(database.db, { asOf: '2024-01-07' });
    expect(first.city.indicators.deliberationCoverage.value).toBeGreaterThan(0.45);
    for (const t of first.townships) expect(t.indicators.deliberationCoverage.value, t.name).toBeGreaterThan(0.2);
    const open = first.townships.reduce((n, t) => n + t.secondary.openIssues, 0);
    const overdue = first.townships.reduce((n, t) => n + t.secondary.overdueIssues, 0);
    expect(open).toBeGreaterThan(80);
    expect(overdue).toBeGreaterThan(5);
    expect(first.city.indicators.petitionRate.value).toBeGreaterThan(1);
  });

  it('is marked as demonstration data', async () => {
    expect(await readDatasetInfo(database.db)).toMatchObject({ source: 'demo', seed: 1, asOf: FIXTURE_AS_OF });
  });
});
