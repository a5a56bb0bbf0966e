/**
 * `onemap report board --week W [--format json|csv|text]`: the week's 晾晒榜 with its red and
 * black lists and their reasons, on standard output, for scripts and the weekly pack. The board
 * is the one the review shows: the frozen snapshot for a reviewed week, else the current records
 * up to the week's Sunday, under the rules in force (or frozen with the snapshot).
 *
 * json: the board itself (every township's composite and indicator ranks, the lists with their
 * rules and reasons, the townships withheld from the red list, the movers and summary) plus
 * the rules in words; csv: one row per township; text: the lists as a person reads them.
 */
import type { ReviewBoard } from '../../services/review/rankingBoard.ts';
import type { ListEntry } from '../../services/review/redBlackList.ts';
import { openReviewWeek } from '../../services/review/reviewedWeeks.ts';
import { parseReviewWeek } from '../../services/review/reviewWeek.ts';
import { toCsv } from '../../services/csv.ts';
import { DEMO_NOTICE } from '../../services/dataset/datasetInfo.ts';
import { describeRules } from '../../../shared/review/reviewRulesText.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { CliError, oneOf, type CliIo } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';

export const BOARD_FORMATS = ['json', 'csv', 'text'] as const;
export type BoardFormat = (typeof BOARD_FORMATS)[number];

export interface BoardArgs {
  week: string | undefined;
  format: string | undefined;
  township: string | undefined;
  out: string | undefined;
  markReviewed: boolean;
  /** CSV without the BOM that tells Excel, WPS and LibreOffice it is UTF-8 (for a script). */
  forPrograms: boolean;
}

const LIST_NAMES = { red: '红榜', black: '黑榜' } as const;

export function boardToCsv(board: ReviewBoard): string {
  const entries = (list: readonly ListEntry[]) => new Map(list.map((e) => [e.code, e]));
  const red = entries(board.redList);
  const black = entries(board.blackList);
  const withheld = entries(board.redWithheld ?? []);
  return toCsv(
    [
      'week',
      'asOf',
      'compositeRank',
      'code',
      'name',
      'compositeScore',
      'rankChange',
      'openIssues',
      'overdueIssues',
      'deliberationCoverage',
      'list',
      'rules',
      'reasons',
    ],
    board.townships.map((t) => {
      const listed = red.get(t.code) ?? black.get(t.code);
      const list = red.has(t.code) ? 'red' : black.has(t.code) ? 'black' : '';
      const held = withheld.get(t.code);
      return [
        board.week,
        board.asOf,
        t.composite.rank,
        t.code,
        t.name,
        t.composite.score,
        t.composite.rankChange,
        t.openIssues,
        t.overdueIssues,
        t.indicators.deliberationCoverage.value,
        list,
        listed?.rules.join(';') ?? '',
        [...(listed?.reasons ?? []), ...(held ? held.reasons.map((r) => `（因上黑榜未列入红榜）${r}`) : [])].join('；'),
      ];
    }),
  );
}

export function boardToText(board: ReviewBoard): string {
  const state = board.reviewed ? `已晾晒（快照）` : '按当前记录';
  const lines = [`${board.week} 晾晒榜红黑榜（截至 ${board.asOf}，${state}）`];
  for (const key of ['red', 'black'] as const) {
    const list = key === 'red' ? board.redList : board.blackList;
    lines.push('', `${LIST_NAMES[key]}（${list.length}个）：`);
    if (!list.length) lines.push('  无');
    for (const e of list) lines.push(`  ${e.name}（综合第${e.compositeRank ?? '—'}名）：${e.reasons.join('；')}`);
  }
  const withheld = board.redWithheld ?? [];
  if (withheld.length) lines.push('', `符合红榜条件但因上黑榜未列入红榜：${withheld.map((e) => e.name).join('、')}`);
  lines.push('', '规则：', ...describeRules(board.rules).map((l) => `  ${l}`));
  return lines.join('\n') + '\n';
}

export async function runReportBoard(args: BoardArgs, io: CliIo): Promise<void> {
  if (args.week === undefined) throw new CliError('缺少 --week（如 --week 2025-W22）');
  if (args.township !== undefined) throw new CliError('report board 是全市的晾晒榜，不接受 --township');
  if (args.out !== undefined) throw new CliError('report board 输出到标准输出，不接受 --out（可用 > 文件 重定向）');
  if (args.markReviewed) throw new CliError('标记已晾晒请用 onemap report weekly --week W --mark-reviewed');
  const format: BoardFormat = oneOf(args.format ?? 'json', BOARD_FORMATS, '--format');
  if (args.forPrograms && format !== 'csv') throw new CliError('--for-programs 只用于 --format csv');
  const today = todayInCity();
  const week = parseReviewWeek(args.week, today);
  const board = await withDatabase(io, async ({ db }) => (await openReviewWeek(db, week.week, { today })).board());
  if (board.demo) io.stderr.write(`注意：${DEMO_NOTICE}\n`);
  io.stdout.write(
    format === 'json'
      ? JSON.stringify(
          { ...board, redWithheld: board.redWithheld ?? [], rulesText: describeRules(board.rules) },
          null,
          2,
        ) + '\n'
      : format === 'csv'
        ? // The BOM tells Excel on Chinese Windows, WPS and LibreOffice that the file is UTF-8.
          (args.forPrograms ? '' : '\uFEFF') + boardToCsv(board)
        : boardToText(board),
  );
}
