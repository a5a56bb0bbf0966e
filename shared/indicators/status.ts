/**
 * The verdict on one indicator in one scope. An indicator first meets its goal or not; only a
 * goal not yet met is judged on pace (server/services/metrics/progress.ts). Only `met` is drawn
 * green anywhere (shared/colours/judgement.ts).
 */

/** Worst last: the order of the judgement ramp. */
export const STATUSES = ['met', 'on_track', 'at_risk', 'off_track'] as const;
export type IndicatorStatus = (typeof STATUSES)[number];

/**
 * The kind of goal an indicator takes:
 * - 'deadline': a value to reach by a date (pace matters: on track / at risk / off track);
 * - 'standing': a rule that holds every day (e.g. every compound meets every month). It is met
 *   or not, with no pace: not met is `off_track`, and no projection is made.
 */
export type GoalKind = 'deadline' | 'standing';

/** The statuses as the review pack and the CLI write them (the pack is an official document). */
export const STATUS_LABELS_ZH: Record<IndicatorStatus, string> = {
  met: '达标',
  on_track: '按期推进',
  at_risk: '有风险',
  off_track: '滞后',
};

/** A standing rule not met is "未达标", not "滞后": there is no pace to lag behind. */
export const STANDING_UNMET_ZH = '未达标';

export function statusLabelZh(status: IndicatorStatus | null, goal: GoalKind): string {
  if (status === null) return '—';
  if (goal === 'standing' && status !== 'met') return STANDING_UNMET_ZH;
  return STATUS_LABELS_ZH[status];
}

/** How far from met, 0 (met) to 3 (off track): lists put the larger first. */
export const statusSeverity = (status: IndicatorStatus | null): number =>
  status === null ? -1 : STATUSES.indexOf(status);
