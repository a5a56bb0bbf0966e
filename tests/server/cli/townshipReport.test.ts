/**
 * A township's 一页纸: `onemap report township` writes exactly one A4 page for every township of
 * the demo city (read back with poppler, not only by the file's existence), with its rank, its
 * five indicators, its lagging compounds and the data notice that closes the page; staff get it
 * for their own township and are refused (FORBIDDEN, audited) another's. In English the same page,
 * still one sheet, with no Chinese but the data's names.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../data/schema/index.ts';
import { defaultReviewWeek } from '../../../server/services/review/reviewWeek.ts';
import { openReviewWeek } from '../../../server/services/review/reviewedWeeks.ts';
import { collectOnePager, townshipOnePagerHtml } from '../../../server/services/review/townshipOnePager.ts';
import { sharedPdfPrinter } from '../../../server/services/review/pdfPrinter.ts';
import { INDICATOR_LIST } from '../../../shared/indicators/index.ts';
import { callerAs } from '../../support/callers.ts';
import { chineseOutside, dataWords, pdfTexts } from '../../support/fileLanguage.ts';
import { runCli } from '../../support/cli.ts';
import { fixtureDataDir, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { outcome } from '../../support/procedures.ts';

const WEEK = '2026-W46';
const outDir = () => mkdtempSync(join(tmpdir(), 'onemap-onepager-'));
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
/** The page's text in reading order, without white space (poppler spaces CJK text as it pleases). */
const text = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-']).toString().replace(/\s+/g, '');

