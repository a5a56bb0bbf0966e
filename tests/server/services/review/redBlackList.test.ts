/** 红黑榜 rules on hand-made boards, and the lists never overlapping under any rules. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES, type ReviewRules } from '../../../../data/review-rules.ts';
import { redBlackList, type ListCandidate } from '../../../../server/services/review/redBlackList.ts';
import { reviewRulesSchema } from '../../../../server/services/review/reviewRules.ts';
import { seededRandom, type Random } from '../../../support/fuzzInputs.ts';
import { sweepSize } from '../../../support/sweeps.ts';

const candidate = (code: string, compositeRank: number | null, extra: Partial<ListCandidate> = {}): ListCandidate => ({
  code,
  name: `${code}镇`,
  compositeRank,
  compositeRankChange: 0,
  openIssues: 10,
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

  it('adds a township that rose at least 6 places, and not one that rose 5', () => {
    const board = ten();
    board[5] = candidate('t6', 6, { compositeRankChange: 6 });
    board[6] = candidate('t7', 7, { compositeRankChange: 5 });
    const { red } = redBlackList(board, DEFAULT_REVIEW_RULES);
    expect(codes(red)).toEqual(['t1', 't2', 't3', 't6']);
    expect(red.at(-1)!.reasons).toEqual(['综合排名较上周上升6位']);
  });

  it('adds a township with ≥ 40 % of its open issues overdue (at least 4) or coverage below 80 %, with every reason', () => {
    const board = ten();
    board[3] = candidate('t4', 4, { openIssues: 20, overdueIssues: 6, deliberationCoverage: 0.799 });
    board[4] = candidate('t5', 5, { deliberationCoverage: 0.8 });
    board[5] = candidate('t6', 6, { openIssues: 20, overdueIssues: 8 });
    board[6] = candidate('t7', 7, { openIssues: 20, overdueIssues: 7 });
    board[9] = candidate('t10', 10, { openIssues: 12, overdueIssues: 6, deliberationCoverage: 0.5 });
    const { black } = redBlackList(board, DEFAULT_REVIEW_RULES);
    expect(codes(black)).toEqual(['t10', 't9', 't8', 't6', 't4']);
    expect(black[0]!.reasons).toEqual([
      '综合排名第10名，居后3名',
      '超期诉求6件，占未办结12件的50.0%（40.0%及以上）',
      '议事协商覆盖率50.0%（低于80.0%）',
    ]);
    expect(black.find((e) => e.code === 't4')!.rules).toEqual(['deliberationCoverage']);
    expect(black.find((e) => e.code === 't6')!.rules).toEqual(['overdueShare']);
  });

  it('judges overdue issues as a share of the township, not a count', () => {
    const board = ten();
    // A large township with many overdue issues but few of its open ones: not listed.
    board[1] = candidate('t2', 2, { openIssues: 60, overdueIssues: 12 });
    // A small one with 3 of 4 overdue: a share, but below the minimum count of 4.
    board[2] = candidate('t3', 3, { openIssues: 4, overdueIssues: 3 });
    // A small one with 4 of 6 overdue: listed.
    board[4] = candidate('t5', 5, { openIssues: 6, overdueIssues: 4 });
    const { black } = redBlackList(board, DEFAULT_REVIEW_RULES);
    expect(codes(black)).toEqual(['t10', 't9', 't8', 't5']);
  });

  it('keeps a township that meets a black-list rule off the red list, and says so', () => {
    const board = ten();
    board[0] = candidate('t1', 1, { deliberationCoverage: 0.7 });
    board[1] = candidate('t2', 2, { openIssues: 10, overdueIssues: 5 });
    const { red, black, withheld } = redBlackList(board, DEFAULT_REVIEW_RULES);
    expect(codes(red)).toEqual(['t3']);
    expect(codes(black)).toEqual(['t10', 't9', 't8', 't2', 't1']);
    expect(codes(withheld)).toEqual(['t1', 't2']);
    expect(withheld[0]!.reasons).toEqual(['综合排名第1名，居前3名']);
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
    board[6] = candidate('t7', 7, { openIssues: 10, overdueIssues: 4, compositeRankChange: 6 });
    const configured = rules({
      redList: { topN: 1, minRankRise: null },
      blackList: { bottomN: 0, minOverdueShare: 0.5, minDeliberationCoverage: null },
    });
    const { red, black } = redBlackList(board, configured);
    expect(codes(red)).toEqual(['t1']);
    expect(black).toEqual([]);
    const stricter = redBlackList(board, rules({ blackList: { bottomN: 1, minOverdueShare: 0.3 } }));
    expect(codes(stricter.black)).toEqual(['t10', 't7']);
    expect(codes(stricter.red), 'a riser on the black list is not on the red list').toEqual(['t1', 't2', 't3']);
    const off = redBlackList(board, rules({ blackList: { bottomN: 0, minOverdueShare: null } }));
    expect(codes(off.red)).toEqual(['t1', 't2', 't3', 't7']);
  });

  it('black-lists a township with overdue supervision items when the rule is on, and leaves it off the red list', () => {
    const board = ten().map((c) => (c.code === 't1' ? { ...c, overdueSupervision: 3 } : c));
    const on = redBlackList(board, DEFAULT_REVIEW_RULES);
    const entry = on.black.find((e) => e.code === 't1')!;
    expect(entry.rules).toEqual(['overdueSupervision']);
    expect(entry.reasons).toEqual(['逾期督办事项 3 项']);
    expect(codes(on.red)).not.toContain('t1');
    expect(codes(on.withheld)).toContain('t1');
    const strict = rules({ blackList: { overdueSupervision: { enabled: true, minOverdueItems: 4 } } });
    expect(codes(redBlackList(board, strict).black)).not.toContain('t1');
    const off = rules({ blackList: { overdueSupervision: { enabled: false, minOverdueItems: 1 } } });
    expect(codes(redBlackList(board, off).red)).toContain('t1');
  });

  it('never lists a township without a composite rank by rank', () => {
    const board = [...ten(), candidate('x', null, { compositeRankChange: null })];
    const { red, black } = redBlackList(board, DEFAULT_REVIEW_RULES);
    expect(codes(red)).not.toContain('x');
    expect(codes(black)).not.toContain('x');
  });
});

/** Valid rules of any setting, including extreme ones (top 19 and bottom 19, everything on). */
function randomRules(rng: Random): ReviewRules {
  const maybe = <T>(value: T): T | null => (rng.next() < 0.2 ? null : value);
  const shareOf = () => rng.pick([0.01, 0.1, 0.2, 0.35, 0.5, 0.8, 1, rng.next() * 0.99 + 0.01]);
  return reviewRulesSchema.parse({
    ...DEFAULT_REVIEW_RULES,
    redList: { topN: rng.int(20), minRankRise: maybe(1 + rng.int(18)) },
    blackList: {
      bottomN: rng.int(20),
      minOverdueShare: maybe(shareOf()),
      minOverdueCount: 1 + rng.int(6),
      minDeliberationCoverage: maybe(shareOf()),
      overdueSupervision: { enabled: rng.next() < 0.7, minOverdueItems: 1 + rng.int(4) },
    },
  });
}

