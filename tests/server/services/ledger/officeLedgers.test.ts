/**
 * Ledgers as offices make them (issue 22): a merged title and a notes row above the header, a
 * 序号 column filled down past the data, a 合计 row and a signature footer, merged township
 * cells, Excel date serials in a CSV, credit codes with a wrong check character — written by
 * exceljs, as GBK, and by LibreOffice from an HTML table (skipped, saying so, without soffice).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../../data/schema/index.ts';
import { importLedger, type LedgerImportReport } from '../../../../server/services/ledger/importLedger.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import {
  availableBackends,
  openEmptyDatabase,
  openFixtureDatabase,
  type TestDatabase,
} from '../../../support/databases.ts';
import { goodRows, samplePoints, type LedgerRow } from '../../../support/ledgers.ts';
import {
  hasProgram,
  needs,
  officeCsv,
  officeHtml,
  officeLedgerGrid,
  officeXlsx,
  soffice,
} from '../../../support/officeFiles.ts';
import { gbkBytes } from '../../../support/shapefile.ts';

const options = (extra: Partial<Parameters<typeof importLedger>[2]> = {}) => ({
  crs: 'wgs84' as const,
  dryRun: true,
  replaceDemo: true,
  today: FIXTURE_AS_OF,
  ...extra,
});
const csv = (text: string, name = '台账.csv') => ({ name, data: new TextEncoder().encode(text) });

/** Named townships, sorted by township: neighbouring rows share one (a merged cell in the sheet). */
function officeRows(n: number, prefix: string): LedgerRow[] {
  const points = samplePoints(n);
  return goodRows(n, prefix)
    .map((r, i): LedgerRow => ({ ...r, 所属镇街: points[i]!.townshipName }))
    .sort(
      (a, b) =>
        String(a.所属镇街).localeCompare(String(b.所属镇街)) || String(a.小区编码).localeCompare(String(b.小区编码)),
    );
}

function expectOfficeLedgerRead(report: LedgerImportReport, n: number, lastRow: number) {
  expect(report.problems, JSON.stringify(report.problems.slice(0, 5))).toEqual([]);
  expect(report.status).toBe('dry-run');
  expect(report.counts.new).toBe(n);
  expect(report.rows).toBe(n);
  const notes = report.warnings.filter((w) => w.row === 0).map((w) => w.message);
  expect(
    notes.filter((m) => m.includes('第1–2行')),
    notes.join('\n'),
  ).toHaveLength(1);
  expect(notes.find((m) => m.includes('第1–2行'))).toContain('表头在第3行');
  expect(
    notes.filter((m) => m.includes(`第${lastRow - 4}–${lastRow}行`)),
    notes.join('\n'),
  ).toHaveLength(1);
  // The merged title is not read as 17 unknown columns; 序号 is said once.
  const unknown = report.warnings.filter((w) => w.message.startsWith('未识别的列'));
  expect(unknown.map((w) => [w.row, w.column])).toEqual([[3, '序号']]);
}

