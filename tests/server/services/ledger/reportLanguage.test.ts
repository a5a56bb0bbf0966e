/**
 * The ledger import's report in the reader's language (issue #21): a ledger with every kind of
 * problem, a header with missing and repeated columns, a dry run of changes and a real import,
 * read in Chinese (byte for byte what it said before: ledgerReport.zh.json was written by the
 * Chinese-only code) and in English (no Chinese character outside the data it quotes).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLedger, type LedgerImportReport } from '../../../../server/services/ledger/importLedger.ts';
import { describeChange, describeProblem, describeSummary } from '../../../../server/services/ledger/describeReport.ts';
import { TOWNSHIPS } from '../../../../data/geography/jinjiang.ts';
import type { Locale } from '../../../../shared/language/index.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { chineseOutside } from '../../../support/fileLanguage.ts';
import { openEmptyDatabase, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { csvFile, goodRows, HEADERS, ledgerCsv, type LedgerRow } from '../../../support/ledgers.ts';

const TODAY = FIXTURE_AS_OF;
type Options = Parameters<typeof importLedger>[2];
const baseOptions = (extra: Partial<Options> = {}): Options => ({ crs: 'wgs84', dryRun: true, today: TODAY, ...extra });

/** A row of every kind of problem the reader and the row check find (row numbers: after 2 title rows). */
function problemRows(): LedgerRow[] {
  const base = goodRows(40, 'P');
  const row = (i: number, patch: LedgerRow): LedgerRow => ({ ...base[i]!, ...patch });
  const long = (n: number) => '长'.repeat(n);
  return [
    row(0, { 户数: '１２０' }), // fine
    row(1, { 小区编码: '' }),
    row(2, { 所属镇街: '火星镇' }),
    row(3, { 户数: '一百' }),
    row(4, { 经度: 118.644, 纬度: 24.735 }), // Shishi: outside the city
    row(5, { 小区编码: 'DUP-1' }),
    row(6, { 小区编码: 'DUP-1' }),
    row(7, { 纳入台账日期: '2024-02-30' }),
    row(8, { 小区类型: '别墅' }),
    row(9, { 建成年份: 1800 }),
    row(10, { 物业企业: '某物业公司', 物业合同开始日期: null }),
    row(11, { 物业企业: '某物业公司', 物业合同开始日期: '2024-05-01', 物业合同到期日: '2024-01-31' }),
    row(12, { 户数: -5 }),
    row(13, { 物业企业: '某物业公司', 物业合同开始日期: '2024-05-01', 物业企业统一社会信用代码: '123' }),
    row(14, { 经度: base[14]!.纬度 ?? null, 纬度: base[14]!.经度 ?? null }), // swapped
    row(15, { 纳入台账日期: '2099-01-01' }),
    row(16, { 小区名称: '   ' }),
    row(17, { 楼栋数: '十二', 美好家园命名日期: '去年' }),
    row(18, { 经度: 2.35, 纬度: 48.85 }), // Paris: not in China
    row(19, { 户数: 10.5, 建成年份: '两千' }),
    row(20, { 户数: 3_000_000_000 }),
    row(21, { 纳入台账日期: '12345' }), // a serial outside 1990–2100
    row(22, { 美好家园命名日期: '2099-05-01', 物业企业: '某物业公司', 物业合同开始日期: '2099-01-01' }),
    row(23, { 物业企业: '某物业公司', 物业合同开始日期: '2024-05-01', 物业企业统一社会信用代码: '91350582MA2XXXXXI1' }),
    row(24, { 物业企业: '某物业公司', 物业合同开始日期: '2024-05-01', 物业企业统一社会信用代码: '91物50582MA2XXXXX1' }),
    row(25, { 物业企业: '某物业公司', 物业合同开始日期: '2024-05-01', 物业企业统一社会信用代码: '91A50582MA2XXXXX11' }),
    row(26, { 物业企业: '某物业公司', 物业合同开始日期: '2024-05-01', 物业企业统一社会信用代码: '91350582MA2XXXXX12' }),
    row(27, { 物业企业: null, 物业合同开始日期: '2024-05-01' }),
    row(28, { 小区编码: 'X'.repeat(51), 小区名称: long(101), 详细地址: long(201), '所属社区(村)': long(51) }),
    row(29, { 物业企业: long(101), 物业合同开始日期: '2024-05-01' }),
    row(30, { 纳入台账日期: true as unknown as string, 经度: '东经118度' }),
    row(31, { 所属镇街: '磁灶镇', 经度: 118.5905, 纬度: 24.8198 }), // coordinates in another township: a warning
  ];
}

/** A title and a note above the header, an unknown column, and a signature footer below the data. */
function problemLedger() {
  const headers = [...HEADERS, '备注'];
  const csv = ledgerCsv(problemRows(), headers).split('\r\n');
  const text = ['晋江市住宅小区台账（2025年12月）', '说明：红色为必填', ...csv.slice(0, -1), '填表人：张三', ''].join(
    '\r\n',
  );
  return { name: 'problems.csv', data: new TextEncoder().encode(text) };
}