/** A week of 19 townships: competition ranks with ties, movement, issues and coverage. */
function randomWeek(rng: Random): ListCandidate[] {
  const scores = Array.from({ length: 19 }, () => (rng.next() < 0.1 ? null : rng.int(8)));
  return scores.map((score, i) => {
    const open = rng.int(30);
    return {
      code: `3505820${String(i).padStart(2, '0')}`,
      name: `镇街${i}`,
      compositeRank: score === null ? null : 1 + scores.filter((s) => s !== null && s > score).length,
      compositeRankChange: rng.next() < 0.1 ? null : rng.int(37) - 18,
      openIssues: open,
      overdueIssues: rng.int(open + 1),
      deliberationCoverage: rng.next() < 0.05 ? null : rng.next(),
      overdueSupervision: rng.next() < 0.7 ? 0 : rng.int(6),
    };
  });
}

describe('红黑榜 under any rules', () => {
  it('never puts a township on both lists, and lists everyone the rules name on one of them', () => {
    const rng = seededRandom(17);
    const cases = sweepSize(5000, 200);
    for (let i = 0; i < cases; i++) {
      const settings = randomRules(rng);
      const week = randomWeek(rng);
      const { red, black, withheld } = redBlackList(week, settings);
      const blackCodes = new Set(codes(black));
      const label = `case ${i}: ${JSON.stringify({ red: settings.redList, black: settings.blackList })}`;
      expect(
        red.filter((e) => blackCodes.has(e.code)),
        label,
      ).toEqual([]);
      // Nobody the red rules name is lost: on the red list, or withheld because black-listed.
      for (const e of withheld) expect(blackCodes.has(e.code), label).toBe(true);
      const top = week.filter(
        (c) => c.compositeRank !== null && settings.redList.topN > 0 && c.compositeRank <= settings.redList.topN,
      );
      for (const c of top) expect([...codes(red), ...codes(withheld)], label).toContain(c.code);
      // Bottom N with ties: the N worst-ranked are always black.
      const ranked = week.filter((c) => c.compositeRank !== null);
      const bottom = ranked.filter(
        (c) => ranked.filter((o) => o.compositeRank! > c.compositeRank!).length < settings.blackList.bottomN,
      );
      for (const c of bottom) expect(blackCodes.has(c.code), label).toBe(true);
      // Overdue supervision items, when the rule is on: black, with the count in words.
      const rule = settings.blackList.overdueSupervision;
      for (const c of week.filter((w) => rule.enabled && (w.overdueSupervision ?? 0) >= rule.minOverdueItems)) {
        const entry = black.find((e) => e.code === c.code);
        expect(entry?.reasons, label).toContain(`逾期督办事项 ${c.overdueSupervision} 项`);
      }
    }
  });
});
