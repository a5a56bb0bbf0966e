/**
 * Resident issues (居民诉求): a few thousand a year city-wide in proportion to households,
 * declining mildly as governance improves. Stages 受理 → 派单 (0–2 days) → 办理中 (0–3 days
 * later) → 办结 (mostly within the category's due time, a few slow or stuck for months) → 回访
 * (a few days after closing, for most). Stages dated after asOf are left null, so the issues
 * opened near asOf (and the stuck ones) are still open.
 */
import type { residentIssues } from '../../../../data/schema/index.ts';
import type { CompoundPlan } from './compounds.ts';
import { dayNumberOf, toDayNumber, fromDayNumber } from '../../../../shared/time/dates.ts';
import { CATEGORY_WEIGHTS } from './meetings.ts';
import { type IssueCategory, ISSUE_SUMMARIES } from './names.ts';
import { clamp, type Random } from './random.ts';
import { valueAtDay } from './schedule.ts';
import { normaliseByHouseholds, spreadEvents } from './volume.ts';

export type IssueRow = typeof residentIssues.$inferInsert;

/** Days allowed to close an issue, by category. */
export const DUE_DAYS: Record<IssueCategory, number> = {
  parking: 15,
  ebike_charging: 10,
  fire_safety: 7,
  water_leak: 15,
  high_rise_littering: 10,
  public_space: 15,
  gates_roads: 20,
  drainage: 20,
  video: 10,
  gas: 7,
  lift: 7,
  noise: 10,
  public_revenue: 30,
  illegal_structure: 30,
  other: 15,
};
/**
 * Share of issues stuck for one to five months (disputed structures, shared revenue, lift
 * repairs waiting for funds). With the tenth closed up to three weeks late (LATE), about a tenth to a
 * quarter of the open issues are overdue on any day, as in the hotline statistics a city
 * publishes; a larger share would mean the closing process itself had broken down.
 */
const STUCK: Partial<Record<IssueCategory, number>> = {
  illegal_structure: 0.07,
  public_revenue: 0.05,
  lift: 0.03,
  drainage: 0.02,
  water_leak: 0.018,
};
const STUCK_OTHERWISE = 0.009;
/** Share closed late (after the due day, within about three weeks). */
const LATE = 0.1;
const CHANNELS = [
  ['grid', 38],
  ['hotline', 24],
  ['reception', 10],
  ['meeting', 10],
  ['wish_wall', 10],
  ['petition', 8],
] as const;
const DISPATCH_DELAY = [
  [0, 50],
  [1, 35],
  [2, 15],
] as const;
const PROGRESS_DELAY = [
  [0, 40],
  [1, 30],
  [2, 20],
  [3, 10],
] as const;
const KIND_FACTOR = { old: 1.35, resettlement: 1.15, mixed: 1.05, commercial: 0.95 } as const;

/** Issues per household per day, city-wide: ≈ 0.02 a year at the start (≈ 5,000 a year), declining. */
const RATE_KNOTS = [
  [dayNumberOf(2024, 1, 1), 0.0205 / 365],
  [dayNumberOf(2025, 1, 1), 0.0186 / 365],
  [dayNumberOf(2026, 1, 1), 0.017 / 365],
  [dayNumberOf(2027, 1, 1), 0.016 / 365],
] as const;

export function generateIssues(
  rng: Random,
  compounds: readonly CompoundPlan[],
  lag: readonly number[],
  asOf: string,
): IssueRow[] {
  const asOfDay = toDayNumber(asOf);
  const factors = normaliseByHouseholds(
    compounds,
    (c) => KIND_FACTOR[c.kind] * (1 + 0.15 * lag[c.townshipIndex]!) * rng.lognormal(1, 0.35),
  );
  const rows: IssueRow[] = [];
  const upTo = (d: number | null) => (d !== null && d <= asOfDay ? fromDayNumber(d) : null);
  spreadEvents(
    rng,
    compounds,
    asOf,
    (c) => factors.get(c.row.id)!,
    (day) => valueAtDay(RATE_KNOTS, day),
    (c, opened) => {
      const category = rng.weighted(CATEGORY_WEIGHTS);
      const due = opened + DUE_DAYS[category];
      const dispatched = opened + rng.weighted(DISPATCH_DELAY);
      const inProgress = dispatched + rng.weighted(PROGRESS_DELAY);
      let closeAfter: number;
      const u = rng.next();
      const stuck = STUCK[category] ?? STUCK_OTHERWISE;
      if (u < stuck) closeAfter = rng.int(40, 150);
      else if (u < stuck + LATE) closeAfter = DUE_DAYS[category] + rng.int(1, 22);
      else closeAfter = clamp(Math.round(1 + rng.lognormal(9, 0.6)), 1, DUE_DAYS[category]);
      const closed = Math.max(opened + closeAfter, inProgress);
      const revisited = rng.chance(0.86) ? closed + rng.int(1, 7) : null;
      const dispatchedOn = upTo(dispatched);
      const inProgressOn = dispatchedOn ? upTo(inProgress) : null;
      const closedOn = upTo(closed);
      rows.push({
        compoundId: c.row.id,
        channel: rng.weighted(CHANNELS),
        category,
        summary: rng.pick(ISSUE_SUMMARIES[category]),
        openedOn: fromDayNumber(opened),
        dispatchedOn,
        inProgressOn,
        closedOn,
        revisitedOn: closedOn ? upTo(revisited) : null,
        dueOn: fromDayNumber(due),
      });
    },
  );
  return sortByDate(rows, (r) => r.openedOn);
}

export function sortByDate<T extends { compoundId: number }>(rows: T[], dateOf: (r: T) => string): T[] {
  return rows.sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : a.compoundId - b.compoundId));
}