/** Every sentence of a report as the command line prints it, with the report's own fields. */
function reading(report: LedgerImportReport, linesOf: (r: LedgerImportReport) => string[]) {
  return {
    status: report.status,
    problems: report.problems,
    warnings: report.warnings,
    changes: report.changes,
    lines: linesOf(report),
  };
}

const chineseLines = (r: LedgerImportReport) => [
  ...r.problems.map((p) => describeProblem(p)),
  ...r.warnings.map((w) => describeProblem(w)),
  ...r.changes.map((c) => describeChange(c)),
  describeSummary(r),
];

/** The reports the tests read, each made in `locale` from databases prepared for it. */
async function reports(empty: TestDatabase, withLedger: TestDatabase, demo: TestDatabase, locale: Locale) {
  const options = (extra: Partial<Options> = {}) => ({ ...baseOptions(extra), locale });
  const first = goodRows(30);
  first[2] = { ...first[2]!, 物业合同到期日: '2024-12-31' };
  const changed: LedgerRow[] = first
    .filter((r) => r.小区编码 !== 'T-0030')
    .map((r) => {
      if (r.小区编码 === 'T-0002') return { ...r, 户数: 999, 小区类型: '混合' };
      if (r.小区编码 === 'T-0005') return { ...r, 小区名称: '改名花园', 详细地址: '', 建成年份: null };
      if (r.小区编码 === 'T-0006') return { ...r, 物业企业: '新接手物业有限公司', 物业合同开始日期: '2025-01-01' };
      if (r.小区编码 === 'T-0008') return { ...r, '所属社区(村)': '新建社区' };
      return r;
    })
    .concat(goodRows(31).slice(30));
  const conflicts = changed.map((r) =>
    r.小区编码 === 'T-0006'
      ? { ...r, 物业企业: '另一家物业', 物业合同开始日期: '2023-01-01' }
      : r.小区编码 === 'T-0003'
        ? { ...r, 物业合同开始日期: '2024-03-01' }
        : r,
  );
  // Without the community column, a compound moved to another township leaves its community.
  const noCommunity = HEADERS.filter((h) => h !== '所属社区(村)');
  const moved = first.map((r) => (r.小区编码 === 'T-0001' ? { ...r, 所属镇街: '磁灶镇' } : r));
  const badHeader = HEADERS.filter((h) => h !== '户数' && h !== '经度').concat(['小区名称', '备注']);
  const outside = goodRows(2).map((r, i) => (i ? r : { ...r, 经度: 118.644, 纬度: 24.735 }));

  const out: Record<string, LedgerImportReport> = {};
  out.problems = await importLedger(empty.db, problemLedger(), options());
  out.gcj02 = await importLedger(empty.db, csvFile(outside), options({ crs: 'gcj02' }));
  out.header = await importLedger(empty.db, csvFile(goodRows(2), 'x.csv', badHeader), options());
  out.noRows = await importLedger(empty.db, csvFile([]), options());
  out.imported = await importLedger(withLedger.db, csvFile(first), options({ dryRun: false }));
  out.dryRun = await importLedger(withLedger.db, csvFile(changed), options());
  out.conflicts = await importLedger(withLedger.db, csvFile(conflicts), options());
  out.moved = await importLedger(withLedger.db, csvFile(moved, 'moved.csv', noCommunity), options());
  out.demoDryRun = await importLedger(demo.db, csvFile(goodRows(3)), options({ replaceDemo: true }));
  out.replacedDemo = await importLedger(demo.db, csvFile(goodRows(3)), options({ replaceDemo: true, dryRun: false }));
  // What the reports may quote: the files' cells (names, addresses, what was written wrong).
  const cells = [first, changed, conflicts, moved, outside, problemRows(), goodRows(31)]
    .flat()
    .flatMap((r) => Object.values(r))
    .filter((v): v is string => typeof v === 'string');
  return { reports: out, cells };
}

/**
 * A line with a Chinese character outside the data it quotes: a value in quotes ("一百", the
 * header "户数" before its gloss), a cell of the file, a township's name.
 */
