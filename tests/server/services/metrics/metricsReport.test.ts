/** The engine against an independent recomputation from raw rows, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_KEYS, INDICATORS } from '../../../../shared/indicators/index.ts';
import { drillThrough } from '../../../../server/services/metrics/drillThrough.ts';
import { metricsReport, type MetricsReport } from '../../../../server/services/metrics/metricsReport.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { loadRawCity, referenceIndicators, type RawCity } from '../../../support/reference.ts';

const DATES = [FIXTURE_AS_OF, '2024-01-15', '2024-06-30', '2025-05-31', '2025-12-28'];

describe.each(availableBackends())('四升一降 engine (%s)', (kind) => {
  let database: TestDatabase;
  let raw: RawCity;
  const reports = new Map<string, MetricsReport>();
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    raw = await loadRawCity(database.db);
    for (const date of DATES) reports.set(date, await metricsReport(database.db, { asOf: date }));
  });
  afterAll(() => database?.dispose());

  it.each(DATES)('agrees with the raw records for the city and every township on %s', (date) => {
    const report = reports.get(date)!;
    const scopes = [
      { code: null, indicators: report.city.indicators },
      ...report.townships.map((t) => ({ code: t.code, indicators: t.indicators })),
    ];
    expect(report.townships).toHaveLength(19);
    for (const scope of scopes) {
      const expected = referenceIndicators(raw, date, scope.code);
      for (const key of INDICATOR_KEYS) {
        const got = scope.indicators[key];
        const want = expected[key]!;
        const label = `${scope.code ?? 'city'} ${key} ${date}`;
        expect({ numerator: got.numerator, denominator: got.denominator }, label).toEqual(want);
        const value =
          want.denominator === 0
            ? null
            : key === 'petitionRate'
              ? (want.numerator / want.denominator) * 1000
              : want.numerator / want.denominator;
        if (value === null) expect(got.value, label).toBeNull();
        else expect(got.value, label).toBeCloseTo(value, 12);
      }
    }
  });

  it('makes the city the sum of its townships, numerator and denominator', () => {
    for (const report of reports.values())
      for (const key of INDICATOR_KEYS) {
        const sum = (f: 'numerator' | 'denominator') => report.townships.reduce((n, t) => n + t.indicators[key][f], 0);
        expect(report.city.indicators[key].numerator, key).toBe(sum('numerator'));
        expect(report.city.indicators[key].denominator, key).toBe(sum('denominator'));
      }
  });

  it('reports last week, the delta and a direction-aware rank for every township', () => {
    const now = reports.get(FIXTURE_AS_OF)!;
    for (const key of INDICATOR_KEYS) {
      const city = now.city.indicators[key];
      expect(city.rank, 'the city has no rank').toBeNull();
      expect(city.delta).toBeCloseTo(city.value! - city.previousWeek!, 12);
      const ranked = now.townships.filter((t) => t.indicators[key].rank !== null);
      for (const a of ranked)
        for (const b of ranked) {
          const [va, vb] = [a.indicators[key].value!, b.indicators[key].value!];
          const better = key === 'petitionRate' ? va < vb : va > vb;
          if (better)
            expect(a.indicators[key].rank!, `${key}: ${a.name} ahead of ${b.name}`).toBeLessThan(
              b.indicators[key].rank!,
            );
          if (va === vb)
            expect(a.indicators[key].rank, `${key}: ${a.name} ties ${b.name}`).toBe(b.indicators[key].rank);
        }
    }
  });

  it('uses the published goals, and labels the service and petition defaults as assumed', () => {
    const now = reports.get(FIXTURE_AS_OF)!.city.indicators;
    expect(now.committeeRate).toMatchObject({ target: 0.95, deadline: '2027-12-31', targetSource: 'published' });
    expect(now.partyOrgCoverage).toMatchObject({ target: 1, targetSource: 'published' });
    expect(now.deliberationCoverage).toMatchObject({ target: 1, targetSource: 'published' });
    expect(now.serviceQuality.targetSource).toBe('assumed');
    expect(now.petitionRate.targetSource).toBe('assumed');
    // In May 2025 the nearer committee goal (80 % by 2025-05-31) applies.
    expect(reports.get('2025-05-31')!.city.indicators.committeeRate).toMatchObject({
      target: 0.8,
      deadline: '2025-05-31',
    });
  });

  it('calls a scope met exactly when its value reaches its goal, and judges a standing rule with no pace', () => {
    for (const [date, report] of reports)
      for (const scope of [{ name: 'city', indicators: report.city.indicators }, ...report.townships])
        for (const key of INDICATOR_KEYS) {
          const r = scope.indicators[key];
          const label = `${scope.name} ${key} ${date}: ${r.value} vs ${r.target}`;
          if (r.value === null || r.target === null) {
            expect({ met: r.met, status: r.status }, label).toEqual({ met: null, status: null });
            continue;
          }
          const reaches = INDICATORS[key].direction === 'up' ? r.value >= r.target - 1e-9 : r.value <= r.target + 1e-9;
          expect(r.met, label).toBe(reaches);
          expect(r.status === 'met', label).toBe(reaches);
          if (INDICATORS[key].goal === 'standing' && !reaches) {
            expect(r.status, label).toBe('off_track');
            expect({ pace: r.requiredWeeklyPace, projected: r.projectedDate }, label).toEqual({
              pace: null,
              projected: null,
            });
          }
        }
    expect(INDICATORS.deliberationCoverage.goal, 'the monthly meeting rule is a standing goal').toBe('standing');
  });

  it.each(INDICATOR_KEYS)('drills %s through to exactly the compounds behind the figure', async (key) => {
    for (const townshipCode of [undefined, '350582103', '350582114']) {
      const report = await metricsReport(database.db, {
        asOf: '2025-05-31',
        ...(townshipCode ? { townshipCode } : {}),
      });
      const figure = townshipCode ? report.townships[0]!.indicators[key] : report.city.indicators[key];
      const drill = await drillThrough(database.db, {
        indicator: key,
        asOf: '2025-05-31',
        ...(townshipCode ? { townshipCode } : {}),
      });
      expect({ n: drill.numerator, d: drill.denominator }, `${key} ${townshipCode ?? 'city'}`).toEqual({
        n: figure.numerator,
        d: figure.denominator,
      });
      for (const row of drill.compounds) expect(row.reason.length, row.code).toBeGreaterThan(0);
      if (key !== 'petitionRate') {
        expect(drill.compounds.filter((c) => c.inNumerator).length).toBe(figure.numerator);
        expect(drill.compounds.filter((c) => c.inDenominator).length).toBe(figure.denominator);
      }
    }
  });
});

describe.runIf(availableBackends().length === 2)('PGlite and PostgreSQL', () => {
  it('give identical reports', async () => {
    const [pglite, postgres] = await Promise.all([openFixtureDatabase('pglite'), openFixtureDatabase('postgres')]);
    try {
      for (const asOf of [FIXTURE_AS_OF, '2024-09-08']) {
        const [a, b] = await Promise.all([metricsReport(pglite.db, { asOf }), metricsReport(postgres.db, { asOf })]);
        expect(b).toEqual(a);
      }
    } finally {
      await pglite.dispose();
      await postgres.dispose();
    }
  });
});
