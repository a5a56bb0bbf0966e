/** `onemap seed` and `onemap export compounds` as a person runs them, on the embedded database. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../../server/services/compounds/exportCompounds.ts';
import { FIXTURE_AS_OF, FIXTURE_SEED } from '../../support/constants.ts';
import { fixtureDataDir } from '../../support/databases.ts';
import { runCli } from '../../support/cli.ts';

const AS_OF = FIXTURE_AS_OF;
const dataDir = (name: string) => join(mkdtempSync(join(tmpdir(), 'onemap-cli-')), name);

describe('onemap seed and export', () => {
  let first: string;
  const second = dataDir('b');
  const other = dataDir('c');
  let csv: string;

  // `first` is the fixture city globalSetup seeded (seed 1, as of AS_OF, in another process): the
  // same seed again through `onemap seed` must export byte for byte what it does. Two seeds of the
  // whole city, one after the other in this process: a minute or more on a busy machine.
  beforeAll(async () => {
    expect(FIXTURE_SEED).toBe(1);
    first = await fixtureDataDir();
    const again = await runCli(['seed', '--seed', '1', '--as-of', AS_OF], { ONEMAP_DATA_DIR: second });
    expect(again.code, again.stderr).toBe(0);
    const third = await runCli(['seed', '--seed', '2', '--as-of', AS_OF], { ONEMAP_DATA_DIR: other });
    expect(third.code, third.stderr).toBe(0);
    const exported = await runCli(['export', 'compounds', '--as-of', AS_OF, '--format', 'csv', '--for-programs'], {
      ONEMAP_DATA_DIR: first,
    });
    expect(exported.code, exported.stderr).toBe(0);
    csv = exported.stdout;
  }, 600_000);

  it('exports one CSV row per compound under the documented header, and says the data is a demonstration', async () => {
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'code,name,townshipCode,townshipName,community,lon,lat,households,kind,propertyManaged,propertyCompany,partyOrgType,committeeInOffice,committeePartyMajority,lastMeetingDate,rating,openIssues,overdueIssues',
    );
    expect(lines).toHaveLength(348);
    const again = await runCli(['export', 'compounds', '--as-of', AS_OF, '--format', 'csv', '--for-programs'], {
      ONEMAP_DATA_DIR: first,
    });
    expect(again.stderr).toContain('演示数据');
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      expect(cells.length, line).toBe(CSV_COLUMNS.length);
      expect(cells[9], 'propertyManaged').toMatch(/^(true|false)$/);
      expect(cells[11], 'partyOrgType').toMatch(/^(standalone|combined|joint)?$/);
      expect(cells[14], 'lastMeetingDate').toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      expect(cells[15], 'rating').toMatch(/^(5|4|3|2|1|fail)?$/);
    }
  });

  it('gives a byte-identical export for the same seed and a different one for another seed', async () => {
    const same = await runCli(['export', 'compounds', '--as-of', AS_OF, '--format', 'csv', '--for-programs'], {
      ONEMAP_DATA_DIR: second,
    });
    const different = await runCli(['export', 'compounds', '--as-of', AS_OF, '--format', 'csv', '--for-programs'], {
      ONEMAP_DATA_DIR: other,
    });
    expect(same.stdout).toBe(csv);
    expect(different.stdout).not.toBe(csv);
  });

  it('writes XLSX with Chinese headers and GeoJSON with the same properties', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onemap-out-'));
    const xlsx = await runCli(
      ['export', 'compounds', '--as-of', AS_OF, '--format', 'xlsx', '--out', join(dir, 'c.xlsx')],
      { ONEMAP_DATA_DIR: first },
    );
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'c.xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toContain('演示数据');
    expect(sheet.getRow(1).getCell(2).value).toBe('小区名称');
    expect(sheet.rowCount).toBe(348);
    const english = await runCli(
      ['export', 'compounds', '--as-of', AS_OF, '--format', 'xlsx', '--lang', 'en', '--out', join(dir, 'en.xlsx')],
      { ONEMAP_DATA_DIR: first },
    );
    expect(english.code, english.stderr).toBe(0);
    const inEnglish = new ExcelJS.Workbook();
    await inEnglish.xlsx.readFile(join(dir, 'en.xlsx'));
    expect(inEnglish.worksheets.map((s) => s.name)).toEqual(['Compounds (demo data)', 'Notes']);
    expect(inEnglish.worksheets[0]!.getRow(1).getCell(2).value).toBe('Compound');
    expect(inEnglish.worksheets[0]!.getColumn(1).values).toEqual(
      sheet.getColumn(1).values.map((v) => (v === '小区编码' ? 'Compound code' : v)),
    );

    const geo = await runCli(['export', 'compounds', '--as-of', AS_OF, '--format', 'geojson'], {
      ONEMAP_DATA_DIR: first,
    });
    const collection = JSON.parse(geo.stdout) as {
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
      metadata: { dataset: string };
    };
    expect(collection.metadata.dataset).toBe('demo');
    expect(collection.features).toHaveLength(347);
    const firstRow = csv.split('\n')[1]!.split(',');
    const feature = collection.features[0]!;
    expect(Object.keys(feature.properties)).toEqual([...CSV_COLUMNS]);
    expect(feature.properties.code).toBe(firstRow[0]);
    expect(feature.geometry.coordinates).toEqual([Number(firstRow[5]), Number(firstRow[6])]);
  });

  it('refuses bad input with one clear line and a non-zero exit, leaving the database untouched', async () => {
    // Refused before the database is opened, so they can run side by side.
    const early: [string[], RegExp][] = [
      [['seed', '--as-of', '2023-13-01'], /--as-of.*无效.*2023-13-01/],
      [['seed', '--seed', 'abc'], /--seed 应为整数/],
      [['export', 'compounds', '--format', 'pdf'], /--format 不支持 "pdf"（可选：csv\|xlsx\|geojson）/],
      [['export', 'compounds', '--format', 'csv', '--lang', 'fr'], /--lang 不支持 "fr"（可选：zh-CN\|en）/],
      [['export', 'compounds', '--format', 'csv', '--as-of', '2023-12-31'], /早于数据起始日/],
      [['export', 'townships', '--format', 'csv'], /不能导出 "townships"/],
      [['frobnicate'], /未知命令 "frobnicate"/],
      [['seed', '--colour'], /未知选项 --colour/],
    ];
    // Refused after opening it: one at a time (an embedded data directory has one user).
    const late: [string[], RegExp][] = [
      [['seed'], /已有小区数据.*--reset/],
      [
        ['export', 'compounds', '--format', 'xlsx', '--out', '/nonexistent-dir/x.xlsx'],
        /无法写入 \/nonexistent-dir\/x.xlsx/,
      ],
    ];
    const check = ([args, message]: [string[], RegExp], run: Awaited<ReturnType<typeof runCli>>) => {
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr, args.join(' ')).toMatch(message);
    };
    const earlyRuns = await Promise.all(early.map(([args]) => runCli(args, { ONEMAP_DATA_DIR: first })));
    early.forEach((c, i) => check(c, earlyRuns[i]!));
    for (const c of late) check(c, await runCli(c[0], { ONEMAP_DATA_DIR: first }));
    expect(existsSync('/nonexistent-dir/x.xlsx')).toBe(false);
    const after = await runCli(['export', 'compounds', '--as-of', AS_OF, '--format', 'csv', '--for-programs'], {
      ONEMAP_DATA_DIR: first,
    });
    expect(after.stdout).toBe(csv);
    // Seven processes side by side: on two shared cores this can take longer than the default minute.
  }, 300_000);

  it('names host and port of an unreachable PostgreSQL, without a stack trace', async () => {
    const run = await runCli(['export', 'compounds', '--format', 'csv'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5999/onemap',
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/无法连接 PostgreSQL 127\.0\.0\.1:5999/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says when the data directory is not writable', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'onemap-ro-')), 'a-file');
    writeFileSync(file, 'not a directory');
    const run = await runCli(['seed'], { ONEMAP_DATA_DIR: join(file, 'db') });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/数据目录不可写/);
    expect(readFileSync(file, 'utf8')).toBe('not a directory');
  });

  it('prints help for the tool and for each command', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    const names = ['serve', 'seed', 'export', 'metrics'];
    const runs = await Promise.all(names.map((name) => runCli([name, '--help'])));
    names.forEach((name, i) => {
      expect(top.stdout).toContain(name);
      expect(runs[i]!.code, name).toBe(0);
      expect(runs[i]!.stdout, name).toContain(`onemap ${name}`);
    });
  });
});
