/**
 * 红黑榜, the red and black lists, by the configurable rules (data/review-rules.ts):
 *
 * - black list: the worst `bottomN` by composite rank, plus any township where at least
 *   `minOverdueShare` of its open resident issues are overdue (and at least `minOverdueCount`
 *   of them), or whose deliberation coverage is below `minDeliberationCoverage`, or (when the
 *   rule is on) with at least `overdueSupervision.minOverdueItems` supervision items overdue;
 * - red list: the best `topN` by composite rank, plus any township whose composite rank rose
 *   by at least `minRankRise` places since last week — except a township on the black list.
 *
 * A township is never on both lists, whatever the rules: the black list is judged first and a
 * township on it is left off the red list (a problem the review must address outweighs a good
 * rank; its red reasons are kept in `withheld` so the review can say why it is missing).
 *
 * The triggers other than rank are shares of the township (of its open issues, of its
 * compounds), never absolute counts, so a large township is not listed for being large — except
 * overdue supervision items: each was assigned to the township by name, so a count is fair.
 * "Best N" and "worst N" include ties: a township is in the best N when fewer than N townships
 * rank strictly better (with competition ranks: rank ≤ N), in the worst N when fewer than N rank
 * strictly worse. Each entry carries every reason it is listed for.
 */
import type { ReviewRules } from '../../../data/review-rules.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { percent } from './format.ts';

export interface ListCandidate {
  code: string;
  name: string;
  compositeRank: number | null;
  compositeRankChange: number | null;
  openIssues: number;
  overdueIssues: number;
  deliberationCoverage: number | null;
  /** Supervision items past their deadline and not closed at the end of the week's value date. */
  overdueSupervision?: number;
}

export type ListRule = 'top' | 'rankRise' | 'bottom' | 'overdueShare' | 'deliberationCoverage' | 'overdueSupervision';

/** Why a township is listed, with the figures the reason is written from (in either language). */
export type ListReason =
  | { rule: 'top' | 'bottom'; rank: number; n: number }
  | { rule: 'rankRise'; places: number }
  | { rule: 'overdueShare'; overdue: number; open: number; minShare: number }
  | { rule: 'deliberationCoverage'; coverage: number; min: number }
  | { rule: 'overdueSupervision'; items: number };

export interface ListEntry {
  code: string;
  name: string;
  compositeRank: number | null;
  rules: ListRule[];
  /** The reasons as written (Chinese on the stored board; in the reader's language on the wire). */
  reasons: string[];
  /** The reasons' figures, parallel to `reasons`; absent from boards frozen before they were kept. */
  reasonFacts?: ListReason[];
}

const REASON_WORDS: Record<Locale, (r: ListReason) => string> = {
  'zh-CN': (r) => {
    switch (r.rule) {
      case 'top':
        return `综合排名第${r.rank}名，居前${r.n}名`;
      case 'bottom':
        return `综合排名第${r.rank}名，居后${r.n}名`;
      case 'rankRise':
        return `综合排名较上周上升${r.places}位`;
      case 'overdueShare':
        return `超期诉求${r.overdue}件，占未办结${r.open}件的${percent(r.overdue / r.open)}（${percent(r.minShare)}及以上）`;
      case 'deliberationCoverage':
        return `议事协商覆盖率${percent(r.coverage)}（低于${percent(r.min)}）`;
      case 'overdueSupervision':
        return `逾期督办事项 ${r.items} 项`;
    }
  },
  en: (r) => {
    switch (r.rule) {
      case 'top':
        return `Composite rank ${r.rank}, in the top ${r.n}`;
      case 'bottom':
        return `Composite rank ${r.rank}, in the bottom ${r.n}`;
      case 'rankRise':
        return `Composite rank up ${r.places} ${r.places === 1 ? 'place' : 'places'} on last week`;
      case 'overdueShare':
        return `${r.overdue} overdue resident issues, ${percent(r.overdue / r.open)} of ${r.open} open (${percent(r.minShare)} or more)`;
      case 'deliberationCoverage':
        return `Deliberation coverage ${percent(r.coverage)} (below ${percent(r.min)})`;
      case 'overdueSupervision':
        return `${r.items} supervision ${r.items === 1 ? 'item' : 'items'} overdue`;
    }
  },
};

