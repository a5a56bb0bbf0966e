/** The demo city as loaded in the database, checked against the published figures. */
import { booleanPointInPolygon, point } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundStatusAsOf, type CompoundStatus } from '../../../../server/services/compounds/compoundStatus.ts';
import { readDatasetInfo } from '../../../../server/services/dataset/datasetInfo.ts';
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

  it('is marked as demonstration data', async () => {
    expect(await readDatasetInfo(database.db)).toMatchObject({ source: 'demo', seed: 1, asOf: FIXTURE_AS_OF });
  });
});
