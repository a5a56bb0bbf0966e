/**
 * Supervision items in words, per language, for the files the server writes (the items sheet,
 * the pack's and the one-pager's tables): column headers, states, sources, deadline lights and the
 * notes sheet. Chinese is the official wording (shared/supervision), unchanged; what people wrote
 * (the problem, the task, the answer) is data and stays as written.
 */
import { INDICATORS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { DEADLINE_LIGHT_LABELS, type DeadlineLight } from '../../../shared/supervision/deadlines.ts';
import {
  SUPERVISION_SOURCE_LABELS,
  SUPERVISION_STATE_LABELS,
  type SupervisionSource,
  type SupervisionState,
} from '../../../shared/supervision/states.ts';

export const ITEM_COLUMNS = [
  'id',
  'townshipCode',
  'townshipName',
  'compounds',
  'indicator',
  'problem',
  'task',
  'deadline',
  'daysLeft',
  'light',
  'state',
  'source',
  'week',
  'issuedBy',
  'issuedAt',
  'answer',
  'answeredAt',
  'closedAt',
  'returnedReason',
] as const;
export type ItemColumn = (typeof ITEM_COLUMNS)[number];

export interface ItemWords {
  header: Record<ItemColumn, string>;
  state: Readonly<Record<SupervisionState | 'overdue', string>>;
  source: Readonly<Record<SupervisionSource, string>>;
  light: Readonly<Record<DeadlineLight, string>>;
  indicator(key: IndicatorKey): string;
  /** Between the codes of an item's compounds. */
  and: string;
  itemsSheet: string;
  aboutSheet: string;
  about(today: string): [string, string][];
}

const zh: ItemWords = {
  header: {
    id: '编号',
    townshipCode: '镇街代码',
    townshipName: '镇街',
    compounds: '关联小区编码',
    indicator: '指标',
    problem: '问题',
    task: '督办任务',
    deadline: '办理期限',
    daysLeft: '剩余天数',
    light: '期限灯',
    state: '状态',
    source: '来源',
    week: '周次',
    issuedBy: '交办人',
    issuedAt: '交办时间',
    answer: '反馈内容',
    answeredAt: '反馈时间',
    closedAt: '销号时间',
    returnedReason: '退回理由',
  },
  state: SUPERVISION_STATE_LABELS,
  source: SUPERVISION_SOURCE_LABELS,
  light: DEADLINE_LIGHT_LABELS,
  indicator: (key) => INDICATORS[key].name,
  and: '、',
  itemsSheet: '督办事项',
  aboutSheet: '说明',
  about: (today) => [
    ['统计日期', today],
    ['期限灯', '绿灯：剩余3天以上；黄灯：剩余3天及以内（含期限当日）；红灯：已逾期（期限次日起未销号）'],
    ['时间', '北京时间（Asia/Shanghai）'],
  ],
};

const en: ItemWords = {
  header: {
    id: 'No.',
    townshipCode: 'Township code',
    townshipName: 'Township',
    compounds: 'Compound codes',
    indicator: 'Indicator',
    problem: 'Problem',
    task: 'Task',
    deadline: 'Deadline',
    daysLeft: 'Days left',
    light: 'Deadline light',
    state: 'State',
    source: 'Source',
    week: 'Week',
    issuedBy: 'Issued by',
    issuedAt: 'Issued at',
    answer: 'Answer',
    answeredAt: 'Answered at',
    closedAt: 'Closed at',
    returnedReason: 'Why returned',
  },
  state: { pending: 'Pending', answered: 'Answered', closed: 'Closed', returned: 'Returned', overdue: 'Overdue' },
  source: { review: 'Issued at the weekly review', warning: 'From an early warning', manual: 'Issued by hand' },
  light: {
    green: 'Green (more than 3 days left)',
    yellow: 'Yellow (3 days or less left)',
    red: 'Red (overdue)',
  },
  indicator: (key) => INDICATORS[key].nameEn,
  and: ', ',
  itemsSheet: 'Supervision items',
  aboutSheet: 'Notes',
  about: (today) => [
    ['Count date', today],
    [
      'Deadline light',
      'Green: more than 3 days left; yellow: 3 days or less (the deadline day included); red: overdue (not closed after the deadline day)',
    ],
    ['Times', 'Beijing time (Asia/Shanghai)'],
  ],
};

export const ITEM_WORDS: Record<Locale, ItemWords> = { 'zh-CN': zh, en };