function chineseOutsideQuotes(lines: readonly string[], cells: readonly string[]): string[] {
  const data = [...cells, ...TOWNSHIPS.map((t) => t.name)];
  const unquoted = lines.map((text, i) => ({ text: text.replace(/"[^"]*"/g, '""'), where: `line ${i + 1}` }));
  return chineseOutside(unquoted, data);
}

const englishLines = (r: LedgerImportReport) => [
  ...r.problems.flatMap((p) => [p.column, p.message, describeProblem(p, 'en')]),
  ...r.warnings.flatMap((w) => [w.column, w.message, describeProblem(w, 'en')]),
  ...r.changes.flatMap((c) => [...c.changes.map((f) => f.label), describeChange(c, 'en')]),
  describeSummary(r, 'en'),
];

describe('the ledger report in the reader’s language', () => {
  let databases: TestDatabase[] = [];
  let zh: Record<string, LedgerImportReport>;
  let en: Record<string, LedgerImportReport>;
  let cells: string[];
  beforeAll(async () => {
    // Each language on databases of its own: the reports import for real.
    const open = async () => {
      const opened = [
        await openEmptyDatabase('pglite'),
        await openEmptyDatabase('pglite'),
        await openFixtureDatabase('pglite'),
      ];
      databases.push(...opened);
      return opened as [TestDatabase, TestDatabase, TestDatabase];
    };
    zh = (await reports(...(await open()), 'zh-CN')).reports;
    ({ reports: en, cells } = await reports(...(await open()), 'en'));
  });
  afterAll(async () => {
    for (const d of databases) await d.dispose();
    databases = [];
  });

  it('says in Chinese exactly what it said before', () => {
    const golden = JSON.parse(readFileSync(new URL('./ledgerReport.zh.json', import.meta.url), 'utf8')) as unknown;
    const now = Object.fromEntries(Object.entries(zh).map(([k, r]) => [k, reading(r, chineseLines)]));
    expect(JSON.parse(JSON.stringify(now))).toEqual(golden);
  });

  it('says every sentence in English, quoting only the data and the Chinese headers', () => {
    for (const [name, report] of Object.entries(en)) {
      const lines = englishLines(report);
      expect(chineseOutsideQuotes(lines, cells), `${name}:\n${lines.join('\n')}`).toEqual([]);
      // The same problems at the same places as in Chinese, none lost in translation.
      const places = (r: LedgerImportReport) => r.problems.map((p) => p.row);
      expect(places(report), name).toEqual(places(zh[name]!));
      expect(report.warnings.length, name).toBe(zh[name]!.warnings.length);
      expect(report.counts, name).toEqual(zh[name]!.counts);
    }
    // Every kind of problem of the big ledger reads as a sentence of its own (no Chinese reason left untranslated).
    const messages = en.problems!.problems.map((p) => p.message);
    expect(new Set(messages).size, messages.join('\n')).toBeGreaterThan(30);
  });

  it('names a column by its Chinese header with an English gloss, and frames each line in English', () => {
    const problem = en.problems!.problems.find((p) => p.row === 7)!;
    expect(problem).toEqual({ row: 7, column: '"户数" (households)', message: 'should be a whole number, not "一百"' });
    expect(describeProblem(problem, 'en')).toBe('Row 7, "户数" (households): should be a whole number, not "一百"');
    expect(en.header!.problems.map((p) => p.message)).toContain(
      'the required column "户数" (households) is missing (the header is on row 1)',
    );
    expect(en.header!.warnings.map((w) => describeProblem(w, 'en'))).toEqual([
      'Row 1, "备注": unknown column "备注", ignored (the template lists the columns)',
    ]);
    expect(en.noRows!.problems.map((p) => describeProblem(p, 'en'))).toEqual(['the ledger has no data rows']);
    expect(en.gcj02!.problems[0]!.message).toBe(
      '(118.644, 24.735) is outside Jinjiang (118.63953, 24.73799 once converted from GCJ02)',
    );
  });

  it('writes the change lines and the summary in English, one and many, blank and kind included', () => {
    const lines = en.dryRun!.changes.map((c) => describeChange(c, 'en'));
    expect(lines).toEqual([
      'Updated  row 3 T-0002 测试小区2: "户数" (households) 101 → 999; "小区类型" (compound type) resettlement → mixed',
      'Updated  row 6 T-0005 改名花园: "小区名称" (compound name) 测试小区5 → 改名花园; "详细地址" (address) 晋江市新塘街道测试路5号 → (blank); "建成年份" (year built) 1994 → (blank)',
      'Updated  row 7 T-0006 测试小区6: "物业企业" (property company) 测试物业5有限公司 → 新接手物业有限公司; "物业合同开始日期" (contract start) 2023-07-01 → 2025-01-01',
      'Updated  row 9 T-0008 测试小区8: "所属社区(村)" (community or village) 测试社区2 → 新建社区',
      'New      row 31 T-0031 测试小区31',
    ]);
    expect(describeSummary(en.dryRun!, 'en')).toBe(
      'Dry run (nothing written): 1 new compound, 4 updated, 25 unchanged, 2 new communities or villages, 1 new property company; 1 other compound in the database is not in the ledger and stays as it is (30 rows, coordinates in WGS84)',
    );
    expect(describeSummary(en.replacedDemo!, 'en')).toBe(
      'Imported: 3 new compounds, 0 updated, 0 unchanged, 3 new communities or villages, 2 new property companies (the demonstration data were removed) (3 rows, coordinates in WGS84)',
    );
    expect(describeSummary(en.noRows!, 'en')).toBe(
      '0 new compounds, 0 updated, 0 unchanged (0 rows, coordinates in WGS84)',
    );
    // The stored change (the audit log) keeps the Chinese value; only the report is translated.
    expect(zh.dryRun!.changes[0]!.changes.at(-1)).toEqual({
      field: 'kind',
      label: '小区类型',
      before: '安置房',
      after: '混合',
    });
  });
});
