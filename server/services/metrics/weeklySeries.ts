/**
 * Weekly values of the five indicators from 2024-W01 to the current week, for the city and
 * every township. A week's value is its Sunday's (today's for the week in progress). Counts per
 * day are cached until any record changes (see countsCache.ts).
 */
import { asc } from 'drizzle-orm';
import { townships as townshipsTable } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { FIRST_WEEK, isoWeekOf, weeksBetween, weekValueDate } from '../../../shared/time/weeks.ts';
import { cachedCounts } from './countsCache.ts';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import { addCounts, EMPTY_COUNTS } from './indicatorCounts.ts';
import { indicatorValue } from './indicatorValues.ts';

export type SeriesValues = Record<IndicatorKey, (number | null)[]>;

export interface WeeklySeries {
  weeks: { week: string; date: string }[];
  city: SeriesValues;
  townships: { code: string; name: string; values: SeriesValues }[];
}

export async function weeklySeries(
  db: Db,
  options: { from?: string; to?: string; townshipCode?: string; today?: string } = {},
): Promise<WeeklySeries> {
  const today = options.today ?? todayInCity();
  const weeks = weeksBetween(options.from ?? FIRST_WEEK, options.to ?? isoWeekOf(today)).map((week) => ({
    week,
    date: weekValueDate(week, today),
  }));
  const [counts, townshipRows] = await Promise.all([
    cachedCounts(
      db,
      weeks.map((w) => w.date),
    ),
    db
      .select({ code: townshipsTable.code, name: townshipsTable.name })
      .from(townshipsTable)
      .orderBy(asc(townshipsTable.code)),
  ]);
  const values = (pick: (date: string) => Parameters<typeof indicatorValue>[1]): SeriesValues =>
    Object.fromEntries(
      INDICATOR_KEYS.map((key) => [key, weeks.map((w) => indicatorValue(key, pick(w.date)).value)]),
    ) as SeriesValues;
  const citySums = new Map(
    weeks.map((w) => [w.date, [...counts.get(w.date)!.values()].reduce(addCounts, EMPTY_COUNTS)]),
  );
  const wanted = options.townshipCode ? townshipRows.filter((t) => t.code === options.townshipCode) : townshipRows;
  return {
    weeks,
    // Summed once per week, not once per indicator and week.
    city: values((date) => citySums.get(date)!),
    townships: wanted.map((t) => ({
      code: t.code,
      name: t.name,
      values: values((date) => counts.get(date)!.get(t.code) ?? EMPTY_COUNTS),
    })),
  };
}
