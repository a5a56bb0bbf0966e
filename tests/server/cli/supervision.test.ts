/**
 * `onemap supervision list`: the items as JSON for programs, CSV for people (Chinese headers,
 * UTF-8 with BOM) and XLSX with date cells, filtered by township, state and week; on both
 * databases (the embedded one through its data directory, PostgreSQL through DATABASE_URL).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionItems } from '../../../data/schema/index.ts';
import { openDatabase } from '../../../server/db/connection.ts';
import type { Database } from '../../../server/db/connection.ts';
import { issueItem } from '../../../server/services/supervision/issue.ts';
import { acceptItem, answerItem } from '../../../server/services/supervision/moves.ts';
import { addDays, todayInCity } from '../../../shared/time/dates.ts';
import { actorAs } from '../../support/callers.ts';
import { runCli } from '../../support/cli.ts';
import { parseCsvRecords } from '../../support/csv.ts';
import { availableBackends, fixtureDataDir, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

const X = '350582103'; // 陈埭镇
const Y = '350582101'; // 安海镇

/** Three items: one overdue in Y (issued 20 days ago), one open in X, one closed in X. */
async function makeItems(database: Pick<Database, 'db' | 'kind'>, today: string) {
  const { actor } = await actorAs(database, 'admin');
  const db = database.db;
  // The fixture's demo supervision history is removed: this test counts only its own made-up items.
  await db.delete(supervisionItems);
  const past = new Date(Date.now() - 20 * 86_400_000);
  await issueItem(
    db,
    actor,
    { townshipCode: Y, task: '=逾期未办', deadline: addDays(today, -2) },
    { at: past, today: addDays(today, -20) },
  );
  const open = await issueItem(db, actor, {
    townshipCode: X,
    task: '组织召开四方联席会议，含“引号”',
    deadline: addDays(today, 7),
  });
  const closed = await issueItem(db, actor, {
    townshipCode: X,
    task: '推进业委会组建或换届',
    deadline: addDays(today, 30),
  });
  await answerItem(db, actor, { itemId: closed.id, answer: '已组建' });
  await acceptItem(db, actor, { itemId: closed.id });
  return { open, closed };
}

