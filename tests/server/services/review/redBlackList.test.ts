/** 红黑榜 rules on hand-made boards. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES, type ReviewRules } from '../../../../data/review-rules.ts';
import { redBlackList, type ListCandidate } from '../../../../server/services/review/redBlackList.ts';

const candidate = (code: string, compositeRank: number | null, extra: Partial<ListCandidate> = {}): ListCandidate => ({
  code,
  name: `${code}镇`,
  compositeRank,
  compositeRankChange: 0,
  overdueIssues: 0,
  deliberationCoverage: 1,
  ...extra,
});

/** Ten townships ranked 1…10, nothing else remarkable. */
const ten = () => Array.from({ length: 10 }, (_, i) => candidate(`t${i + 1}`, i + 1));
const codes = (list: { code: string }[]) => list.map((e) => e.code);
const rules = (patch: {
  redList?: Partial<ReviewRules['redList']>;
  blackList?: Partial<ReviewRules['blackList']>;
}): ReviewRules => ({
  ...DEFAULT_REVIEW_RULES,
  redList: { ...DEFAULT_REVIEW_RULES.redList, ...patch.redList },
  blackList: { ...DEFAULT_REVIEW_RULES.blackList, ...patch.blackList },
});

describe('红黑榜', () => {
  it('puts the top 3 on the red list and the bottom 3 on the black list by default, best and worst first', () => {
    const { red, black } = redBlackList(ten(), DEFAULT_REVIEW_RULES);
    expect(codes(red)).toEqual(['t1', 't2', 't3']);
    expect(codes(black)).toEqual(['t10', 't9', 't8']);
    expect(red[0]!.reasons).toEqual(['综合排名第1名，居前3名']);
    expect(black[0]!.rules).toEqual(['bottom']);
  });

  it('adds a township that rose at least 3 places, and not one that rose 2', () => {
    const board = ten();
    board[5] = candidate('t6', 6, { compositeRankChange: 3 });
    board[6] = candidate('t7', 7, { compositeRankChange: 2 });
    const { red } = redBlackList(board, DEFAULT_REVIEW_RULES);
    expect(codes(red)).toEqual(['t1', 't2', 't3', 't6']);
    expect(red.at(-1)!.reasons).toEqual(['综合排名较上周上升3位']);
  });

  it('adds any township with 5 or more overdue issues or deliberation coverage below 80 %, with every reason', () => {
    const board = ten();
    board[1] = candidate('t2', 2, { overdueIssues: 5 });
    board[3] = candidate('t4', 4, { overdueIssues: 4, deliberationCoverage: 0.799 });
    board[4] = candidate('t5', 5, { deliberationCoverage: 0.8 });
    board[9] = candidate('t10', 10, { overdueIssues: 12, deliberationCoverage: 0.5 });
    const { red, black } = redBlackList(board, DEFAULT_REVIEW_RULES);
    expect(codes(black)).toEqual(['t10', 't9', 't8', 't4', 't2']);
    expect(black[0]!.reasons).toEqual([
      '综合排名第10名，居后3名',
      '超期诉求12件（5件及以上）',
      '议事协商覆盖率50.0%（低于80.0%）',
    ]);
    expect(black.find((e) => e.code === 't4')!.rules).toEqual(['deliberationCoverage']);
    // By default the lists are independent: t2 is both in the top 3 and over the overdue limit.
    expect(codes(red)).toContain('t2');
  });

  it('keeps black-listed townships off the red list when configured to', () => {
    const board = ten();
    board[1] = candidate('t2', 2, { overdueIssues: 9 });
    const { red } = redBlackList(board, rules({ redList: { excludeBlackListed: true } }));
    expect(codes(red)).toEqual(['t1', 't3']);
  });

  it('includes ties at the edge of the top and bottom N', () => {
    const board = [
      candidate('a', 1),
      candidate('b', 2),
      candidate('c', 3),
      candidate('d', 3),
      candidate('e', 5),
      candidate('f', 6),
      candidate('g', 6),
      candidate('h', 8),
    ];
    const { red, black } = redBlackList(board, DEFAULT_REVIEW_RULES);
    expect(codes(red)).toEqual(['a', 'b', 'c', 'd']);
    expect(codes(black)).toEqual(['h', 'f', 'g']);
  });

  it('follows changed thresholds, and a null or zero rule is switched off', () => {
    const board = ten();
    board[6] = candidate('t7', 7, { overdueIssues: 6, compositeRankChange: 4 });
    const configured = rules({
      redList: { topN: 1, minRankRise: null },
      blackList: { bottomN: 0, minOverdueIssues: 7, minDeliberationCoverage: null },
    });
    const { red, black } = redBlackList(board, configured);
    expect(codes(red)).toEqual(['t1']);
    expect(black).toEqual([]);
    const stricter = redBlackList(board, rules({ blackList: { bottomN: 1, minOverdueIssues: 6 } }));
    expect(codes(stricter.black)).toEqual(['t10', 't7']);
  });

  it('never lists a township without a composite rank by rank', () => {
    const board = [...ten(), candidate('x', null, { compositeRankChange: null })];
    const { red, black } = redBlackList(board, DEFAULT_REVIEW_RULES);
    expect(codes(red)).not.toContain('x');
    expect(codes(black)).not.toContain('x');
  });
});
