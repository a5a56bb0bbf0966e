/**
 * A city is configuration: the fictional 溪山市 (tests/support/syntheticCity.ts), selected as the
 * deployment's city, runs through the seed, the indicator engine, the map page's data, the review
 * board and the pack without one Jinjiang fact; a point outside it is refused with its name.
 */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCollection, townshipFeatures } from '../../../../client/src/features/dashboard/townshipFeatures.ts';
import { basemapStyle } from '../../../../client/src/map/basemapStyle.ts';
import * as s from '../../../../data/schema/index.ts';
import { demoAccountsOf, ensureDemoAccounts } from '../../../../server/services/auth/demoAccounts.ts';
import { activeCity, selectCity } from '../../../../server/services/city/activeCity.ts';
import { importLedger } from '../../../../server/services/ledger/importLedger.ts';
import { INDICATOR_KEYS } from '../../../../shared/indicators/index.ts';
import { packHtml } from '../../../../server/services/review/packHtml.ts';
import { openReviewWeek } from '../../../../server/services/review/reviewedWeeks.ts';
import { collectPackFrom } from '../../../../server/services/review/weeklyPack.ts';
import { SeedError, seedDataset, seedDemoCity } from '../../../../server/services/seed/seedDemoCity.ts';
import { cityMapConfig, inBounds, storableBounds } from '../../../../shared/city/cityDefinition.ts';
import { callerAs, type Caller } from '../../../support/callers.ts';
import { openEmptyDatabase, type TestDatabase } from '../../../support/databases.ts';
import { csvFile, goodRows } from '../../../support/ledgers.ts';
import { loadRawCity, referenceIndicators } from '../../../support/reference.ts';
import { XISHAN, xishanDataset } from '../../../support/syntheticCity.ts';

const AS_OF = '2025-03-09';
const WEEK = '2025-W10';
const CODES = XISHAN.townships.map((t) => t.code);