describe.each(availableBackends())('onemap supervision list (%s)', (kind) => {
  let env: Record<string, string>;
  let postgresCopy: TestDatabase | undefined;
  let today: string;
  beforeAll(async () => {
    today = todayInCity();
    if (kind === 'pglite') {
      const dir = await fixtureDataDir();
      const database = await openDatabase({ dataDir: dir });
      try {
        await makeItems(database, today);
      } finally {
        await database.close();
      }
      env = { ONEMAP_DATA_DIR: dir };
    } else {
      postgresCopy = await openFixtureDatabase('postgres');
      await makeItems(postgresCopy, today);
      env = { DATABASE_URL: postgresCopy.url! };
    }
  });
  afterAll(() => postgresCopy?.dispose());

  it('prints every item as JSON, the overdue one first, with its light', async () => {
    const run = await runCli(['supervision', 'list', '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    const { today: printed, items } = JSON.parse(run.stdout) as {
      today: string;
      items: { townshipCode: string; task: string; displayState: string; light: string | null; state: string }[];
    };
    expect(printed).toBe(today);
    expect(items.map((i) => [i.townshipCode, i.displayState, i.light])).toEqual([
      [Y, 'overdue', 'red'],
      [X, 'pending', 'green'],
      [X, 'closed', null],
    ]);
  });

  it('filters by township and by state, overdue included', async () => {
    const byTownship = await runCli(['supervision', 'list', '--township', X, '--format', 'json'], env);
    expect(JSON.parse(byTownship.stdout).items.length).toBe(2);
    const overdue = await runCli(['supervision', 'list', '--state', 'overdue', '--format', 'json'], env);
    expect(JSON.parse(overdue.stdout).items.map((i: { task: string }) => i.task)).toEqual(['=逾期未办']);
    const closed = await runCli(['supervision', 'list', '--state', 'closed', '--township', Y, '--format', 'json'], env);
    expect(JSON.parse(closed.stdout).items).toEqual([]);
  });

  it('writes CSV for people: BOM, Chinese headers and labels, formulas made inert', async () => {
    const run = await runCli(['supervision', 'list', '--format', 'csv'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsvRecords(run.stdout.slice(1));
    expect(header!.slice(0, 3)).toEqual(['编号', '镇街代码', '镇街']);
    const column = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[column('镇街')], r[column('状态')], r[column('期限灯')]])).toEqual([
      ['安海镇', '逾期', '红灯（已逾期）'],
      ['陈埭镇', '待办理', '绿灯（剩余3天以上）'],
      ['陈埭镇', '已销号', ''],
    ]);
    expect(rows[0]![column('督办任务')]).toBe("'=逾期未办");
    expect(rows[1]![column('督办任务')]).toBe('组织召开四方联席会议，含“引号”');
    expect(rows[1]![column('办理期限')]).toBe(addDays(today, 7));
  });

  it('writes XLSX with the deadline as a date cell, only to a file', async () => {
    const refused = await runCli(['supervision', 'list', '--format', 'xlsx'], env);
    expect([refused.code, refused.stderr.trim()]).toEqual([1, 'onemap: xlsx 为二进制文件，请用 --out 指定输出文件']);
    const out = join(mkdtempSync(join(tmpdir(), 'onemap-supervision-')), 'items.xlsx');
    const run = await runCli(['supervision', 'list', '--format', 'xlsx', '--out', out], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('已导出 3 个督办事项');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('督办事项')!;
    expect(sheet.rowCount).toBe(4);
    const deadline = sheet.getRow(3).getCell(8).value;
    expect(deadline).toBeInstanceOf(Date);
    expect((deadline as Date).toISOString().slice(0, 10)).toBe(addDays(today, 7));

    // --lang en: the same items and cells, the headers, states, lights and notes in English.
    const english = join(mkdtempSync(join(tmpdir(), 'onemap-supervision-')), 'items-en.xlsx');
    expect(
      (await runCli(['supervision', 'list', '--format', 'xlsx', '--lang', 'en', '--out', english], env)).code,
    ).toBe(0);
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(readFileSync(english) as unknown as ArrayBuffer);
    expect(en.worksheets.map((s) => s.name)).toEqual(['Supervision items', 'Notes']);
    const items = en.getWorksheet('Supervision items')!;
    expect(items.getRow(3).getCell(8).value).toEqual(deadline);
    const column = (name: string) => (items.getRow(1).values as unknown[]).indexOf(name);
    expect(
      [2, 3, 4].map((n) => [
        items.getRow(n).getCell(column('State')).value,
        items.getRow(n).getCell(column('Deadline light')).value,
      ]),
    ).toEqual([
      ['Overdue', 'Red (overdue)'],
      ['Pending', 'Green (more than 3 days left)'],
      ['Closed', ''],
    ]);
    const language = await runCli(['supervision', 'list', '--format', 'csv', '--lang', 'fr'], env);
    expect([language.code, language.stderr.trim()]).toEqual([1, 'onemap: --lang 不支持 "fr"（可选：zh-CN|en）']);
  });

  it('refuses an unknown state, format or subcommand in Chinese', async () => {
    const state = await runCli(['supervision', 'list', '--state', 'late', '--format', 'json'], env);
    expect([state.code, state.stderr.trim()]).toEqual([
      1,
      'onemap: --state 不支持 "late"（可选：pending|answered|closed|returned|overdue）',
    ]);
    const week = await runCli(['supervision', 'list', '--week', '2026-W99', '--format', 'json'], env);
    expect(week.code).toBe(1);
    expect(week.stderr).toMatch(/周次无效/);
    const help = await runCli(['supervision', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('onemap supervision list [--township CODE]');
    const sub = await runCli(['supervision', 'purge'], env);
    expect([sub.code, sub.stderr.trim()]).toEqual([1, 'onemap: 未知子命令 "purge"（可用：list、warn）']);
  });
});
