/**
 * Progress against a goal, direction-aware (petitions: lower is better).
 *
 * - requiredWeeklyPace: the change per week needed from now to reach the goal by its deadline
 *   (signed, in the indicator's unit; 0 when the goal is met; null when the deadline has passed
 *   without meeting it).
 * - projectedDate: the day the trailing 8-week pace would reach the goal (today when met; null
 *   when that pace is flat or moving away from the goal).
 * - met: the value meets the goal (null without a value or a goal). Met comes first: a value
 *   short of its goal is never `met`, however good its pace.
 * - status:
 *     met       — the goal is met;
 *   for a deadline goal not yet met, by pace:
 *     on_track  — the trailing pace reaches the goal by its deadline;
 *     at_risk   — the trailing pace reaches it, but within 13 weeks after the deadline; or the
 *                 value is within 5 % of the goal (relative) though the pace does not get there;
 *     off_track — otherwise;
 *   for a standing goal (a rule that holds every day, shared/indicators/status.ts) not met:
 *     off_track, with no pace and no projection.
 */
import { addDays, daysBetween } from '../../../shared/time/dates.ts';
import type { Direction, GoalKind, IndicatorStatus } from '../../../shared/indicators/index.ts';

export type ProgressStatus = IndicatorStatus;

export const TRAILING_WEEKS = 8;
export const AT_RISK_GRACE_DAYS = 13 * 7;
export const AT_RISK_RELATIVE_GAP = 0.05;

export interface ProgressInput {
  direction: Direction;
  /** From the indicator's definition (shared/indicators). */
  goal: GoalKind;
  asOf: string;
  value: number | null;
  /** Value `trailingWeeks` weeks earlier (null when not computable). */
  trailingValue: number | null;
  /** Normally TRAILING_WEEKS; fewer at the start of the history. */
  trailingWeeks: number;
  target: { value: number; deadline: string } | null;
}

export interface Progress {
  met: boolean | null;
  requiredWeeklyPace: number | null;
  projectedDate: string | null;
  status: ProgressStatus | null;
}

/** Compares with a tolerance so 0.95 computed as 0.9500000001 counts as met. */
const EPSILON = 1e-9;

export function isGoalMet(direction: Direction, value: number, goal: number): boolean {
  return direction === 'up' ? value >= goal - EPSILON : value <= goal + EPSILON;
}

export function progressAgainstGoal(input: ProgressInput): Progress {
  const { direction, asOf, value, trailingValue, trailingWeeks, target } = input;
  if (value === null || target === null)
    return { met: null, requiredWeeklyPace: null, projectedDate: null, status: null };
  if (isGoalMet(direction, value, target.value))
    return { met: true, requiredWeeklyPace: 0, projectedDate: asOf, status: 'met' };
  if (input.goal === 'standing')
    return { met: false, requiredWeeklyPace: null, projectedDate: null, status: 'off_track' };

  const gap = target.value - value; // signed: > 0 for "up" goals not yet met, < 0 for "down"
  const daysLeft = daysBetween(asOf, target.deadline);
  const requiredWeeklyPace = daysLeft > 0 ? gap / (daysLeft / 7) : null;

  const pace = trailingValue === null || trailingWeeks < 1 ? null : (value - trailingValue) / trailingWeeks;
  const towardsGoal = pace !== null && Math.sign(pace) === Math.sign(gap) && Math.abs(pace) > EPSILON;
  const projectedDate = towardsGoal ? addDays(asOf, Math.ceil((gap / pace!) * 7 - 1e-6)) : null;

  let status: Exclude<ProgressStatus, 'met'>;
  if (projectedDate !== null && projectedDate <= target.deadline) status = 'on_track';
  else if (projectedDate !== null && daysBetween(target.deadline, projectedDate) <= AT_RISK_GRACE_DAYS)
    status = 'at_risk';
  else if (Math.abs(gap) <= Math.abs(target.value) * AT_RISK_RELATIVE_GAP) status = 'at_risk';
  else status = 'off_track';
  return { met: false, requiredWeeklyPace, projectedDate, status };
}
