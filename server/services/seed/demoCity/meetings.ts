/**
 * 四方联席 meetings (party branch, owners' committee, property company, building heads):
 * from January 2024 each compound is meant to meet monthly, around its own day of the
 * month. Early in 2024 the rule is new and many compounds miss months; by 2025 nearly all
 * meet every month, still with the odd miss.
 */
import type { meetings } from '../../../../data/schema/index.ts';
import type { CompoundPlan } from './compounds.ts';
import {
  dayNumberOf,
  daysInMonth,
  HISTORY_START,
  monthsBetween,
  toDayNumber,
  fromDayNumber,
} from '../../../../shared/time/dates.ts';
import { CATEGORY_LABELS, type IssueCategory } from './names.ts';
import { clamp, type Random } from './random.ts';

export type MeetingRow = typeof meetings.$inferInsert;

/** Relative frequency of resident-issue categories (shared by issues, meetings, petitions). */
export const CATEGORY_WEIGHTS: readonly (readonly [IssueCategory, number])[] = [
  ['parking', 22],
  ['ebike_charging', 18],
  ['public_space', 9],
  ['water_leak', 8],
  ['gates_roads', 7],
  ['drainage', 6],
  ['noise', 6],
  ['fire_safety', 5],
  ['high_rise_littering', 4],
  ['lift', 4],
  ['video', 3],
  ['public_revenue', 3],
  ['gas', 2],
  ['illegal_structure', 2],
  ['other', 3],
];

const TOPIC_COUNT = [
  [1, 4],
  [2, 4],
  [3, 2],
] as const;
const PROBLEMS_RESOLVED = [
  [0, 80],
  [1, 13],
  [2, 5],
  [3, 1.5],
  [4, 0.5],
] as const;

/** Probability that a compound holds its meeting in month `i` (0 = January 2024). */
function monthlyRate(i: number, noise: number): number {
  if (i < 12) return 0.6 + (0.37 * i) / 12 + noise;
  return 0.975 + noise;
}

export function generateMeetings(
  rng: Random,
  compounds: readonly CompoundPlan[],
  lag: readonly number[],
  asOf: string,
): MeetingRow[] {
  const asOfDay = toDayNumber(asOf);
  const months = monthsBetween(toDayNumber(HISTORY_START), asOfDay);
  const monthNoise = months.map(() => rng.float(-0.015, 0.01));
  const rows: MeetingRow[] = [];
  for (const c of compounds) {
    const preferredDay = rng.int(3, 26);
    const reliability = -Math.abs(rng.normal(0, 0.02)) - 0.015 * Math.max(0, lag[c.townshipIndex]!) + 0.005 * c.quality;
    months.forEach(({ year, month }, i) => {
      const p = clamp(monthlyRate(i, monthNoise[i]!) + reliability, 0.15, 0.995);
      if (!rng.chance(p)) return;
      const date = clamp(preferredDay + Math.round(rng.normal(0, 1.2)), 1, daysInMonth(year, month));
      const day = dayNumberOf(year, month, date);
      if (day > asOfDay || day < c.listedDay) return;
      const topicCount = rng.weighted(TOPIC_COUNT);
      const topics: IssueCategory[] = [];
      while (topics.length < topicCount) {
        const t = rng.weighted(CATEGORY_WEIGHTS);
        if (!topics.includes(t)) topics.push(t);
      }
      rows.push({
        compoundId: c.row.id,
        heldOn: fromDayNumber(day),
        attendees: clamp(Math.round(rng.normal(10.5, 3)), 6, 20),
        topics: topics.map((t) => CATEGORY_LABELS[t]).join('、'),
        problemsResolved: rng.weighted(PROBLEMS_RESOLVED),
      });
    });
  }
  return rows;
}
