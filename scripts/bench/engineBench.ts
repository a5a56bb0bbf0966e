/**
 * Engine latency: the single-date query of all five indicators for the city and every township
 * (uncached: a different date each time), the full weekly series cold and warm, and the same
 * figures by a naive per-compound recomputation (the drill-through path, row by row), as a ratio.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/connection.ts';
import { refreshCountsTimeline } from '../../server/services/metrics/countsTimeline.ts';
import { INDICATOR_KEYS } from '../../server/services/metrics/definitions.ts';
import { drillThrough } from '../../server/services/metrics/drillThrough.ts';
import { metricsReport } from '../../server/services/metrics/metricsReport.ts';
import { weeklySeries } from '../../server/services/metrics/weeklySeries.ts';
import { addDays } from '../../server/services/time/dates.ts';
import { percentile, timeIt } from './stats.ts';

export interface EngineFigures {
  singleDateP50: number;
  singleDateP95: number;
  naiveP50: number;
  naiveP95: number;
  seriesCold: number;
  seriesWarm: number;
  weeks: number;
  drillP50: number;
  /** Rebuilding the counts timeline from the records (paid by the first query after a change). */
  timelineRebuild: number;
  /** Rebuilding one township after one new record (the usual edit). */
  townshipRebuild: number;
}

export async function benchEngine(db: Db, options: { asOf: string; samples: number; series: boolean }): Promise<EngineFigures> {
  // The timeline rebuild, from scratch, as after any change to the records.
  await db.execute(sql`update counts_timeline_state set revision = null`);
  const [timelineRebuild] = await timeIt(() => refreshCountsTimeline(db));
  // One edit: a meeting added to one compound marks its township only.
  await db.execute(sql`insert into meetings (compound_id, held_on, attendees) select min(id), ${options.asOf}::date, 5 from compounds`);
  const [townshipRebuild] = await timeIt(() => refreshCountsTimeline(db));
  await db.execute(sql`delete from meetings where id = (select max(id) from meetings)`);
  await refreshCountsTimeline(db);
  // Warm the connection and the query plans once.
  await metricsReport(db, { asOf: addDays(options.asOf, -400) });
  const single: number[] = [];
  const naive: number[] = [];
  const drill: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    // Distinct dates: no cached counts are reused. Three dates each (now, a week ago, 8 weeks ago).
    const asOf = addDays(options.asOf, -3 * i - 1);
    single.push((await timeIt(() => metricsReport(db, { asOf })))[0]);
    drill.push((await timeIt(() => drillThrough(db, { indicator: 'committeeRate', asOf })))[0]);
    if (i < Math.max(3, Math.ceil(options.samples / 4))) {
      naive.push((await timeIt(() => Promise.all(INDICATOR_KEYS.map((indicator) => drillThrough(db, { indicator, asOf })))))[0]);
    }
  }
  let seriesCold = Number.NaN;
  let seriesWarm = Number.NaN;
  let weeks = 0;
  if (options.series) {
    const [cold, series] = await timeIt(() => weeklySeries(db, { today: options.asOf }));
    seriesCold = cold;
    weeks = series.weeks.length;
    seriesWarm = (await timeIt(() => weeklySeries(db, { today: options.asOf })))[0];
  }
  return {
    singleDateP50: percentile(single, 50),
    singleDateP95: percentile(single, 95),
    naiveP50: percentile(naive, 50),
    naiveP95: percentile(naive, 95),
    seriesCold,
    seriesWarm,
    weeks,
    drillP50: percentile(drill, 50),
    timelineRebuild,
    townshipRebuild,
  };
}
