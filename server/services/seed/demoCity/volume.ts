/**
 * Spreading events over time in proportion to households: per compound and calendar month a
 * Poisson count, each event on a random day of the part of the month the compound has records
 * (from RECORDS_START or its listing, up to asOf), weekends less likely.
 */
import type { CompoundPlan } from './compounds.ts';
import { dayNumberOf, daysInMonth, monthsBetween, toDayNumber, isoWeekday } from '../../../../shared/time/dates.ts';
import type { Random } from './random.ts';

/**
 * Records (meetings, issues, petitions) start three months before the history does: compounds
 * already existed and met, complained and petitioned in late 2023, so the first weeks of 2024
 * show the meetings and open issues carried over instead of starting from zero. The engine
 * counts nothing before a compound's listing date; windows reaching back into 2023 do.
 */
export const RECORDS_START = '2023-10-01';

/** First day a compound can have records: RECORDS_START for the original compounds. */
export function firstRecordDay(c: CompoundPlan): number {
  return c.isNewBuild ? c.listedDay : Math.min(c.listedDay, toDayNumber(RECORDS_START));
}

/**
 * Calls `emit(compound, day)` for every event. `ratePerHouseholdDay(day)` is the city-wide
 * rate; `factor` the compound's relative weight (household-weighted mean 1).
 */
export function spreadEvents(
  rng: Random,
  compounds: readonly CompoundPlan[],
  asOf: string,
  factor: (c: CompoundPlan) => number,
  ratePerHouseholdDay: (day: number) => number,
  emit: (c: CompoundPlan, day: number) => void,
): void {
  const asOfDay = toDayNumber(asOf);
  const months = monthsBetween(toDayNumber(RECORDS_START), asOfDay);
  for (const c of compounds) {
    const f = factor(c);
    for (const { year, month } of months) {
      const first = Math.max(dayNumberOf(year, month, 1), firstRecordDay(c));
      const last = Math.min(dayNumberOf(year, month, daysInMonth(year, month)), asOfDay);
      if (last < first) continue;
      const days = last - first + 1;
      const n = rng.poisson(c.row.households * f * ratePerHouseholdDay(Math.round((first + last) / 2)) * days);
      for (let k = 0; k < n; k++) {
        let day = rng.int(first, last);
        for (let tries = 0; tries < 3 && isoWeekday(day) >= 6 && rng.chance(0.4); tries++) day = rng.int(first, last);
        emit(c, day);
      }
    }
  }
}

/** Normalises raw per-compound weights so their household-weighted mean is 1. */
export function normaliseByHouseholds(
  compounds: readonly CompoundPlan[],
  raw: (c: CompoundPlan) => number,
): Map<number, number> {
  let weighted = 0;
  let households = 0;
  const values = new Map<number, number>();
  for (const c of compounds) {
    const v = raw(c);
    values.set(c.row.id, v);
    weighted += v * c.row.households;
    households += c.row.households;
  }
  const scale = households / weighted;
  for (const [id, v] of values) values.set(id, v * scale);
  return values;
}