describe('a second city, 溪山市, from its definition alone', () => {
  let database: TestDatabase;
  let analyst: Caller;
  beforeAll(async () => {
    selectCity(XISHAN);
    database = await openEmptyDatabase('pglite');
    await seedDataset(database.db, xishanDataset(), { seed: 0, asOf: AS_OF });
    analyst = await callerAs(database, 'analyst');
  });
  afterAll(() => database?.dispose());

  it('is the city the deployment serves', () => {
    expect(activeCity().code).toBe('990102');
  });

  it('refuses a seed with a point outside the city, naming the city, and writes nothing', async () => {
    const empty = await openEmptyDatabase('pglite');
    try {
      const dataset = xishanDataset();
      dataset.compounds[3] = { ...dataset.compounds[3]!, lon: 118.58, lat: 24.78 }; // in Jinjiang
      const error = await seedDataset(empty.db, dataset, { seed: 0, asOf: AS_OF }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedError);
      expect((error as Error).message).toContain('不在溪山市范围内');
      expect(await empty.db.select().from(s.compounds), 'nothing written').toEqual([]);
      // The Jinjiang demonstration is Jinjiang's: another city's deployment gets a clear refusal.
      await expect(seedDemoCity(empty.db, { seed: 1, asOf: AS_OF })).rejects.toThrow(/演示数据只有晋江市一套/);
    } finally {
      await empty.dispose();
    }
  });

  it('seeds the city, its townships, its own targets and the demo staff in its own township', async () => {
    expect(await database.db.select().from(s.cities)).toEqual([{ code: '990102', name: '溪山市' }]);
    const townships = await database.db.select({ code: s.townships.code }).from(s.townships);
    expect(townships.map((t) => t.code).sort()).toEqual([...CODES].sort());
    expect(await database.db.select().from(s.compounds)).toHaveLength(12);
    const targets = await database.db.select().from(s.targets);
    expect(targets.map((t) => [t.indicator, t.value, t.note]).sort()).toEqual(
      XISHAN.targets.map((t) => [t.indicator, t.value, t.note]).sort(),
    );
    await ensureDemoAccounts(database.db);
    const [staff] = await database.db.select().from(s.users).where(eq(s.users.username, 'demo-staff'));
    expect(staff?.townshipCode).toBe('990102002');
    expect(staff?.displayName).toBe('演示·西岭街道工作人员');
    expect(demoAccountsOf(XISHAN).find((a) => a.role === 'township_staff')?.townshipCode).toBe('990102002');
  });

  it('computes every indicator as the independent recomputation does, for the city and each township', async () => {
    const report = await analyst.metrics.report({ asOf: AS_OF });
    expect(report.townships.map((t) => t.code).sort()).toEqual([...CODES].sort());
    const raw = await loadRawCity(database.db);
    for (const scope of [{ code: null, indicators: report.city.indicators }, ...report.townships]) {
      const expected = referenceIndicators(raw, AS_OF, scope.code);
      for (const key of INDICATOR_KEYS) {
        const got = scope.indicators[key];
        expect({ numerator: got.numerator, denominator: got.denominator }, `${scope.code ?? 'city'} ${key}`).toEqual(
          expected[key],
        );
      }
    }
    // The dataset was built with party organisations in 9 of the 12 compounds.
    expect(report.city.indicators.partyOrgCoverage).toMatchObject({ numerator: 9, denominator: 12 });
  });

  it("gives the map page the city's extent, outline, neighbours and labels, and compounds inside it", async () => {
    const info = await analyst.system.info();
    expect(info.city).toEqual(cityMapConfig(XISHAN));
    const townships = await analyst.geography.townships();
    expect(townships.map((t) => t.code)).toEqual(CODES);
    const rows = await analyst.compounds.status({ asOf: AS_OF });
    expect(rows).toHaveLength(12);
    const box = storableBounds(info.city);
    expect(rows.filter((r) => !inBounds(box, r.lon, r.lat)).map((r) => r.name)).toEqual([]);

    // What the client builds from it (pure functions, no browser): labels and the basemap.
    const features = townshipFeatures(townships, info.city.labelPositions);
    expect(features.find((f) => f.properties.code === '990102101')?.properties.labelAt).toEqual([112.1, 31.04]);
    const style = basemapStyle({ city: info.city, townships: asCollection(features) });
    expect(style.layers.map((l) => l.id)).toEqual(
      expect.arrayContaining(['neighbour-beihe', 'neighbour-beihe-edge', 'city', 'city-edge']),
    );
    expect(JSON.stringify(style)).not.toContain('118.');
  });

  it('ranks its three townships on the review board', async () => {
    const board = await analyst.review.board({ week: WEEK });
    expect(board.asOf).toBe(AS_OF);
    expect(board.townships.map((t) => t.code).sort()).toEqual([...CODES].sort());
    expect(board.townships.map((t) => t.name).sort()).toEqual(XISHAN.townships.map((t) => t.name).sort());
  });

  it('makes the review pack (XLSX and the HTML behind the PDF) with its townships and nothing of Jinjiang', async () => {
    const pack = await analyst.review.pack({ week: WEEK, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(pack.base64, 'base64') as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    const text = cells.join('\n');
    for (const t of XISHAN.townships) expect(text, t.name).toContain(t.name);
    expect(text).not.toMatch(/晋江|350582/);

    const html = packHtml(await collectPackFrom(await openReviewWeek(database.db, WEEK)));
    for (const t of XISHAN.townships) expect(html, t.name).toContain(t.name);
    expect(html).not.toMatch(/晋江|350582/);
  });

  it('refuses a ledger row outside the city with the message users get, naming this city', async () => {
    const [row] = goodRows(1); // a point in Jinjiang
    const report = await importLedger(database.db, csvFile([{ ...row!, 所属镇街: '990102001' }]), {
      crs: 'wgs84',
      dryRun: true,
      replaceDemo: true,
      today: AS_OF,
    });
    expect(report.status).not.toBe('imported');
    expect(report.problems.map((p) => p.message).join('\n')).toContain('不在溪山市范围内');
  });
});
