/**
 * 红黑榜, the red and black lists, by the configurable rules (data/review-rules.ts):
 *
 * - red list: the best `topN` by composite rank, plus any township whose composite rank rose by
 *   at least `minRankRise` places since last week;
 * - black list: the worst `bottomN` by composite rank, plus any township with at least
 *   `minOverdueIssues` overdue resident issues, or deliberation coverage below
 *   `minDeliberationCoverage`;
 * - with `excludeBlackListed`, a township meeting a black-list rule is left off the red list.
 *
 * "Best N" and "worst N" include ties: a township is in the best N when fewer than N townships
 * rank strictly better (with competition ranks: rank ≤ N), in the worst N when fewer than N rank
 * strictly worse. Each entry carries every reason it is listed for.
 */
import type { ReviewRules } from '../../../data/review-rules.ts';
import { percent } from './format.ts';

export interface ListCandidate {
  code: string;
  name: string;
  compositeRank: number | null;
  compositeRankChange: number | null;
  overdueIssues: number;
  deliberationCoverage: number | null;
}

export type ListRule = 'top' | 'rankRise' | 'bottom' | 'overdueIssues' | 'deliberationCoverage';

export interface ListEntry {
  code: string;
  name: string;
  compositeRank: number | null;
  rules: ListRule[];
  reasons: string[];
}

export interface RedBlackList {
  red: ListEntry[];
  black: ListEntry[];
}

export function redBlackList(candidates: readonly ListCandidate[], rules: ReviewRules): RedBlackList {
  const ranks = candidates.map((c) => c.compositeRank).filter((r): r is number => r !== null);
  const worseCount = (rank: number) => ranks.filter((r) => r > rank).length;

  const black = candidates.flatMap((c): ListEntry[] => {
    const found: [ListRule, string][] = [];
    const { bottomN, minOverdueIssues, minDeliberationCoverage } = rules.blackList;
    if (c.compositeRank !== null && bottomN > 0 && worseCount(c.compositeRank) < bottomN)
      found.push(['bottom', `综合排名第${c.compositeRank}名，居后${bottomN}名`]);
    if (minOverdueIssues !== null && c.overdueIssues >= minOverdueIssues)
      found.push(['overdueIssues', `超期诉求${c.overdueIssues}件（${minOverdueIssues}件及以上）`]);
    if (
      minDeliberationCoverage !== null &&
      c.deliberationCoverage !== null &&
      c.deliberationCoverage < minDeliberationCoverage
    ) {
      found.push([
        'deliberationCoverage',
        `议事协商覆盖率${percent(c.deliberationCoverage)}（低于${percent(minDeliberationCoverage)}）`,
      ]);
    }
    return found.length ? [entry(c, found)] : [];
  });
  const blackCodes = new Set(black.map((b) => b.code));

  const red = candidates.flatMap((c): ListEntry[] => {
    if (rules.redList.excludeBlackListed && blackCodes.has(c.code)) return [];
    const found: [ListRule, string][] = [];
    const { topN, minRankRise } = rules.redList;
    if (c.compositeRank !== null && topN > 0 && c.compositeRank <= topN)
      found.push(['top', `综合排名第${c.compositeRank}名，居前${topN}名`]);
    if (minRankRise !== null && c.compositeRankChange !== null && c.compositeRankChange >= minRankRise)
      found.push(['rankRise', `综合排名较上周上升${c.compositeRankChange}位`]);
    return found.length ? [entry(c, found)] : [];
  });

  return { red: sortByRank(red, 1), black: sortByRank(black, -1) };
}

function entry(c: ListCandidate, found: [ListRule, string][]): ListEntry {
  return {
    code: c.code,
    name: c.name,
    compositeRank: c.compositeRank,
    rules: found.map((f) => f[0]),
    reasons: found.map((f) => f[1]),
  };
}

/** Red: best first; black: worst first (order -1); unranked last; code breaks ties. */
function sortByRank(list: ListEntry[], order: 1 | -1): ListEntry[] {
  const r = (e: ListEntry) => (e.compositeRank === null ? Number.MAX_SAFE_INTEGER : order * e.compositeRank);
  return [...list].sort((a, b) => r(a) - r(b) || (a.code < b.code ? -1 : 1));
}
