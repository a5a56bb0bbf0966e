/** The compound table's columns: header, cell text and sort order. */
import { classOf } from '../../../../shared/compounds/compoundClasses.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import type { Translate } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

export type WorkbenchRow = RouterOutputs['workbench']['rows'][number];

export const SORT_KEYS = [
  'name',
  'township',
  'community',
  'kind',
  'households',
  'company',
  'party',
  'committee',
  'rating',
  'issues',
  'lastMeeting',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TableSort {
  key: SortKey;
  descending: boolean;
}

export interface Column {
  key: SortKey;
  header: MessageKey;
  /**
   * The column's least width in CSS pixels: its header fits on at most two lines and its usual
   * values whole (a long name, company or committee state is cut, with the whole text on hover).
   */
  width: number;
  numeric?: boolean;
  text(row: WorkbenchRow, t: Translate): string;
  /** Sort value: numbers or strings (strings compare in Chinese collation). */
  sortValue(row: WorkbenchRow): number | string;
}

const RATING_ORDER: Record<string, number> = {
  '5': 5,
  '4': 4,
  '3': 3,
  '2': 2,
  '1': 1,
  fail: 0,
  notEvaluated: -1,
  unmanaged: -2,
};
const PARTY_ORDER: Record<string, number> = { standalone: 3, combined: 2, joint: 1, none: 0 };
const COMMITTEE_ORDER: Record<string, number> = { partyMajority: 2, inOffice: 1, none: 0 };

export const COLUMNS: readonly Column[] = [
  { key: 'name', header: 'workbench.col.name', width: 112, text: (r) => r.name, sortValue: (r) => r.name },
  {
    key: 'township',
    header: 'workbench.col.township',
    width: 72,
    text: (r) => r.townshipName,
    sortValue: (r) => r.townshipName,
  },
  {
    key: 'community',
    header: 'workbench.col.community',
    width: 80,
    text: (r) => r.community,
    sortValue: (r) => r.community,
  },
  {
    key: 'kind',
    header: 'workbench.col.kind',
    width: 64,
    text: (r, t) => t(`kind.${r.kind}`),
    sortValue: (r) => r.kind,
  },
  {
    key: 'households',
    header: 'workbench.col.households',
    width: 68,
    numeric: true,
    text: (r) => r.households.toLocaleString('zh-CN'),
    sortValue: (r) => r.households,
  },
  {
    key: 'company',
    header: 'workbench.col.company',
    width: 112,
    text: (r, t) => r.propertyCompany ?? t('card.noProperty'),
    sortValue: (r) => r.propertyCompany ?? '',
  },
  {
    key: 'party',
    header: 'workbench.col.party',
    width: 60,
    text: (r, t) => t(`class.party.${classOf('party', r)}`),
    sortValue: (r) => PARTY_ORDER[classOf('party', r)]!,
  },
  {
    key: 'committee',
    header: 'workbench.col.committee',
    width: 84,
    text: (r, t) => t(`class.committee.${classOf('committee', r)}`),
    sortValue: (r) => COMMITTEE_ORDER[classOf('committee', r)]!,
  },
  {
    key: 'rating',
    header: 'workbench.col.rating',
    width: 56,
    text: (r, t) => t(`class.rating.${classOf('rating', r)}`),
    sortValue: (r) => RATING_ORDER[classOf('rating', r)]!,
  },
  {
    key: 'issues',
    header: 'workbench.col.issues',
    width: 66,
    numeric: true,
    text: (r) => `${r.openIssues} / ${r.overdueIssues}`,
    sortValue: (r) => r.overdueIssues * 10_000 + r.openIssues,
  },
  {
    key: 'lastMeeting',
    header: 'workbench.col.lastMeeting',
    width: 92,
    text: (r, t) => r.lastMeetingDate ?? t('card.none'),
    sortValue: (r) => r.lastMeetingDate ?? '',
  },
];

/** Below this width the table scrolls sideways instead of squeezing its columns. */
export const TABLE_MIN_WIDTH = COLUMNS.reduce((sum, c) => sum + c.width, 0);

const collator = new Intl.Collator('zh-CN');

export function sortRows(rows: readonly WorkbenchRow[], sort: TableSort): WorkbenchRow[] {
  const column = COLUMNS.find((c) => c.key === sort.key)!;
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [column.sortValue(a), column.sortValue(b)];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    // Ties keep a stable, meaningful order: by code.
    return order !== 0 ? sign * order : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
