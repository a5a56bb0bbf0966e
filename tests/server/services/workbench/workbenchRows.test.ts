/**
 * The workbench's selection figures come from the same classification as the engine: a
 * township chosen by filter shows the engine's numerators and denominators, and the table
 * exports exactly the rows it was handed, in its order.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER, matchesFilter } from '../../../../shared/compounds/compoundFilter.ts';
import { INDICATOR_KEYS } from '../../../../shared/indicators/index.ts';
import { drillThrough } from '../../../../server/services/metrics/drillThrough.ts';
import { metricsReport } from '../../../../server/services/metrics/metricsReport.ts';
import { exportSelection } from '../../../../server/services/workbench/exportSelection.ts';
import { selectionIndicators } from '../../../../shared/workbench/selectionIndicators.ts';
import { workbenchRows, type WorkbenchRow } from '../../../../server/services/workbench/workbenchRows.ts';
import { callerAs } from '../../../support/callers.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

describe.each(availableBackends())('workbench rows (%s)', (kind) => {
  let database: TestDatabase;
  const DATES = [FIXTURE_AS_OF, '2024-09-01'];
  const rows = new Map<string, WorkbenchRow[]>();
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    for (const date of DATES) rows.set(date, await workbenchRows(database.db, date));
  });
  afterAll(() => database?.dispose());

  it.each(DATES)('gives every township (and the city) the engine’s five figures on %s', async (date) => {
    const report = await metricsReport(database.db, { asOf: date });
    const all = rows.get(date)!;
    const city = selectionIndicators(all);
    for (const key of INDICATOR_KEYS)
      expect({ n: city[key].numerator, d: city[key].denominator }, `city ${key}`).toEqual({
        n: report.city.indicators[key].numerator,
        d: report.city.indicators[key].denominator,
      });
    for (const township of report.townships) {
      const mine = selectionIndicators(
        all.filter((r) => matchesFilter(r, { ...EMPTY_FILTER, townships: [township.code] })),
      );
      for (const key of INDICATOR_KEYS) {
        const want = township.indicators[key];
        expect(
          { n: mine[key].numerator, d: mine[key].denominator, v: mine[key].value },
          `${township.code} ${key}`,
        ).toEqual({ n: want.numerator, d: want.denominator, v: want.value });
      }
    }
  });

  it('lists per indicator the same numerator and denominator compounds as the drill-through', async () => {
    const all = rows.get(FIXTURE_AS_OF)!;
    const code = all[0]!.townshipCode;
    for (const key of INDICATOR_KEYS) {
      const drill = await drillThrough(database.db, { indicator: key, asOf: FIXTURE_AS_OF, townshipCode: code });
      const mine = all.filter((r) => r.townshipCode === code).map((r) => ({ code: r.code, ...r.contributions[key] }));
      const theirs = drill.compounds.map((c) => ({
        code: c.code,
        inDenominator: c.inDenominator,
        inNumerator: c.inNumerator,
        numeratorContribution: c.numeratorContribution,
        denominatorContribution: c.denominatorContribution,
        reason: c.reason,
        reasonGroup: c.reasonGroup,
        reasonDate: c.reasonDate,
        why: c.why,
      }));
      expect(mine.sort((a, b) => a.code.localeCompare(b.code))).toEqual(
        theirs.sort((a, b) => a.code.localeCompare(b.code)),
      );
    }
  });

  it('sends the rows in the reader’s language: the Chinese as classified, English with the same figures and groups', async () => {
    const all = rows.get(FIXTURE_AS_OF)!;
    // One after the other: the first call makes the analyst's account.
    const zh = await (await callerAs(database, 'analyst')).workbench.rows({ asOf: FIXTURE_AS_OF });
    const en = await (await callerAs(database, 'analyst', { locale: 'en' })).workbench.rows({ asOf: FIXTURE_AS_OF });
    // Chinese: exactly the classification's, without the kind it was written from.
    expect(zh).toEqual(
      all.map((r) => ({
        ...r,
        contributions: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, { ...r.contributions[k], why: undefined }])),
      })),
    );
    for (const r of [...zh, ...en])
      for (const key of INDICATOR_KEYS) expect(r.contributions[key]).not.toHaveProperty('why');
    for (const key of INDICATOR_KEYS) {
      const figures = (list: typeof zh) =>
        list.map((r) => [r.code, r.contributions[key].numeratorContribution, r.contributions[key].reasonDate]);
      expect(figures(en), key).toEqual(figures(zh));
      const english = en.flatMap((r) => [r.contributions[key].reason, r.contributions[key].reasonGroup ?? '']);
      expect(
        english.filter((text) => /[\u3400-\u9fff]/.test(text)),
        key,
      ).toEqual([]);
      // A group in English stands for exactly one group in Chinese, so a filter finds the same rows.
      const pairs = new Set(
        zh.map((r, i) => `${r.contributions[key].reasonGroup}|${en[i]!.contributions[key].reasonGroup}`),
      );
      const groupsZh = new Set(zh.map((r) => r.contributions[key].reasonGroup));
      const groupsEn = new Set(en.map((r) => r.contributions[key].reasonGroup));
      expect([pairs.size, groupsEn.size], key).toEqual([groupsZh.size, groupsZh.size]);
    }
  });

  it('says so when nothing is selected', () => {
    const none = selectionIndicators([]);
    for (const key of INDICATOR_KEYS) expect(none[key]).toMatchObject({ value: null, reason: '未选中任何小区' });
  });

  it('exports the given compounds in the given order, with Chinese headers', async () => {
    const codes = rows
      .get(FIXTURE_AS_OF)!
      .slice(0, 25)
      .map((r) => r.code)
      .reverse();
    const xlsx = await exportSelection(database.db, { asOf: FIXTURE_AS_OF, codes, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('小区编码');
    expect(Array.from({ length: codes.length }, (_, i) => sheet.getRow(i + 2).getCell(1).value)).toEqual(codes);
    expect(sheet.rowCount).toBe(codes.length + 1);
    const csv = Buffer.from(
      (await exportSelection(database.db, { asOf: FIXTURE_AS_OF, codes, format: 'csv' })).base64,
      'base64',
    ).toString('utf8');
    expect(csv.startsWith('\uFEFF小区编码,小区名称')).toBe(true);
    expect(csv.trimEnd().split('\n')).toHaveLength(codes.length + 1);
    const geo = JSON.parse(
      Buffer.from(
        (
          await exportSelection(database.db, {
            asOf: FIXTURE_AS_OF,
            codes,
            format: 'geojson',
            selection: 'rect:1,2,3,4',
          })
        ).base64,
        'base64',
      ).toString('utf8'),
    );
    expect(geo.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(codes);
    expect(geo.metadata.selection).toBe('rect:1,2,3,4');
  });

  it('exports one township’s compounds (read by township) exactly as within a city-wide selection', async () => {
    const all = rows.get(FIXTURE_AS_OF)!;
    const township = all[0]!.townshipCode;
    const mine = all.filter((r) => r.townshipCode === township).map((r) => r.code);
    const other = all.find((r) => r.townshipCode !== township)!.code;
    const csv = async (codes: string[]) =>
      Buffer.from((await exportSelection(database.db, { asOf: FIXTURE_AS_OF, codes, format: 'csv' })).base64, 'base64')
        .toString('utf8')
        .trimEnd()
        .split('\n');
    const alone = await csv(mine);
    const mixed = await csv([...mine, other]);
    expect(alone).toHaveLength(mine.length + 1);
    expect(mixed.slice(0, -1)).toEqual(alone);
    await expect(
      exportSelection(database.db, { asOf: FIXTURE_AS_OF, codes: [...mine, 'nope'], format: 'csv' }),
    ).rejects.toThrow(/没有这些小区：nope/);
  });

  it('refuses an empty list or a code that does not exist on the day, in Chinese', async () => {
    await expect(exportSelection(database.db, { asOf: FIXTURE_AS_OF, codes: [], format: 'csv' })).rejects.toThrow(
      /没有可导出的小区/,
    );
    await expect(exportSelection(database.db, { asOf: FIXTURE_AS_OF, codes: ['nope'], format: 'csv' })).rejects.toThrow(
      /没有这些小区：nope/,
    );
  });
});