describe('onemap report township (一页纸)', () => {
  let env: Record<string, string>;
  let database: TestDatabase;
  beforeAll(async () => {
    env = { ONEMAP_DATA_DIR: await fixtureDataDir() };
    database = await openFixtureDatabase('pglite');
  });
  afterAll(async () => {
    await sharedPdfPrinter.close();
    await database?.dispose();
  });

  it('prints exactly one A4 page for each township, closing with the data notice', async () => {
    const analyst = await callerAs(database, 'analyst');
    const board = await analyst.review.board({ week: WEEK });
    expect(board.townships).toHaveLength(19);
    const dir = outDir();
    // One week's source for all 19 (what townshipOnePager does per request, without recomputing the board).
    const source = await openReviewWeek(database.db, WEEK);
    for (const township of board.townships) {
      const out = join(dir, `${township.code}.pdf`);
      const data = await collectOnePager(source, township.code);
      const html = townshipOnePagerHtml(data, '2026-12-05 09:00');
      writeFileSync(out, await sharedPdfPrinter.print(html));
      expect(execFileSync('pdfinfo', [out]).toString()).toMatch(/Page size:.*\(A4\)/);
      expect(pages(out), township.name).toBe(1);
      const page = text(out);
      expect(page).toContain(`${township.name}·每周调度晾晒一页纸·${WEEK}`);
      expect(page).toContain(`综合排名${township.composite.rank}/19较上周`);
      for (const indicator of INDICATOR_LIST) expect(page, indicator.name).toContain(indicator.name);
      const { lagging } = data.township;
      expect(page).toContain(`后进小区（${lagging.length}个）`);
      if (lagging[0]) expect(page).toContain(lagging[0].name);
      // Its open supervision items (the demo history has some), each light in words.
      const open = (data.board.supervision?.open ?? []).filter((i) => i.townshipCode === township.code);
      expect(page).toContain(`督办事项（${open.length}项未销号）`);
      if (open[0])
        expect(page).toContain(open[0].light === 'red' ? '红灯（逾期' : open[0].light === 'yellow' ? '黄灯' : '绿灯');
      // The last thing on the page: nothing was cut off below it.
      expect(page).toContain('数据说明');
    }
  }, 300_000); // 19 prints by the shared Chromium: minutes on a busy machine.

  it('prints the page in English for a reader in English: still one page, no Chinese but the data', async () => {
    const data = await dataWords(database.db);
    const source = await openReviewWeek(database.db, WEEK);
    const dir = outDir();
    for (const code of (await source.board()).townships.map((t) => t.code)) {
      const onePager = await collectOnePager(source, code, 'en');
      const pdf = await sharedPdfPrinter.print(townshipOnePagerHtml(onePager, '2026-12-05 09:00', 'en'));
      const out = join(dir, `${code}.pdf`);
      writeFileSync(out, pdf);
      expect(pages(out), code).toBe(1);
      const lines = pdfTexts(pdf);
      expect(chineseOutside(lines, data), code).toEqual([]);
      const page = lines.map((l) => l.text).join(' ');
      expect(page).toContain(`weekly review one-pager · ${WEEK}`);
      expect(page).toContain('Four up, one down');
      // The last thing on the page: nothing was cut off below it.
      expect(page).toContain('About the data');
    }

    // As the signed-in reader asks for it: the language of the request, an English file name.
    const english = await callerAs(database, 'analyst', { locale: 'en' });
    const file = await english.review.townshipReport({ code: '350582103', week: WEEK });
    expect(file.fileName).toBe(`one-pager-${WEEK}-陈埭镇.pdf`);
    expect(chineseOutside(pdfTexts(Buffer.from(file.base64, 'base64')), data)).toEqual([]);
  }, 300_000);

  it('is written by the command line to the file named, atomically', async () => {
    const out = join(outDir(), '一页纸.pdf');
    const run = await runCli(['report', 'township', '--township', '350582103', '--week', WEEK, '--out', out], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`已生成 ${WEEK} .+一页纸`));
    expect(pages(out)).toBe(1);
    expect(text(out)).toContain(`·每周调度晾晒一页纸·${WEEK}`);

    const english = join(outDir(), 'one-pager.pdf');
    const inEnglish = await runCli(
      ['report', 'township', '--township', '350582103', '--week', WEEK, '--lang', 'en', '--out', english],
      env,
    );
    expect(inEnglish.code, inEnglish.stderr).toBe(0);
    expect(pages(english)).toBe(1);
    expect(chineseOutside(pdfTexts(readFileSync(english)), await dataWords(database.db))).toEqual([]);
  });

  it('refuses a missing township, an unknown format and an unwritable path with one Chinese line and no file', async () => {
    const dir = outDir();
    writeFileSync(join(dir, 'plain'), '');
    const cases: [string[], RegExp][] = [
      [['--week', WEEK, '--out', join(dir, 'a.pdf')], /缺少 --township/],
      [['--township', '350582103', '--week', WEEK, '--format', 'xlsx', '--out', join(dir, 'a.xlsx')], /--format/],
      [['--township', '350582103', '--week', WEEK, '--out', join(dir, 'plain', 'a.pdf')], /不是目录/],
      [['--township', '350582999', '--week', WEEK, '--out', join(dir, 'a.pdf')], /未知镇街代码/],
      [['--township', '350582103', '--week', WEEK, '--lang', 'fr', '--out', join(dir, 'a.pdf')], /--lang/],
    ];
    for (const [argv, message] of cases) {
      const before = readdirSync(dir);
      const run = await runCli(['report', 'township', ...argv], env);
      expect(run.code, argv.join(' ')).not.toBe(0);
      expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(readdirSync(dir)).toEqual(before);
    }
  });

  it('gives township staff their own township, refuses them another (audited), and gives analysts any', async () => {
    const week = defaultReviewWeek();
    const staff = await callerAs(database, 'township_staff');
    const own = (await staff.auth.me())!.townshipCode!;
    const file = await staff.review.townshipReport({ code: own, week });
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toMatch(new RegExp(`^一页纸_${week}_.+\\.pdf$`));
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const forbidden = () =>
      database.db.select({ n: count() }).from(s.auditLog).where(eq(s.auditLog.action, 'forbidden'));
    const [before] = await forbidden();
    const other = own === '350582101' ? '350582102' : '350582101';
    expect(await outcome(staff, 'review.townshipReport', { code: other, week })).toBe('FORBIDDEN');
    const [after] = await forbidden();
    expect(after!.n).toBe(before!.n + 1);

    const analyst = await callerAs(database, 'analyst');
    expect(await outcome(analyst, 'review.townshipReport', { code: other, week })).toBe('OK');
    const leader = await callerAs(database, 'leader');
    expect(await outcome(leader, 'review.townshipReport', { code: other, week })).toBe('FORBIDDEN');
  });
});
