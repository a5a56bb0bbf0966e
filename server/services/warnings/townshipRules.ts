/**
 * The township-level warning rule: an indicator short of its goal for N review weeks running.
 * A week's value is its Sunday's (as the weekly review reads it); only weeks whose Sunday is on
 * or before D count, so the run does not change in the middle of a week. The goal of a week is
 * the one that applied on its Sunday (metrics/targets.ts). The cause is the run, keyed by its
 * first unmet week: a run that goes on is one warning, and ends (resolved) with the first week met.
 */
import { asc } from 'drizzle-orm';
import { townships } from '../../../data/schema/index.ts';
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import { addDays, isoWeekday, toDayNumber } from '../../../shared/time/dates.ts';
import { FIRST_WEEK, isoWeekOf, weekLabel, weekSunday } from '../../../shared/time/weeks.ts';
import type { Db } from '../../db/connection.ts';
import { cachedCounts } from '../metrics/countsCache.ts';
import { EMPTY_COUNTS } from '../metrics/indicatorCounts.ts';
import { indicatorValue } from '../metrics/indicatorValues.ts';
import { isGoalMet } from '../metrics/progress.ts';
import { applicableTarget, loadTargets } from '../metrics/targets.ts';
import type { WarningHit } from './compoundRules.ts';

/** No limit on how far back a run is followed (the history bounds it): a cap would move its first week, and so its key, every week. */
const MAX_RUN_WEEKS = Number.POSITIVE_INFINITY;
const CHUNK_WEEKS = 8;

/** The Sundays of the `count` weeks ending with the last week whose Sunday is on or before asOf, newest first. */
function sundaysBack(asOf: string, from: number, count: number): string[] {
  const lastSunday = isoWeekday(toDayNumber(asOf)) === 7 ? asOf : addDays(asOf, -isoWeekday(toDayNumber(asOf)));
  const first = weekSunday(FIRST_WEEK);
  const out: string[] = [];
  for (let i = from; i < from + count; i++) {
    const sunday = addDays(lastSunday, -7 * i);
    if (sunday < first) break;
    out.push(sunday);
  }
  return out;
}

export async function indicatorUnmetHits(db: Db, asOf: string, n: number): Promise<WarningHit[]> {
  const [rows, targets] = await Promise.all([
    db.select({ code: townships.code, name: townships.name }).from(townships).orderBy(asc(townships.code)),
    loadTargets(db),
  ]);
  /** Whether the township's indicator was short of its goal on that Sunday (null: no value or no goal). */
  const unmetOn = async (sundays: string[]) => {
    const counts = await cachedCounts(db, sundays);
    return (code: string, key: IndicatorKey, sunday: string): boolean => {
      const value = indicatorValue(key, counts.get(sunday)!.get(code) ?? EMPTY_COUNTS).value;
      const target = applicableTarget(targets, key, code, sunday);
      return value !== null && target !== null && !isGoalMet(INDICATORS[key].direction, value, target.value);
    };
  };
  const recent = sundaysBack(asOf, 0, n);
  if (recent.length < n) return [];
  const isUnmet = await unmetOn(recent);
  const runs: { code: string; name: string; key: IndicatorKey; first: string; weeks: number }[] = [];
  for (const t of rows)
    for (const key of INDICATOR_KEYS)
      if (recent.every((sunday) => isUnmet(t.code, key, sunday)))
        runs.push({ code: t.code, name: t.name, key, first: recent.at(-1)!, weeks: n });
  // Each run found: look further back, a chunk of weeks at a time, for the week it began.
  let open = runs;
  for (let from = n; open.length && from < MAX_RUN_WEEKS; from += CHUNK_WEEKS) {
    const older = sundaysBack(asOf, from, CHUNK_WEEKS);
    if (!older.length) break;
    const olderUnmet = await unmetOn(older);
    const still: typeof runs = [];
    for (const run of open) {
      let ended = false;
      for (const sunday of older) {
        if (!olderUnmet(run.code, run.key, sunday)) {
          ended = true;
          break;
        }
        run.first = sunday;
        run.weeks++;
      }
      if (!ended && older.length === CHUNK_WEEKS) still.push(run);
    }
    open = still;
  }
  return runs.map((run) => {
    const firstWeek = isoWeekOf(run.first);
    const name = INDICATORS[run.key].name;
    return {
      rule: 'indicatorUnmet',
      causeKey: `indicatorUnmet:${run.code}:${run.key}:${firstWeek}`,
      townshipCode: run.code,
      compoundCode: null,
      indicator: run.key,
      // The week with its dates: a reader meets no bare code (2024-W23).
      details: `${run.name}${name}自${weekLabel(firstWeek)}起连续${run.weeks}周未达目标`,
      figures: { weeks: run.weeks, firstWeek, threshold: n },
    };
  });
}