export function listReasonText(reason: ListReason, locale: Locale): string {
  return REASON_WORDS[locale](reason);
}

/** An entry's reasons in `locale`; an entry frozen without its figures keeps the Chinese it was written in. */
export function entryIn(listed: ListEntry, locale: Locale): ListEntry {
  if (locale === 'zh-CN' || !listed.reasonFacts) return listed;
  return { ...listed, reasons: listed.reasonFacts.map((r) => listReasonText(r, locale)) };
}

export interface RedBlackList {
  red: ListEntry[];
  black: ListEntry[];
  /** Townships that met a red-list rule but are on the black list, with their red reasons. */
  withheld: ListEntry[];
}

type Found = ListReason[];

/** The black-list rules a township meets, with their reasons. */
function blackReasons(c: ListCandidate, rules: ReviewRules, worseCount: (rank: number) => number): Found {
  const found: Found = [];
  const { bottomN, minOverdueShare, minOverdueCount, minDeliberationCoverage } = rules.blackList;
  if (c.compositeRank !== null && bottomN > 0 && worseCount(c.compositeRank) < bottomN)
    found.push({ rule: 'bottom', rank: c.compositeRank, n: bottomN });
  if (
    minOverdueShare !== null &&
    c.openIssues > 0 &&
    c.overdueIssues >= Math.max(1, minOverdueCount) &&
    c.overdueIssues / c.openIssues >= minOverdueShare
  ) {
    found.push({ rule: 'overdueShare', overdue: c.overdueIssues, open: c.openIssues, minShare: minOverdueShare });
  }
  if (
    minDeliberationCoverage !== null &&
    c.deliberationCoverage !== null &&
    c.deliberationCoverage < minDeliberationCoverage
  ) {
    found.push({ rule: 'deliberationCoverage', coverage: c.deliberationCoverage, min: minDeliberationCoverage });
  }
  const supervision = rules.blackList.overdueSupervision;
  const overdueItems = c.overdueSupervision ?? 0;
  if (supervision?.enabled && overdueItems >= Math.max(1, supervision.minOverdueItems))
    found.push({ rule: 'overdueSupervision', items: overdueItems });
  return found;
}

/** The red-list rules a township meets, with their reasons. */
function redReasons(c: ListCandidate, rules: ReviewRules): Found {
  const found: Found = [];
  const { topN, minRankRise } = rules.redList;
  if (c.compositeRank !== null && topN > 0 && c.compositeRank <= topN)
    found.push({ rule: 'top', rank: c.compositeRank, n: topN });
  if (minRankRise !== null && c.compositeRankChange !== null && c.compositeRankChange >= minRankRise)
    found.push({ rule: 'rankRise', places: c.compositeRankChange });
  return found;
}

export function redBlackList(candidates: readonly ListCandidate[], rules: ReviewRules): RedBlackList {
  const ranks = candidates.map((c) => c.compositeRank).filter((r): r is number => r !== null);
  const worseCount = (rank: number) => ranks.filter((r) => r > rank).length;

  const black: ListEntry[] = [];
  const red: ListEntry[] = [];
  const withheld: ListEntry[] = [];
  for (const c of candidates) {
    const b = blackReasons(c, rules, worseCount);
    const r = redReasons(c, rules);
    if (b.length) black.push(entry(c, b));
    if (r.length) (b.length ? withheld : red).push(entry(c, r));
  }
  return { red: sortByRank(red, 1), black: sortByRank(black, -1), withheld: sortByRank(withheld, 1) };
}

function entry(c: ListCandidate, found: Found): ListEntry {
  return {
    code: c.code,
    name: c.name,
    compositeRank: c.compositeRank,
    rules: found.map((f) => f.rule),
    reasons: found.map((f) => listReasonText(f, 'zh-CN')),
    reasonFacts: found,
  };
}

/** Red: best first; black: worst first (order -1); unranked last; code breaks ties. */
function sortByRank(list: ListEntry[], order: 1 | -1): ListEntry[] {
  const r = (e: ListEntry) => (e.compositeRank === null ? Number.MAX_SAFE_INTEGER : order * e.compositeRank);
  return [...list].sort((a, b) => r(a) - r(b) || (a.code < b.code ? -1 : 1));
}
