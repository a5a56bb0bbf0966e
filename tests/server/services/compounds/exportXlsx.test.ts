/**
 * Workbooks for people (issue 22): dates are date cells shown yyyy-mm-dd, numbers are numbers,
 * rates fractions with a percent format, and a 说明 sheet says what the file holds (filter, date,
 * the data's nature) while row 1 of the data sheet stays the header a program reads. For a reader
 * in English every header, label and note is English; only the data's names stay Chinese.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import { compoundsToXlsx } from '../../../../server/services/compounds/exportCompounds.ts';
import { callerAs } from '../../../support/callers.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { chineseOutside, dataWords, workbookTexts } from '../../../support/fileLanguage.ts';

async function load(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = typeof data === 'string' ? Buffer.from(data, 'base64') : data;
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The column (1-based) under a header in row 1. */
function column(sheet: ExcelJS.Worksheet, header: string): number {
  const values = sheet.getRow(1).values as unknown[];
  const index = values.indexOf(header);
  expect(index, header).toBeGreaterThan(0);
  return index;
}

/** Every non-empty cell under a header. */
function cellsUnder(sheet: ExcelJS.Worksheet, header: string): ExcelJS.Cell[] {
  const c = column(sheet, header);
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row, n) => {
    const cell = row.getCell(c);
    if (n > 1 && cell.value !== null && cell.value !== '') cells.push(cell);
  });
  return cells;
}

function expectDateCells(cells: ExcelJS.Cell[], label: string) {
  expect(cells.length, label).toBeGreaterThan(0);
  for (const cell of cells) {
    expect(cell.value, label).toBeInstanceOf(Date);
    expect(cell.numFmt, label).toBe('yyyy-mm-dd');
    expect((cell.value as Date).toISOString(), label).toMatch(/T00:00:00\.000Z$/);
  }
}

describe.each(availableBackends())('XLSX exports for people (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('writes the compounds with dates as date cells and numbers as numbers, and a 说明 sheet with the filter', async () => {
    const rows = await compoundStatusAsOf(database.db, FIXTURE_AS_OF);
    const workbook = await load(
      await compoundsToXlsx(rows, { asOf: FIXTURE_AS_OF, demo: true, filter: 'kind=old&rating=3,2,1' }),
    );
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('小区编码');
    expect(sheet.rowCount).toBe(rows.length + 1);
    const dates = cellsUnder(sheet, '最近四方联席会议');
    expectDateCells(dates, 'last meeting');
    const withMeeting = rows.filter((r) => r.lastMeetingDate !== null);
    expect(dates.map((c) => (c.value as Date).toISOString().slice(0, 10))).toEqual(
      withMeeting.map((r) => r.lastMeetingDate),
    );
    for (const header of ['户数', '经度(WGS84)', '纬度(WGS84)', '未办结诉求', '超期诉求'])
      for (const cell of cellsUnder(sheet, header)) expect(typeof cell.value, header).toBe('number');
    const about = workbook.getWorksheet('说明')!;
    const text = (about.getColumn(2).values as unknown[]).join('\n');
    expect(text).toContain('kind=old&rating=3,2,1');
    expect(text).toContain(FIXTURE_AS_OF);
    expect(text).toContain('演示数据');
    expect(text).toContain(`共 ${rows.length} 个`);
  });

  it('writes the weekly pack with deadlines and last meetings as date cells and rates as fractions shown in percent', async () => {
    const caller = await callerAs(database, 'admin');
    const pack = await caller.review.pack({ week: '2025-W30', format: 'xlsx' });
    const workbook = await load(pack.base64);
    const lagging = workbook.getWorksheet('后进小区')!;
    expectDateCells(cellsUnder(lagging, '最近四方联席会议'), '后进小区');
    const rateSheets = workbook.worksheets.filter((s) => (s.getRow(1).values as unknown[]).includes('目标期限'));
    expect(rateSheets.length).toBeGreaterThan(0);
    const deadlines = rateSheets.flatMap((s) => cellsUnder(s, '目标期限'));
    expectDateCells(deadlines, '目标期限');
    const percent = rateSheets.flatMap((s) => cellsUnder(s, '数值')).filter((c) => c.numFmt === '0.0%');
    expect(percent.length).toBeGreaterThan(0);
    for (const cell of percent) {
      expect(typeof cell.value).toBe('number');
      expect(cell.value as number).toBeLessThanOrEqual(1);
    }
  });

  it("writes the workbench's compounds in English for a reader in English: headers, labels and notes, the same figures", async () => {
    const rows = await compoundStatusAsOf(database.db, FIXTURE_AS_OF);
    const codes = rows.slice(0, 200).map((r) => r.code);
    const input = { asOf: FIXTURE_AS_OF, codes, format: 'xlsx' as const, filter: 'Kind: Old housing' };
    const zhFile = await (await callerAs(database, 'analyst')).workbench.export(input);
    const enFile = await (await callerAs(database, 'analyst', { locale: 'en' })).workbench.export(input);
    expect(zhFile.fileName).toBe(`小区-${FIXTURE_AS_OF}-200个-演示数据.xlsx`);
    expect(enFile.fileName).toBe(`compounds-${FIXTURE_AS_OF}-200-demo-data.xlsx`);
    const [zh, en] = [await load(zhFile.base64), await load(enFile.base64)];
    expect(zh.worksheets.map((s) => s.name)).toEqual(['小区（演示数据）', '说明']);
    expect(en.worksheets.map((s) => s.name)).toEqual(['Compounds (demo data)', 'Notes']);
    expect(chineseOutside(workbookTexts(en), await dataWords(database.db))).toEqual([]);
    const [zhSheet, enSheet] = [zh.worksheets[0]!, en.worksheets[0]!];
    expect(enSheet.getRow(1).getCell(1).value).toBe('Compound code');
    for (const [zhHeader, enHeader] of [
      ['小区编码', 'Compound code'],
      ['户数', 'Households'],
      ['最近四方联席会议', 'Last joint meeting'],
    ] as const)
      expect(cellsUnder(enSheet, enHeader).map((c) => c.value)).toEqual(
        cellsUnder(zhSheet, zhHeader).map((c) => c.value),
      );
    const notes = (en.getWorksheet('Notes')!.getColumn(2).values as unknown[]).join('\n');
    expect(notes).toContain('Kind: Old housing (analysis workbench, 200 compounds, in table order)');
    expect(notes).toContain('Demo data');

    const csv = await (
      await callerAs(database, 'analyst', { locale: 'en' })
    ).workbench.export({ ...input, format: 'csv' });
    const header = Buffer.from(csv.base64, 'base64').toString('utf8').split('\n')[0]!;
    expect(header).toMatch(/^\uFEFFCompound code,Compound,Township code,Township,/);
    const geojson = await (
      await callerAs(database, 'analyst', { locale: 'en' })
    ).workbench.export({
      ...input,
      format: 'geojson',
    });
    const metadata = JSON.parse(Buffer.from(geojson.base64, 'base64').toString('utf8')).metadata;
    expect(metadata.notice).toBe('Demo data: generated from published figures, not a real ledger');
  });
});
