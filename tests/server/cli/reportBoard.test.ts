/** `onemap report board`: the week's 晾晒榜 with its red and black lists and reasons, for scripts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES } from '../../../data/review-rules.ts';
import { runCli } from '../../support/cli.ts';
import { parseCsvObjects } from '../../support/csv.ts';
import { fixtureDataDir } from '../../support/databases.ts';

const WEEK = '2026-W46';

interface Entry {
  code: string;
  name: string;
  compositeRank: number | null;
  rules: string[];
  reasons: string[];
}
interface BoardJson {
  week: string;
  asOf: string;
  demo: boolean;
  reviewed: unknown;
  rules: typeof DEFAULT_REVIEW_RULES;
  rulesText: string[];
  townships: {
    code: string;
    name: string;
    composite: { rank: number | null; rankChange: number | null; score: number | null };
    openIssues: number;
    overdueIssues: number;
    indicators: { deliberationCoverage: { value: number | null } };
    lists: string[];
  }[];
  redList: Entry[];
  blackList: Entry[];
  redWithheld: Entry[];
}

describe('onemap report board', () => {
  let env: Record<string, string>;
  let board: BoardJson;
  beforeAll(async () => {
    env = { ONEMAP_DATA_DIR: await fixtureDataDir() };
    const run = await runCli(['report', 'board', '--week', WEEK, '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('演示数据');
    board = JSON.parse(run.stdout);
  });

  it('prints the week, its 19 townships, and red and black lists with a reason for every rule', () => {
    expect(board).toMatchObject({ week: WEEK, asOf: '2026-11-15', demo: true, reviewed: null });
    expect(board.rules).toEqual(DEFAULT_REVIEW_RULES);
    expect(board.townships).toHaveLength(19);
    expect(board.redList.length).toBeGreaterThanOrEqual(3);
    expect(board.blackList.length).toBeGreaterThanOrEqual(3);
    for (const e of [...board.redList, ...board.blackList, ...board.redWithheld]) {
      expect(e.reasons.length, e.name).toBe(e.rules.length);
      expect(e.reasons.length, e.name).toBeGreaterThan(0);
      for (const reason of e.reasons) expect(reason, e.name).toMatch(/^[\u4e00-\u9fff]/);
    }
    const black = new Set(board.blackList.map((e) => e.code));
    expect(board.redList.filter((e) => black.has(e.code))).toEqual([]);
    expect(board.rulesText.join('\n')).toContain('同一镇街不会同时上红榜和黑榜');
  });

  it('lists exactly the townships the default rules name, from the figures it prints', () => {
    const isBlack = (t: BoardJson['townships'][number]) =>
      t.composite.rank! >= 17 ||
      (t.overdueIssues >= 4 && t.overdueIssues / t.openIssues >= 0.4) ||
      t.indicators.deliberationCoverage.value! < 0.8;
    const isRed = (t: BoardJson['townships'][number]) => t.composite.rank! <= 3 || t.composite.rankChange! >= 6;
    const codes = (list: { code: string }[]) => list.map((e) => e.code).sort();
    expect(codes(board.blackList)).toEqual(codes(board.townships.filter(isBlack)));
    expect(codes(board.redList)).toEqual(codes(board.townships.filter((t) => isRed(t) && !isBlack(t))));
    expect(codes(board.redWithheld)).toEqual(codes(board.townships.filter((t) => isRed(t) && isBlack(t))));
    for (const t of board.townships) {
      expect(t.lists.includes('red'), t.name).toBe(board.redList.some((e) => e.code === t.code));
      expect(t.lists.includes('black'), t.name).toBe(board.blackList.some((e) => e.code === t.code));
    }
  });

  it('gives the same lists as CSV, one row per township, and as text', async () => {
    const csv = await runCli(['report', 'board', '--week', WEEK, '--format', 'csv'], env);
    expect(csv.code, csv.stderr).toBe(0);
    // For people by default (a BOM, so Excel and WPS read UTF-8); for a script without it.
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const forPrograms = await runCli(['report', 'board', '--week', WEEK, '--format', 'csv', '--for-programs'], env);
    expect(forPrograms.stdout).toBe(csv.stdout.slice(1));
    const rows = parseCsvObjects(csv.stdout);
    expect(rows).toHaveLength(19);
    for (const t of board.townships) {
      const row = rows.find((r) => r.code === t.code)!;
      expect(row, t.name).toBeDefined();
      expect(Number(row.compositeRank)).toBe(t.composite.rank);
      expect(Number(row.overdueIssues)).toBe(t.overdueIssues);
      const entry = [...board.redList, ...board.blackList].find((e) => e.code === t.code);
      expect(row.list, t.name).toBe(t.lists[0] ?? '');
      for (const reason of entry?.reasons ?? []) expect(row.reasons, t.name).toContain(reason);
    }

    const text = await runCli(['report', 'board', '--week', WEEK, '--format', 'text'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${WEEK} 晾晒榜红黑榜`);
    expect(text.stdout).toContain(`红榜（${board.redList.length}个）`);
    expect(text.stdout).toContain(`黑榜（${board.blackList.length}个）`);
    for (const e of [...board.redList, ...board.blackList]) expect(text.stdout).toContain(`${e.name}（综合第`);
    expect(text.stdout).toContain('规则：');
  });

  it('defaults to JSON, and refuses what it cannot do with a Chinese message', async () => {
    const plain = await runCli(['report', 'board', '--week', WEEK], env);
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout).redList).toEqual(board.redList);
    for (const [args, message] of [
      [['report', 'board'], /缺少 --week/],
      [['report', 'board', '--week', WEEK, '--format', 'pdf'], /--format 不支持 "pdf"/],
      [['report', 'board', '--week', '2026-W99'], /周/],
      [['report', 'board', '--week', WEEK, '--township', '350582103'], /不接受 --township/],
      [['report', 'board', '--week', WEEK, '--out', '/tmp/x.json'], /不接受 --out/],
      [['report', 'monthly', '--week', WEEK], /不支持的报告 "monthly"（可用：weekly、township、board）/],
    ] as const) {
      const run = await runCli([...args], env);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
  });
});
