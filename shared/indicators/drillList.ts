/**
 * The drill-through as a working list: its rows, how they are grouped (the compounds that keep
 * the value from its goal first when it is unmet), filtered, searched and sorted. Pure, so the
 * dialog and the server's XLSX export list the same compounds in the same order.
 */
import type { Direction } from './definition.ts';
import type { Contribution } from './values.ts';

export interface DrillRow extends Contribution {
  code: string;
  name: string;
  /** Pinyin initials of the name ("晋江万达华府" → "jjwdhf"), for search. */
  initials: string;
  townshipCode: string;
  townshipName: string;
  /** The 社区/村, '' when unknown. */
  community: string;
  households: number;
  reasonGroup: string;
  reasonDate: string | null;
}

/**
 * 'short': keeps the value from its goal (for a rate, in the denominator but not the numerator;
 * for a figure where lower is better, in the numerator). 'counted': the rest of the denominator.
 * 'excluded': outside the denominator.
 */
export type DrillSection = 'short' | 'counted' | 'excluded';
export const DRILL_SECTIONS: readonly DrillSection[] = ['short', 'counted', 'excluded'];

/** The section titles in the Chinese export (the dialog takes its own from the message catalogue). */
export const DRILL_SECTION_ZH: Record<Direction, Record<DrillSection, string>> = {
  up: { short: '未计入分子', counted: '计入分子', excluded: '不计入分母' },
  down: { short: '计入分子（越少越好）', counted: '未计入分子', excluded: '不计入分母' },
};

export function sectionOf(
  row: Pick<Contribution, 'inDenominator' | 'inNumerator'>,
  direction: Direction,
): DrillSection {
  if (!row.inDenominator) return 'excluded';
  return row.inNumerator === (direction === 'down') ? 'short' : 'counted';
}

/** Not counted first when the goal is unmet (or unknown); counted first once it is met. */
export function sectionOrder(goalMet: boolean | null): readonly DrillSection[] {
  return goalMet === true ? ['counted', 'short', 'excluded'] : DRILL_SECTIONS;
}

export const DRILL_SORT_KEYS = ['name', 'township', 'community', 'reason', 'date', 'value', 'households'] as const;
export type DrillSortKey = (typeof DRILL_SORT_KEYS)[number];
export interface DrillSort {
  key: DrillSortKey;
  descending: boolean;
}
export const DRILL_SORT_ZH: Record<DrillSortKey, string> = {
  name: '小区名称',
  township: '镇街',
  community: '社区/村',
  reason: '原因',
  date: '日期',
  value: '计入分子',
  households: '户数',
};

export interface DrillFilter {
  townshipCode?: string | undefined;
  reasonGroup?: string | undefined;
  community?: string | undefined;
  /** Part of the name, its pinyin initials ("jjwd") or its code. */
  search?: string | undefined;
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

const compareBy: Record<DrillSortKey, (a: DrillRow, b: DrillRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  // Township codes are the official order (the order of every table in the product).
  township: (a, b) => a.townshipCode.localeCompare(b.townshipCode),
  community: (a, b) => collator.compare(a.community, b.community),
  reason: (a, b) => collator.compare(a.reasonGroup, b.reasonGroup) || collator.compare(a.reason, b.reason),
  // No date sorts before every date (a compound that never held a meeting is the oldest case).
  date: (a, b) => (a.reasonDate ?? '').localeCompare(b.reasonDate ?? ''),
  value: (a, b) => a.numeratorContribution - b.numeratorContribution,
  households: (a, b) => a.households - b.households,
};

export function matchesSearch(row: Pick<DrillRow, 'name' | 'initials' | 'code'>, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  return row.name.toLowerCase().includes(q) || row.initials.includes(q) || row.code.toLowerCase().includes(q);
}

export function filterDrill<R extends DrillRow>(rows: readonly R[], filter: DrillFilter): R[] {
  return rows.filter(
    (r) =>
      (!filter.townshipCode || r.townshipCode === filter.townshipCode) &&
      (!filter.reasonGroup || r.reasonGroup === filter.reasonGroup) &&
      (!filter.community || r.community === filter.community) &&
      (!filter.search || matchesSearch(r, filter.search)),
  );
}

/** Sorted by the key, then by code so equal keys keep one order everywhere. */
export function sortDrill<R extends DrillRow>(rows: readonly R[], sort: DrillSort): R[] {
  const sign = sort.descending ? -1 : 1;
  const compare = compareBy[sort.key];
  return [...rows].sort((a, b) => sign * compare(a, b) || a.code.localeCompare(b.code));
}

/** The list as shown: filtered, grouped into sections in order, each section sorted. */
export function drillSections<R extends DrillRow>(
  rows: readonly R[],
  options: { direction: Direction; goalMet: boolean | null; filter: DrillFilter; sort: DrillSort },
): { section: DrillSection; rows: R[] }[] {
  const shown = sortDrill(filterDrill(rows, options.filter), options.sort);
  return sectionOrder(options.goalMet).map((section) => ({
    section,
    rows: shown.filter((r) => sectionOf(r, options.direction) === section),
  }));
}

/** What a filter's choices are: each township, reason and community present, with its count. */
export function drillChoices(rows: readonly DrillRow[]) {
  const count = <K extends string>(keyOf: (r: DrillRow) => K, labelOf: (r: DrillRow) => string) => {
    const map = new Map<K, { value: K; label: string; count: number }>();
    for (const r of rows) {
      const key = keyOf(r);
      const entry = map.get(key);
      if (entry) entry.count++;
      else map.set(key, { value: key, label: labelOf(r), count: 1 });
    }
    return [...map.values()];
  };
  return {
    townships: count(
      (r) => r.townshipCode,
      (r) => r.townshipName,
    ).sort((a, b) => a.value.localeCompare(b.value)),
    reasons: count(
      (r) => r.reasonGroup,
      (r) => r.reasonGroup,
    ).sort((a, b) => b.count - a.count || collator.compare(a.label, b.label)),
    communities: count(
      (r) => r.community,
      (r) => r.community,
    )
      .filter((c) => c.value !== '')
      .sort((a, b) => collator.compare(a.label, b.label)),
  };
}
