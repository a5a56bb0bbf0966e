/**
 * Edge cases on a tiny hand-made city where every answer can be worked out on paper:
 * as of D = 2025-03-31.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import { drillThrough } from '../../../../server/services/metrics/drillThrough.ts';
import { metricsReport, type MetricsReport } from '../../../../server/services/metrics/metricsReport.ts';
import { weeklySeries } from '../../../../server/services/metrics/weeklySeries.ts';
import { availableBackends, openEmptyDatabase, type TestDatabase } from '../../../support/databases.ts';

const D = '2025-03-31';
const square = (lon: number, lat: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + 0.02, lat],
      [lon + 0.02, lat + 0.02],
      [lon, lat + 0.02],
      [lon, lat],
    ],
  ],
});

async function buildTinyCity(db: TestDatabase['db']): Promise<void> {
  await db.insert(s.cities).values({ code: '350582', name: '晋江市' });
  await db.insert(s.townships).values([
    {
      code: '350582001',
      cityCode: '350582',
      name: '甲街道',
      pinyin: 'Jia',
      kind: 'subdistrict',
      seatLon: 118.55,
      seatLat: 24.8,
      boundary: square(118.54, 24.79),
    },
    {
      code: '350582002',
      cityCode: '350582',
      name: '乙街道',
      pinyin: 'Yi',
      kind: 'subdistrict',
      seatLon: 118.6,
      seatLat: 24.8,
      boundary: square(118.59, 24.79),
    },
    {
      code: '350582003',
      cityCode: '350582',
      name: '丙镇',
      pinyin: 'Bing',
      kind: 'town',
      seatLon: 118.5,
      seatLat: 24.7,
      boundary: square(118.49, 24.69),
    },
  ]);
  const compound = (id: number, township: string, listedOn = '2024-01-01', households = 100) => ({
    id,
    code: `T${id}`,
    name: `测试小区${id}`,
    townshipCode: township,
    lon: 118.55,
    lat: 24.8,
    households,
    kind: 'commercial' as const,
    listedOn,
  });
  await db.insert(s.compounds).values([
    compound(1, '350582001'), // committee term ends on D → not in office on D
    compound(2, '350582001'), // meeting exactly 30 days before D → outside the window
    compound(3, '350582001', '2025-02-01'), // added mid-history
    compound(4, '350582002'), // meeting 29 days before D → inside the window
    compound(5, '350582002', '2024-01-01', 300), // managed, never evaluated
    compound(6, '350582003', '2025-06-01'), // listed after D → not in scope on D
  ]);
  await db.insert(s.propertyCompanies).values({ id: 1, code: 'P1', name: '测试物业' });
  await db.insert(s.propertyContracts).values([
    { compoundId: 1, companyId: 1, startOn: '2024-01-01' },
    { compoundId: 5, companyId: 1, startOn: '2024-01-01' },
  ]);
  await db.insert(s.evaluations).values([
    { compoundId: 1, companyId: 1, evaluatedOn: '2024-12-20', score: 92, safetyScore: 90, rating: '5' },
    { compoundId: 1, companyId: 1, evaluatedOn: '2025-06-20', score: 70, safetyScore: 70, rating: '3' }, // after D: ignored
  ]);
  await db.insert(s.committeeTerms).values([
    { compoundId: 1, formedOn: '2020-03-31', termEnd: D, members: 5, partyMembers: 3 },
    { compoundId: 4, formedOn: '2024-05-01', termEnd: '2029-05-01', members: 5, partyMembers: 2 },
  ]);
  await db.insert(s.partyOrganisations).values([
    { compoundId: 1, type: 'standalone', name: '一支部', establishedOn: '2023-01-01' },
    { compoundId: 4, type: 'joint', name: '联建支部', establishedOn: '2023-01-01' },
  ]);
  await db.insert(s.meetings).values([
    { compoundId: 2, heldOn: '2025-03-01', attendees: 8 }, // D - 30
    { compoundId: 4, heldOn: '2025-03-02', attendees: 8 }, // D - 29
  ]);
  await db.insert(s.petitions).values([
    { compoundId: 1, kind: 'petition', category: 'parking', receivedOn: '2025-03-04' }, // D - 27: inside
    { compoundId: 1, kind: 'dispute', category: 'noise', receivedOn: '2025-03-03' }, // D - 28: outside
  ]);
  await db
    .insert(s.targets)
    .values({ indicator: 'committeeRate', value: 0.95, deadline: '2027-12-31', source: 'published' });
}

describe.each(availableBackends())('engine edge cases (%s)', (kind) => {
  let database: TestDatabase;
  let report: MetricsReport;
  const township = (code: string) => report.townships.find((t) => t.code === code)!;
  beforeAll(async () => {
    database = await openEmptyDatabase(kind);
    await buildTinyCity(database.db);
    report = await metricsReport(database.db, { asOf: D });
  });
  afterAll(() => database?.dispose());

  it('takes a committee out of office on its term-end date', () => {
    expect(township('350582001').indicators.committeeRate).toMatchObject({ numerator: 0, denominator: 3 });
    expect(township('350582002').indicators.committeeRate).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('counts a meeting 29 days before the date and not one 30 days before', () => {
    expect(township('350582001').indicators.deliberationCoverage.numerator).toBe(0);
    expect(township('350582002').indicators.deliberationCoverage.numerator).toBe(1);
  });

  it('counts a compound from the day it is listed, and not before', () => {
    expect(report.city.indicators.partyOrgCoverage).toMatchObject({ numerator: 2, denominator: 5 });
    expect(township('350582003').indicators.partyOrgCoverage).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
    });
    expect(township('350582003').indicators.partyOrgCoverage.reason).toMatch(/没有在册小区/);
  });

  it('leaves a compound with no evaluation yet out of service quality, and explains a township with none', () => {
    expect(report.city.indicators.serviceQuality).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    const noManaged = township('350582002').indicators.serviceQuality;
    expect(noManaged.value).toBeNull();
    expect(noManaged.reason).toMatch(/没有实行物业管理且已评定/);
    expect(noManaged.rank).toBeNull();
  });

  it('counts petitions in the 28 days ending on the date, per 1,000 households', () => {
    expect(township('350582001').indicators.petitionRate).toMatchObject({ numerator: 1, denominator: 300 });
    expect(township('350582001').indicators.petitionRate.value).toBeCloseTo(1000 / 300, 12);
  });

  it('lets tied townships share a rank, and ranks a lower petition rate higher', () => {
    // Party organisation: 甲 1/3, 乙 1/2 → 乙 first. Petitions: 甲 3.33, 乙 0 → 乙 first.
    expect(township('350582002').indicators.partyOrgCoverage.rank).toBe(1);
    expect(township('350582001').indicators.partyOrgCoverage.rank).toBe(2);
    expect(township('350582002').indicators.petitionRate.rank).toBe(1);
    expect(township('350582001').indicators.petitionRate.rank).toBe(2);
    // Committees: 甲 0/3 = 0 and … 乙 1/2; deliberation: 甲 0, 乙 0.5; no ties there, so check service quality's only rank.
    expect(township('350582001').indicators.serviceQuality.rank).toBe(1);
  });

  it('gives reasons in the drill-through for compounds left out of the denominator', async () => {
    const drill = await drillThrough(database.db, { indicator: 'serviceQuality', asOf: D });
    const byCode = new Map(drill.compounds.map((c) => [c.code, c]));
    expect(byCode.get('T5')).toMatchObject({ inDenominator: false, reason: '有物业但未评价，不计入' });
    expect(byCode.get('T2')).toMatchObject({ inDenominator: false, reason: '无物业管理，不计入' });
    expect(byCode.get('T1')).toMatchObject({ inDenominator: true, inNumerator: true });
    expect(byCode.has('T6')).toBe(false);
  });

  it('recomputes the weekly series when a record changes (the cache is invalidated)', async () => {
    const today = '2025-04-06';
    const before = await weeklySeries(database.db, { from: '2025-W14', to: '2025-W14', today });
    expect(before.weeks).toEqual([{ week: '2025-W14', date: '2025-04-06' }]);
    const jia = () => before.townships.find((t) => t.code === '350582001')!;
    expect(jia().values.deliberationCoverage).toEqual([0]);
    await database.db.insert(s.meetings).values({ compoundId: 3, heldOn: '2025-04-05', attendees: 9 });
    const after = await weeklySeries(database.db, { from: '2025-W14', to: '2025-W14', today });
    expect(after.townships.find((t) => t.code === '350582001')!.values.deliberationCoverage[0]).toBeCloseTo(1 / 3, 12);
  });
});