describe.each(availableBackends())('ledgers as offices make them (%s)', (kind) => {
  let fixture: TestDatabase;
  beforeAll(async () => {
    fixture = await openFixtureDatabase(kind);
  });
  afterAll(() => fixture?.dispose());

  // 40 compounds (two or three to a township): data in rows 4–43, 序号 alone in 44–46, 合计 in 47, the footer in 48.
  const rows = officeRows(40, 'OF');

  it('finds the header under a title and notes row and skips trailing 序号, 合计 and footer rows (CSV, UTF-8 and GBK)', async () => {
    const text = officeCsv(officeLedgerGrid(rows));
    expectOfficeLedgerRead(await importLedger(fixture.db, csv(text), options()), 40, 48);
    const gbk = { name: '台账.csv', data: new Uint8Array(gbkBytes(text)) };
    expectOfficeLedgerRead(await importLedger(fixture.db, gbk, options()), 40, 48);
  });

  it('reads merged cells (title across the sheet, townships down the rows) as their value (XLSX)', async () => {
    const data = await officeXlsx(officeLedgerGrid(rows, { mergeTownships: true }));
    expectOfficeLedgerRead(await importLedger(fixture.db, { name: '台账.xlsx', data }, options()), 40, 48);
  });

  it('names a real error by the row the spreadsheet shows, under the title rows', async () => {
    const bad = rows.map((r, i) => (i === 2 ? { ...r, 户数: '一百' } : r));
    for (const file of [
      csv(officeCsv(officeLedgerGrid(bad))),
      { name: 'x.xlsx', data: await officeXlsx(officeLedgerGrid(bad, { mergeTownships: true })) },
    ]) {
      const report = await importLedger(fixture.db, file, options());
      expect(report.status).toBe('invalid');
      expect(report.problems.map((p) => [p.row, p.column])).toEqual([[6, '户数']]);
    }
  });

  it('reports missing columns at the row it took for the header, each once', async () => {
    const text = '晋江市住宅小区台账\r\n名称,地点\r\n甲,乙\r\n';
    const report = await importLedger(fixture.db, csv(text), options());
    expect(report.status).toBe('invalid');
    const missing = report.problems.filter((p) => p.message.startsWith('缺少必填列'));
    expect(missing.map((p) => p.column)).toEqual(['小区编码', '所属镇街', '经度', '纬度', '户数', '小区类型']);
    expect(new Set(missing.map((p) => p.row))).toEqual(new Set([2]));
  });

  it('checks credit codes by the GB 32100-2015 check character and names the wrong character', async () => {
    const company = { 物业企业: '晋江示例物业服务有限公司', 物业合同开始日期: '2023-07-01' };
    const base = goodRows(4, 'CC');
    const coded: LedgerRow[] = [
      { ...base[0]!, ...company, 物业企业统一社会信用代码: '91350582MA2Y0L123D' }, // row 2: valid
      { ...base[1]!, ...company, 物业企业统一社会信用代码: '91350582MA2Y0L123X' }, // 3: check character
      { ...base[2]!, ...company, 物业企业统一社会信用代码: '91350582MA2Y0O123D' }, // 4: letter O
      { ...base[3]!, ...company, 物业企业统一社会信用代码: '91350582ma2y0l123d' }, // 5: lower case, valid
    ];
    const header = Object.keys(coded[0]!);
    const text = [header.join(','), ...coded.map((r) => header.map((h) => r[h] ?? '').join(','))].join('\n');
    const report = await importLedger(fixture.db, csv(text), options());
    const problems = report.problems.map((p) => [p.row, p.column, p.message]);
    expect(problems).toEqual([
      [3, '物业企业统一社会信用代码', expect.stringContaining('第18位校验码应为 D，实为 X')],
      [4, '物业企业统一社会信用代码', expect.stringContaining('第14位为字母 O，统一社会信用代码不使用 I、O、Z、S、V')],
    ]);
  });

  it.skipIf(!hasProgram('soffice'))(
    `reads the ledger LibreOffice made from an HTML table: XLSX with merged cells, and UTF-8 CSV${needs('soffice', 'LibreOffice')}`,
    async () => {
      const html = { name: '台账.html', data: officeHtml(officeLedgerGrid(rows, { mergeTownships: true })) };
      const xlsx = soffice(html, 'xlsx', 'HTML (StarCalc)');
      expectOfficeLedgerRead(await importLedger(fixture.db, { name: '台账.xlsx', data: xlsx }, options()), 40, 48);
      const utf8Csv = soffice(html, 'csv:Text - txt - csv (StarCalc):44,34,76', 'HTML (StarCalc)');
      const report = await importLedger(fixture.db, { name: '台账.csv', data: utf8Csv }, options());
      // Calc's CSV leaves the cells a merge covers empty: those rows lack their township.
      expect(report.problems.every((p) => p.column === '所属镇街' && p.row >= 4 && p.row <= 43)).toBe(true);
      expect(report.warnings.filter((w) => w.row === 0)).toHaveLength(2);
    },
    300_000,
  );
});

describe.each(availableBackends())('Excel date serials in a CSV ledger (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openEmptyDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('stores 45292 as 2024-01-01, as the XLSX import does; refuses a serial outside 1990–2100 with a reason', async () => {
    const rows = goodRows(3, 'SER').map((r, i) => ({
      ...r,
      纳入台账日期: i === 0 ? '45292' : i === 1 ? '45292.5' : '2024-01-01',
      物业企业: '晋江示例物业服务有限公司',
      物业合同开始日期: '45108',
    }));
    const text = officeCsv(officeLedgerGrid(rows));
    const report = await importLedger(database.db, csv(text), options({ dryRun: false, replaceDemo: false }));
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('imported');
    const stored = await database.db.select().from(schema.compounds).orderBy(schema.compounds.code);
    expect(stored.map((c) => c.listedOn)).toEqual(['2024-01-01', '2024-01-01', '2024-01-01']);
    const contracts = await database.db.select().from(schema.propertyContracts);
    expect(contracts.map((c) => c.startOn)).toEqual(['2023-07-01', '2023-07-01', '2023-07-01']);

    const wrong = officeCsv(officeLedgerGrid([{ ...rows[0]!, 纳入台账日期: '12345' }]));
    const refused = await importLedger(database.db, csv(wrong), options());
    expect(refused.problems.map((p) => [p.row, p.column])).toEqual([[4, '纳入台账日期']]);
    expect(refused.problems[0]!.message).toContain('1990–2100');
  });
});
