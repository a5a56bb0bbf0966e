/**
 * Petitions (信访件) and disputes (矛盾纠纷). The city rate per 1,000 households in 28 days
 * falls from about 2.2 at the start of 2024 to about 1.1 by late 2025 and 1.0 in 2026 (四升一降:
 * the one that goes down); some townships are noticeably worse than others. Most are
 * resolved within 5–60 days.
 */
import type { petitions } from '../../../../data/schema/index.ts';
import type { CompoundPlan } from './compounds.ts';
import { dayNumberOf, toDayNumber, fromDayNumber } from '../../../../shared/time/dates.ts';
import { sortByDate } from './issues.ts';
import type { IssueCategory } from './names.ts';
import { clamp, type Random } from './random.ts';
import { valueAtDay } from './schedule.ts';
import { normaliseByHouseholds, spreadEvents } from './volume.ts';

export type PetitionRow = typeof petitions.$inferInsert;

/** City rate per 1,000 households per 28 days. */
const RATE_KNOTS = [
  [dayNumberOf(2024, 1, 1), 2.3],
  [dayNumberOf(2024, 12, 31), 1.6],
  [dayNumberOf(2025, 12, 31), 1.1],
  [dayNumberOf(2026, 12, 31), 0.95],
] as const;
const CATEGORIES: readonly (readonly [IssueCategory, number])[] = [
  ['water_leak', 12],
  ['parking', 12],
  ['noise', 10],
  ['public_revenue', 10],
  ['illegal_structure', 8],
  ['public_space', 8],
  ['ebike_charging', 6],
  ['lift', 6],
  ['gates_roads', 5],
  ['drainage', 5],
  ['high_rise_littering', 4],
  ['fire_safety', 3],
  ['video', 2],
  ['gas', 2],
  ['other', 7],
];

export function generatePetitions(
  rng: Random,
  compounds: readonly CompoundPlan[],
  lag: readonly number[],
  asOf: string,
): PetitionRow[] {
  const asOfDay = toDayNumber(asOf);
  const townshipFactor = lag.map((l) => Math.exp(0.35 * l + rng.normal(0, 0.25)));
  const kindFactor = { old: 1.3, resettlement: 1.2, mixed: 1.05, commercial: 0.9 } as const;
  const factors = normaliseByHouseholds(
    compounds,
    (c) => townshipFactor[c.townshipIndex]! * kindFactor[c.kind] * rng.lognormal(1, 0.3),
  );
  const rows: PetitionRow[] = [];
  spreadEvents(
    rng,
    compounds,
    asOf,
    (c) => factors.get(c.row.id)!,
    (day) => valueAtDay(RATE_KNOTS, day) / 28 / 1000,
    (c, received) => {
      const u = rng.next();
      const after =
        u < 0.04 ? rng.int(1, 4) : u < 0.88 ? clamp(Math.round(rng.lognormal(18, 0.6)), 5, 60) : rng.int(61, 180);
      const resolved = received + after;
      rows.push({
        compoundId: c.row.id,
        kind: rng.chance(0.35) ? 'petition' : 'dispute',
        category: rng.weighted(CATEGORIES),
        receivedOn: fromDayNumber(received),
        resolvedOn: resolved <= asOfDay ? fromDayNumber(resolved) : null,
      });
    },
  );
  return sortByDate(rows, (r) => r.receivedOn);
}
