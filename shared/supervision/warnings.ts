/**
 * Early warnings (预警): the six rules, their names, and the states of a raised warning. The
 * rules' settings are data (data/warning-rules.ts, overridden by a business administrator); the
 * server evaluates them (server/services/warnings/). Pure: used by the client and the server.
 *
 * A warning's states:
 *   open 待处理 ──to item──▶ issued 已转督办 (its supervision item carries on)
 *        │ ──dismiss──▶ dismissed 已忽略 (with a reason)
 *        └ (the rule no longer finds the cause) ──▶ resolved 已消除
 * Only an open warning moves; issued, dismissed and resolved are final. A warning is raised once
 * per cause (its cause key): a cause seen again the next day is the same warning.
 */
import type { IndicatorKey } from '../indicators/keys.ts';
import type { SupervisionTopic } from './suggestions.ts';

export const WARNING_RULE_KEYS = [
  'noMeeting',
  'termEnding',
  'issueOverdue',
  'ratingDrop',
  'petitionSurge',
  'indicatorUnmet',
] as const;
export type WarningRuleKey = (typeof WARNING_RULE_KEYS)[number];

export const isWarningRuleKey = (key: string): key is WarningRuleKey =>
  (WARNING_RULE_KEYS as readonly string[]).includes(key);

export const WARNING_STATES = ['open', 'issued', 'dismissed', 'resolved'] as const;
export type WarningState = (typeof WARNING_STATES)[number];

export const WARNING_STATE_LABELS: Readonly<Record<WarningState, string>> = {
  open: '待处理',
  issued: '已转督办',
  dismissed: '已忽略',
  resolved: '已消除',
};

export interface WarningRule {
  enabled: boolean;
  /** The rule's number N (days, stars, count or weeks: WARNING_RULE_TEXT[rule].unit). */
  threshold: number;
  /** Turn each new warning into a supervision item at once (source 'warning'). */
  autoIssue: boolean;
}

export type WarningRules = Record<WarningRuleKey, WarningRule>;

export const WARNING_RULE_TEXT: Readonly<
  Record<WarningRuleKey, { label: string; unit: string; describe: (n: number) => string; max: number; min: number }>
> = {
  noMeeting: {
    label: '四方联席会议久未召开',
    unit: '天',
    describe: (n) => `小区连续${n}天以上未召开四方联席会议`,
    min: 1,
    max: 365,
  },
  termEnding: {
    label: '业委会任期将满未换届',
    unit: '天',
    describe: (n) => `业委会任期在${n}天内届满，且未登记换届`,
    min: 1,
    max: 365,
  },
  issueOverdue: {
    label: '诉求严重逾期',
    unit: '天',
    describe: (n) => `居民诉求逾期超过${n}天仍未办结`,
    min: 0,
    max: 365,
  },
  ratingDrop: {
    label: '物业考评等级下滑',
    unit: '星',
    describe: (n) => `最新考评比上次下降${n}星及以上，或降为未达标`,
    min: 1,
    max: 5,
  },
  petitionSurge: {
    label: '信访矛盾集中',
    unit: '件',
    describe: (n) => `小区近28天新增信访件与矛盾纠纷超过${n}件`,
    min: 0,
    max: 1000,
  },
  indicatorUnmet: {
    label: '指标连续未达标',
    unit: '周',
    describe: (n) => `镇街某项指标连续${n}周未达目标`,
    min: 1,
    max: 52,
  },
};

/** What a warning's supervision item is about (for its suggested task and deadline). */
export function warningTopic(rule: WarningRuleKey, indicator: IndicatorKey | null): SupervisionTopic {
  switch (rule) {
    case 'noMeeting':
      return 'deliberationCoverage';
    case 'termEnding':
      return 'committeeRate';
    case 'issueOverdue':
      return 'overdueIssues';
    case 'ratingDrop':
      return 'serviceQuality';
    case 'petitionSurge':
      return 'petitionRate';
    case 'indicatorUnmet':
      return indicator ?? 'deliberationCoverage';
  }
}
