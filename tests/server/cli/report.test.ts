/** `onemap report weekly` as a person or a cron job runs it, on the embedded database. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INDICATORS } from '../../../shared/indicators/index.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { isoWeekOf } from '../../../shared/time/weeks.ts';
import { runCli } from '../../support/cli.ts';
import { fixtureDataDir } from '../../support/databases.ts';

const WEEK = '2026-W46';
const KEYS = ['partyOrgCoverage', 'committeeRate', 'deliberationCoverage', 'serviceQuality', 'petitionRate'] as const;
const SHEETS: Record<(typeof KEYS)[number], string> = {
  partyOrgCoverage: '小区党组织覆盖率',
  committeeRate: '业委会组建率',
  deliberationCoverage: '议事协商覆盖率',
  serviceQuality: '服务品质',
  petitionRate: '信访矛盾',
};
const outDir = () => mkdtempSync(join(tmpdir(), 'onemap-report-'));

interface Figures {
  value: number | null;
  met: boolean | null;
  numerator: number;
  denominator: number;
  target: number | null;
  previousWeek: number | null;
  delta: number | null;
  rank: number | null;
}
interface MetricsJson {
  asOf: string;
  city: { indicators: Record<string, Figures> };
  townships: { code: string; name: string; indicators: Record<string, Figures> }[];
}

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** A sheet as objects keyed by its Chinese header row. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  });
  return rows;
}

describe('onemap report weekly', () => {
  let env: Record<string, string>;
  let metrics: MetricsJson;
  let overview: Record<string, unknown>[];
  let sentences: string[];

  beforeAll(async () => {
    env = { ONEMAP_DATA_DIR: await fixtureDataDir() };
    const run = await runCli(['metrics', '--week', WEEK, '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    metrics = JSON.parse(run.stdout);
  });

  it('writes an XLSX whose figures are numbers equal to onemap metrics --week', async () => {
    const out = join(outDir(), 'w.xlsx');
    const run = await runCli(['report', 'weekly', '--week', WEEK, '--format', 'xlsx', '--out', out], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('演示数据');
    const workbook = await readWorkbook(out);
    for (const key of KEYS) {
      const sheet = workbook.getWorksheet(SHEETS[key])!;
      expect(sheet, key).toBeDefined();
      const rows = rowsOf(sheet);
      expect(rows).toHaveLength(20);
      const scopes = [
        ...metrics.townships.map((t) => ({ code: t.code as string | null, figures: t.indicators[key]! })),
        { code: null, figures: metrics.city.indicators[key]! },
      ];
      for (const { code, figures } of scopes) {
        const row = rows.find((r) => r['镇街代码'] === code)!;
        const label = `${key} ${code ?? 'city'}`;
        expect(row, label).toBeDefined();
        expect(row['数值'], label).toBe(figures.value);
        expect(row['分子'], label).toBe(figures.numerator);
        expect(row['分母'], label).toBe(figures.denominator);
        expect(row['目标'], label).toBe(figures.target);
        expect(row['上周'], label).toBe(figures.previousWeek);
        expect(row['较上周'], label).toBe(figures.delta);
        expect(row['排名'], label).toBe(figures.rank);
        // Met first: 达标 exactly when the value reaches the goal, never for a value short of it.
        expect(row['达标/进度'] === '达标', `${label} ${figures.value} vs ${figures.target}`).toBe(
          figures.met === true,
        );
        if (figures.met === false)
          expect(row['达标/进度'], label).toMatch(
            INDICATORS[key].goal === 'standing' ? /^未达标$/ : /^(按期推进|有风险|滞后)$/,
          );
      }
      expect(sheet.getRow(2).getCell(4).numFmt, key).toBe(key === 'petitionRate' ? '0.00' : '0.0%');
      expect(typeof sheet.getRow(2).getCell(4).value, key).toBe('number');
    }
    overview = rowsOf(workbook.getWorksheet('总览')!);
    expect(overview).toHaveLength(19);
    const ranks = overview.map((r) => r['综合排名'] as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(typeof overview[0]!['综合得分']).toBe('number');
    sentences = rowsOf(workbook.getWorksheet('摘要')!).map((r) => r['摘要'] as string);
    expect(sentences.length).toBeGreaterThan(19);
    const about = workbook.getWorksheet('说明')!.getColumn(2).values.map(String).join('\n');
    expect(about).toContain('演示数据');
    expect(about).toContain('已结束，待晾晒');
    for (const key of KEYS) expect(workbook.getWorksheet(`明细-${SHEETS[key]}`), key).toBeDefined();
    expect(rowsOf(workbook.getWorksheet('后进小区')!).length).toBeGreaterThan(0);
  });

  it("writes a township's pack whose compound sheets hold that township's compounds", async () => {
    const out = join(outDir(), 't.xlsx');
    const run = await runCli(
      ['report', 'weekly', '--week', WEEK, '--township', '350582103', '--format', 'xlsx', '--out', out],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const workbook = await readWorkbook(out);
    const chendai = metrics.townships.find((t) => t.code === '350582103')!;
    for (const key of KEYS) {
      const rows = rowsOf(workbook.getWorksheet(`明细-${SHEETS[key]}`)!);
      const total = rows.at(-1)!;
      const compounds = rows.slice(0, -1);
      expect(
        compounds.every((r) => r['镇街'] === '陈埭镇'),
        key,
      ).toBe(true);
      expect(total['镇街']).toBe('合计');
      expect(
        Object.values(total).filter((v) => typeof v === 'number'),
        key,
      ).toEqual([chendai.indicators[key]!.numerator, chendai.indicators[key]!.denominator]);
    }
    expect(rowsOf(workbook.getWorksheet('后进小区')!).every((r) => r['镇街'] === '陈埭镇')).toBe(true);
  });

  it('writes the pack in English with --lang en: the same sheets and totals, in English words', async () => {
    const out = join(outDir(), 'en.xlsx');
    const run = await runCli(
      ['report', 'weekly', '--week', WEEK, '--township', '350582103', '--format', 'xlsx', '--lang', 'en', '--out', out],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const workbook = await readWorkbook(out);
    const chendai = metrics.townships.find((t) => t.code === '350582103')!;
    const rows = rowsOf(workbook.getWorksheet('Detail - Party org.')!);
    expect(rows.slice(0, -1).every((r) => r['Township'] === '陈埭镇')).toBe(true);
    expect(rows.at(-1)!['Township']).toBe('Total');
    expect(Object.values(rows.at(-1)!).filter((v) => typeof v === 'number')).toEqual([
      chendai.indicators.partyOrgCoverage!.numerator,
      chendai.indicators.partyOrgCoverage!.denominator,
    ]);
    expect(workbook.worksheets.at(-1)!.name).toBe('Notes');
  });

  it('prints an A4 PDF whose text has the 19 townships in composite rank order and the summary sentences', async () => {
    const out = join(outDir(), 'w.pdf');
    const run = await runCli(['report', 'weekly', '--week', WEEK, '--format', 'pdf', '--out', out], env);
    expect(run.code, run.stderr).toBe(0);
    expect(execFileSync('pdfinfo', [out]).toString()).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
    expect(text).toContain('演示数据');
    const names = overview.map((r) => r['镇街'] as string);
    expect(names).toHaveLength(19);
    const positions = names.map((name) => text.indexOf(name));
    expect(
      positions.every((p) => p >= 0),
      names.join(' '),
    ).toBe(true);
    expect(positions, 'names appear in composite rank order').toEqual([...positions].sort((a, b) => a - b));
    const flat = text.replace(/\s+/g, '');
    for (const sentence of sentences) expect(flat, sentence).toContain(sentence.replace(/\s+/g, ''));
  }, 180_000);

  it('marks a week reviewed once, and the pack then says it is frozen', async () => {
    const first = await runCli(['report', 'weekly', '--week', '2026-W45', '--mark-reviewed'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('已将 2026-W45（11月2日—8日）标记为已晾晒');
    const out = join(outDir(), 'r.xlsx');
    const again = await runCli(
      ['report', 'weekly', '--week', '2026-W45', '--mark-reviewed', '--format', 'xlsx', '--out', out],
      env,
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(
      /2026-W45（11月2日—8日）此前已标记为已晾晒（快照冻结于 \d{4}-\d\d-\d\d \d\d:\d\d，北京时间）/,
    );
    const about = (await readWorkbook(out)).getWorksheet('说明')!.getColumn(2).values.map(String).join('\n');
    expect(about).toContain('已晾晒');
  }, 180_000);

  const cases: [string, (dir: string) => string[], RegExp, Record<string, string>?][] = [
    ['a malformed week', (d) => ['--week', '2026-13', '--format', 'pdf', '--out', join(d, 'x.pdf')], /周次无效/],
    ['a week in the future', (d) => ['--week', '2099-W01', '--format', 'xlsx', '--out', join(d, 'x.xlsx')], /尚未到来/],
    [
      'a week before 2024-W01',
      (d) => ['--week', '2023-W52', '--format', 'xlsx', '--out', join(d, 'x.xlsx')],
      /早于数据起始周 2024-W01/,
    ],
    [
      'an unknown township',
      (d) => ['--week', WEEK, '--township', '350582999', '--format', 'xlsx', '--out', join(d, 'x.xlsx')],
      /未知镇街代码：350582999/,
    ],
    [
      'an unknown format',
      (d) => ['--week', WEEK, '--format', 'docx', '--out', join(d, 'x.docx')],
      /--format 不支持 "docx"/,
    ],
    [
      'a missing directory',
      (d) => ['--week', WEEK, '--format', 'xlsx', '--out', join(d, 'no', 'such', 'x.xlsx')],
      /无法写入 .*不存在/,
    ],
    [
      'a directory as the file',
      (d) => ['--week', WEEK, '--format', 'pdf', '--out', mkdirSync(join(d, 'sub'), { recursive: true })!],
      /无法写入 .*这是一个目录/,
    ],
    [
      'a file as the directory',
      (d) => {
        writeFileSync(join(d, 'plain'), '');
        return ['--week', WEEK, '--format', 'pdf', '--out', join(d, 'plain', 'x.pdf')];
      },
      /无法写入 .*不是目录/,
    ],
    [
      'a language it does not write',
      (d) => ['--week', WEEK, '--format', 'xlsx', '--lang', 'fr', '--out', join(d, 'x.xlsx')],
      /--lang 不支持 "fr"（可选：zh-CN\|en）/,
    ],
    ['marking the week in progress', () => ['--week', isoWeekOf(todayInCity()), '--mark-reviewed'], /尚未结束/],
    [
      'no Chromium to print with',
      (d) => ['--week', WEEK, '--format', 'pdf', '--out', join(d, 'x.pdf')],
      /无法启动 Chromium/,
      { CHROMIUM_PATH: '/nonexistent/chromium' },
    ],
  ];
  it.each(cases)(
    'refuses %s with one Chinese line, a non-zero exit and no file left',
    async (_, args, message, extraEnv) => {
      const dir = outDir();
      const argv = args(dir);
      const before = readdirSync(dir, { recursive: true });
      // The printer reads CHROMIUM_PATH from the process (the command runs in this one).
      for (const [key, value] of Object.entries(extraEnv ?? {})) vi.stubEnv(key, value);
      const run = await runCli(['report', 'weekly', ...argv], { ...env, ...extraEnv }).finally(() =>
        vi.unstubAllEnvs(),
      );
      expect(run.code, run.stderr).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(readdirSync(dir, { recursive: true }), 'no file, partial or temporary, is left').toEqual(before);
    },
  );
});
