/**
 * 上周督办事项办理情况 in words, per language, for the weekly pack (PDF and XLSX) and the
 * one-pager: the counts' columns, the headline, the notes and the deadline lights in words.
 * Chinese is the official wording, unchanged.
 */
import type { Locale } from '../../../shared/language/index.ts';
import { weekLabel } from '../../../shared/time/weeks.ts';
import type { SupervisionCounts, SupervisionWeekSummary } from '../supervision/weekSummary.ts';

export interface OutcomeColumn {
  header: string;
  value: (c: SupervisionCounts) => number;
}

/** The columns' values, in the order the review reads them: what was issued, then what became of it. */
const VALUES: readonly ((c: SupervisionCounts) => number)[] = [
  (c) => c.issued,
  (c) => c.closed - c.closedLate,
  (c) => c.closedLate,
  (c) => c.answered,
  (c) => c.returned,
  (c) => c.pending,
  (c) => c.overdueAsOf,
];

export interface SupervisionPackWords {
  columns: readonly OutcomeColumn[];
  township: string;
  townshipCode: string;
  city: string;
  overdueNow: string;
  headline(summary: SupervisionWeekSummary): string;
  notShown: string;
  first: string;
  firstCell: string;
  noneIssued: string;
  tableNote: string;
  countsSheet: string;
  itemsSheet: string;
  note: string;
  overdueNowNote(today: string): string;
  noItems: string;
  noneOpen(today: string): string;
  openHeaders: readonly [string, string, string, string];
  red(daysOverdue: number): string;
  dueToday: string;
  yellow(daysLeft: number): string;
  green(daysLeft: number): string;
}

const columns = (headers: readonly string[]): OutcomeColumn[] =>
  headers.map((header, i) => ({ header, value: VALUES[i]! }));

const zh: SupervisionPackWords = {
  columns: columns(['交办', '已销号（按期）', '已销号（逾期）', '已反馈待审核', '退回重办', '待办理', '逾期未销号']),
  township: '镇街',
  townshipCode: '镇街代码',
  city: '全市',
  overdueNow: '目前仍逾期',
  headline(summary) {
    const when = summary.final ? `${summary.asOf}（周日 24:00）` : `${summary.today}（本周尚未结束，数字仍会变化）`;
    return `上周 ${weekLabel(summary.week)} 晾晒后交办的督办事项，办理情况统计截至 ${when}`;
  },
  notShown: '本周晾晒时尚未统计督办办理情况（快照早于该功能）。',
  first: '上周：无（数据起始周）。',
  firstCell: '上周：无（数据起始周）',
  noneIssued: '上周未交办督办事项。',
  tableNote:
    '逾期未销号：统计截至日已过办理期限仍未销号。已销号、已反馈待审核、退回重办、待办理四种状态之和等于交办数。',
  countsSheet: '督办办理情况',
  itemsSheet: '上周督办事项',
  note: '说明',
  overdueNowNote: (today) => `“目前仍逾期”按 ${today} 计；其余各列按统计截至日计。`,
  noItems: '无督办事项记录。',
  noneOpen: (today) => `截至 ${today} 没有未销号的督办事项。`,
  openHeaders: ['期限灯', '督办任务', '办理期限', '状态'],
  red: (days) => `红灯（逾期${days}天）`,
  dueToday: '黄灯（今天到期）',
  yellow: (days) => `黄灯（剩${days}天）`,
  green: (days) => `绿灯（剩${days}天）`,
};

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

const en: SupervisionPackWords = {
  columns: columns([
    'Issued',
    'Closed on time',
    'Closed late',
    'Answered, awaiting review',
    'Returned for rework',
    'Pending',
    'Overdue, not closed',
  ]),
  township: 'Township',
  townshipCode: 'Township code',
  city: 'City',
  overdueNow: 'Still overdue now',
  headline(summary) {
    const when = summary.final
      ? `${summary.asOf} (Sunday 24:00)`
      : `${summary.today} (the week is not over: figures may change)`;
    return `Supervision items issued after the review of ${weekLabel(summary.week, 'en')}, counted as of ${when}`;
  },
  notShown: 'Frozen before supervision outcomes were counted (the snapshot predates the feature).',
  first: 'Last week: none (first week of the data).',
  firstCell: 'Last week: none (first week of the data)',
  noneIssued: 'No supervision items were issued last week.',
  tableNote:
    'Overdue, not closed: past the deadline and not closed on the count day. Closed, answered, returned and pending add up to the items issued.',
  countsSheet: 'Supervision outcomes',
  itemsSheet: "Last week's items",
  note: 'Note',
  overdueNowNote: (today) => `"Still overdue now" is counted on ${today}; the other columns on the count day.`,
  noItems: 'No supervision items recorded.',
  noneOpen: (today) => `No open supervision items as of ${today}.`,
  openHeaders: ['Deadline light', 'Task', 'Deadline', 'State'],
  red: (n) => `Red (${days(n)} overdue)`,
  dueToday: 'Yellow (due today)',
  yellow: (n) => `Yellow (${days(n)} left)`,
  green: (n) => `Green (${days(n)} left)`,
};

export const SUPERVISION_PACK_WORDS: Record<Locale, SupervisionPackWords> = { 'zh-CN': zh, en };
