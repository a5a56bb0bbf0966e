/**
 * Deadlines of supervision items as traffic lights, in Asia/Shanghai calendar days (dates are
 * 'YYYY-MM-DD' city days; `today` is todayInCity(), so 23:59 and 00:00 in Shanghai — 15:59 and
 * 16:00 UTC — fall on different days). The deadline day itself still counts as in time: an item
 * is overdue from the day after its deadline, as long as it is not closed.
 *
 *   green  绿灯: more than 3 days left (deadline − today > 3)
 *   yellow 黄灯: 3 days or fewer, the deadline day included (0 ≤ deadline − today ≤ 3)
 *   red    红灯: overdue (today > deadline) and not closed
 *
 * A closed item has no light (null): it is done, on time or not (closedLate says which).
 */
import { STATUS_COLOURS, type Ground, type Swatch } from '../colours/judgement.ts';
import { daysBetween } from '../time/dates.ts';
import type { SupervisionState } from './states.ts';

export const DEADLINE_LIGHTS = ['green', 'yellow', 'red'] as const;
export type DeadlineLight = (typeof DEADLINE_LIGHTS)[number];

/** Days left at which the light turns yellow. */
export const YELLOW_WITHIN_DAYS = 3;

export const DEADLINE_LIGHT_LABELS: Readonly<Record<DeadlineLight, string>> = {
  green: '绿灯（剩余3天以上）',
  yellow: '黄灯（剩余3天及以内）',
  red: '红灯（已逾期）',
};

/**
 * The lights in the product's colour language (shared/colours/judgement.ts): green is the
 * ramp's `met` green, yellow its `on_track` yellow (the ramp's only yellow: a light people call
 * yellow is drawn yellow, not the `at_risk` orange), red the worst end `off_track`.
 */
export const DEADLINE_LIGHT_COLOURS: Readonly<Record<DeadlineLight, Swatch>> = {
  green: STATUS_COLOURS.met,
  yellow: STATUS_COLOURS.on_track,
  red: STATUS_COLOURS.off_track,
};

/** A closed item's (no light) colour. */
export const CLOSED_COLOUR: Swatch = STATUS_COLOURS.none;

/** Days from today to the deadline: 0 on the deadline day, negative once overdue. */
export function daysLeft(deadline: string, today: string): number {
  return daysBetween(today, deadline);
}

/** The light of an item with this deadline on `today`; null once closed. */
export function deadlineLight(
  deadline: string,
  today: string,
  state: SupervisionState = 'pending',
): DeadlineLight | null {
  if (state === 'closed') return null;
  const left = daysLeft(deadline, today);
  if (left < 0) return 'red';
  return left <= YELLOW_WITHIN_DAYS ? 'yellow' : 'green';
}

export function lightColour(light: DeadlineLight | null, ground: Ground = 'dark'): string {
  return (light ? DEADLINE_LIGHT_COLOURS[light] : CLOSED_COLOUR)[ground];
}

/** Past its deadline (from the day after) and not closed. */
export function isOverdue(item: { deadline: string; state: SupervisionState }, today: string): boolean {
  return item.state !== 'closed' && today > item.deadline;
}

/** The state a person sees: 逾期 overrides 待办理/已反馈/退回 once the deadline has passed. */
export function displayState(
  item: { deadline: string; state: SupervisionState },
  today: string,
): SupervisionState | 'overdue' {
  return isOverdue(item, today) ? 'overdue' : item.state;
}

/** Closed after its deadline day (closedOn is the Shanghai day it was closed). */
export function closedLate(deadline: string, closedOn: string | null): boolean {
  return closedOn !== null && closedOn > deadline;
}
