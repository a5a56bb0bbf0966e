/**
 * 四方联席 meetings (party branch, owners' committee, property company, building heads): each
 * compound is meant to meet monthly, around its own day of the month. Records start in late
 * 2023 (RECORDS_START) when about half the compounds met in a month; through 2024 the rule
 * takes hold; from 2025 nearly all meet every month, a few percent of compound-months missed
 * (less reliable townships miss more).
 *
 * Staff keep to the rule "a meeting in every 30 days": a meeting is held at most 30 days after
 * the previous one (moved earlier in the month when its usual day would be later), except the
 * few that slip (a week or so late). So a compound that meets every month is counted every day
 * (the indicator's window is 30 days), and the coverage falls only for real misses.
 */
import type { meetings } from '../../../../data/schema/index.ts';
import type { CompoundPlan } from './compounds.ts';
import { dayNumberOf, daysInMonth, monthsBetween, toDayNumber, fromDayNumber } from '../../../../shared/time/dates.ts';
import { CATEGORY_LABELS, type IssueCategory } from './names.ts';
import { clamp, type Random } from './random.ts';
import { firstRecordDay, RECORDS_START } from './volume.ts';

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

/** Probability that a compound holds its meeting in month `i` (0 = January 2024, < 0 in 2023). */
function monthlyRate(i: number, noise: number): number {
  if (i < 0) return 0.5 + 0.03 * (i + 3) + noise;
  if (i < 12) return 0.6 + (0.37 * i) / 12 + noise;
  return 0.972 + noise;
}

/** Most meetings keep within 30 days of the previous one; this share slips by 1–8 days. */
const LATE_SHARE = 0.03;

export function generateMeetings(
  rng: Random,
  compounds: readonly CompoundPlan[],
  lag: readonly number[],
  asOf: string,
): MeetingRow[] {
  const asOfDay = toDayNumber(asOf);
  const months = monthsBetween(toDayNumber(RECORDS_START), asOfDay);
  const monthNoise = months.map(() => rng.float(-0.012, 0.008));
  const rows: MeetingRow[] = [];
  for (const c of compounds) {
    const preferredDay = rng.int(6, 27);
    const reliability = -Math.abs(rng.normal(0, 0.02)) - 0.02 * Math.max(0, lag[c.townshipIndex]!) + 0.005 * c.quality;
    let previous: number | null = null;
    months.forEach(({ year, month }, k) => {
      const i = (year - 2024) * 12 + month - 1;
      const p = clamp(monthlyRate(i, monthNoise[k]!) + reliability, 0.15, 0.995);
      if (!rng.chance(p)) return;
      const usual = clamp(preferredDay + Math.round(rng.normal(0, 1.2)), 1, daysInMonth(year, month));
      let day = dayNumberOf(year, month, usual);
      // Within 30 days of last month's meeting (unless it slips), but not more than a few days
      // before the compound's usual day (so the day does not creep towards the 1st month after
      // month: a 31-day month then leaves a day uncovered); after a missed month, the usual day.
      if (previous !== null && day - previous <= 45) {
        const latest = previous + 30 + (rng.chance(LATE_SHARE) ? rng.int(1, 8) : 0);
        const earliest = dayNumberOf(year, month, Math.max(2, preferredDay - 4));
        day = Math.max(earliest, Math.min(day, latest));
      }
      if (day > asOfDay || day < firstRecordDay(c)) return;
      previous = day;
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
