/**
 * Engine latency: the single-date query of all five indicators for the city and every township
 * (uncached: a different date each time), the full weekly series cold and warm, drill-through
 * (one township, the city), and the same five indicators by a naive per-compound recomputation
 * (the drill-through path, row by row), each with its baseline measured in the same run.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/connection.ts';
import { queryRows } from '../../server/db/rows.ts';
import { rebuildCountsTimeline } from '../../server/services/metrics/countsTimeline.ts';
import { TIMELINE_SOURCE_TABLES } from '../../server/services/metrics/timelineFunctions.ts';
import { INDICATOR_KEYS } from '../../shared/indicators/index.ts';
import { drillThrough } from '../../server/services/metrics/drillThrough.ts';
import { metricsReport } from '../../server/services/metrics/metricsReport.ts';
import { weeklySeries } from '../../server/services/metrics/weeklySeries.ts';
import { addDays } from '../../shared/time/dates.ts';
import { percentile, timeIt } from './stats.ts';

/** p50 / p95 of n samples (with n ≤ 20, p95 is the worst sample). */
export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

export const timing = (samples: readonly number[]): Timing => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  n: samples.length,
});

export async function sample(n: number, work: (i: number) => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timeIt(() => work(i)))[0]);
  return timing(times);
}

export interface EngineFigures {
  single: Timing;
  /** The five indicators recomputed compound by compound (five city drill-throughs at once). */
  naive: Timing;
  seriesCold: Timing;
  seriesWarm: Timing;
  weeks: number;
  /** Drill-through of one indicator for one township (the largest), and for the city. */
  drillTownship: Timing;
  drillCity: Timing;
  township: { code: string; compounds: number };
  /** Compounds in the city. */
  compounds: number;
  /** Plain SELECT of the same compound rows (baseline of drill-through and export). */
  plainTownship: Timing;
  plainCity: Timing;
  /**
   * Rebuilding the counts timeline from the records (after a bulk load, a restore, a migration);
   * NaN where not run (×1000: hours; the scaled city's derived tables are copied instead).
   */
  timelineRebuild: number;
  /** Reading the same records once (count(*) of the seven record tables and compounds). */
  recordScan: number;
  records: number;
  /**
   * Recounting one township (the largest) from its records: what the first read after an edit
   * paid before writes kept the timeline current (the baseline of `edit`). NaN where not run.
   */
  townshipRebuild: number;
  /** The same insert and delete as `edit` in a copy of the table with no trigger: the statements alone. */
  plainEdit: Timing;
  /** One edit's own latency: a meeting added to a compound of that township, then deleted again. */
  edit: Timing;
}

export interface EngineOptions {
  asOf: string;
  /** Samples of the fast figures (single date, township drill-through, series). */
  samples: number;
  /** Samples of the figures that read every compound (city drill-through, naive). */
  slowSamples: number;
  series: boolean;
  /**
   * Rebuild the whole timeline and recount the largest township first (default). Off at ×1000,
   * where they take hours and tens of minutes: the figures are measured at ×1 and ×100.
   */
  rebuilds?: boolean;
  log?: (line: string) => void;
}

/** The township with the most compounds: the worst case of a click on one township. */
export async function largestTownship(db: Db): Promise<{ code: string; compounds: number; all: number }> {
  const [row] = await queryRows<{ code: string; n: number; total: number }>(
    db,
    sql`select township_code as code, count(*)::int as n, sum(count(*)) over ()::int as total from compounds group by 1 order by 2 desc, 1 limit 1`,
  );
  return { code: row!.code, compounds: Number(row!.n), all: Number(row!.total) };
}

export async function benchEngine(db: Db, options: EngineOptions): Promise<EngineFigures> {
  const log = options.log ?? (() => {});
  const rebuilds = options.rebuilds !== false;
  // The timeline rebuild, from scratch, as after a bulk load.
  const [timelineRebuild] = rebuilds ? await timeIt(() => rebuildCountsTimeline(db)) : [Number.NaN];
  log(`  timeline rebuild (all): ${Math.round(timelineRebuild)} ms`);
  const [recordScan, counted] = await timeIt(() =>
    queryRows<{ n: number }>(
      db,
      sql.raw(`select (${TIMELINE_SOURCE_TABLES.map((t) => `(select count(*) from ${t})`).join(' + ')})::bigint as n`),
    ),
  );
  const { all: compounds, ...township } = await largestTownship(db);
  const editing = await editLatency(db, township.code, { ...options, rebuilds });
  log(
    `  one township recounted: ${Math.round(editing.townshipRebuild)} ms; one edit p50 ${Math.round(editing.edit.p50)} ms`,
  );
  // Warm the connection, the query plans and (PGlite: in this thread) the JIT: a running server
  // is warm. One warm-up report left the first ×1 PGlite samples at 2–4× the later ones.
  for (let i = 0; i < 5; i++) await metricsReport(db, { asOf: addDays(options.asOf, -400 - 3 * i) });
  // Distinct dates: no cached counts are reused (each report reads three dates: now, a week ago, 8 weeks ago).
  const dateOf = (i: number) => addDays(options.asOf, -3 * i - 1);
  const single = await sample(options.samples, (i) => metricsReport(db, { asOf: dateOf(i) }));
  log(`  single date: p50 ${Math.round(single.p50)} ms`);
  const drillTownship = await sample(options.samples, (i) =>
    drillThrough(db, { indicator: 'committeeRate', asOf: dateOf(i), townshipCode: township.code }),
  );
  const plainTownship = await sample(options.samples, () =>
    queryRows(db, sql`select * from compounds where township_code = ${township.code} order by code`),
  );
  const drillCity = await sample(options.slowSamples, (i) =>
    drillThrough(db, { indicator: 'committeeRate', asOf: dateOf(i) }),
  );
  const plainCity = await sample(options.slowSamples, () => queryRows(db, sql`select * from compounds order by code`));
  log(`  drill-through: township ${Math.round(drillTownship.p50)} ms, city ${Math.round(drillCity.p50)} ms`);
  const naive = await sample(options.slowSamples, (i) =>
    Promise.all(INDICATOR_KEYS.map((indicator) => drillThrough(db, { indicator, asOf: dateOf(i) }))),
  );
  log(`  naive: ${Math.round(naive.p50)} ms`);
  let seriesCold: Timing = { p50: Number.NaN, p95: Number.NaN, n: 0 };
  let seriesWarm = seriesCold;
  let weeks = 0;
  if (options.series) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < Math.max(2, Math.ceil(options.samples / 4)); i++) {
      // A new data revision empties the counts cache (the timeline itself stays valid).
      await db.execute(sql`update data_revision set revision = revision + 1 where id = 1`);
      const [t, series] = await timeIt(() => weeklySeries(db, { today: options.asOf }));
      cold.push(t);
      weeks = series.weeks.length;
      warm.push((await timeIt(() => weeklySeries(db, { today: options.asOf })))[0]);
    }
    seriesCold = timing(cold);
    seriesWarm = timing(warm);
  }
  return {
    single,
    naive,
    seriesCold,
    seriesWarm,
    weeks,
    drillTownship,
    drillCity,
    township,
    compounds,
    plainTownship,
    plainCity,
    timelineRebuild,
    recordScan,
    records: Number(counted[0]?.n ?? 0),
    ...editing,
  };
}

/**
 * An edit's own latency, the statement and the trigger that keeps the timeline current (each a
 * transaction, as a save from a form): a meeting added to one compound of the township on a day
 * spread over the last year, then removed. Beside it, that township's compounds all recounted
 * from their records in one call, as the read after an edit used to pay.
 */
export async function editLatency(
  db: Db,
  townshipCode: string,
  options: EngineOptions,
): Promise<{ townshipRebuild: number; edit: Timing; plainEdit: Timing }> {
  const [townshipRebuild] =
    options.rebuilds === false
      ? [Number.NaN]
      : await timeIt(() =>
          db.execute(
            sql`select onemap_counts_timeline_refresh(array(select id from compounds where township_code = ${townshipCode}))`,
          ),
        );
  const [compound] = await queryRows<{ id: number }>(
    db,
    sql`select min(id) as id from compounds where township_code = ${townshipCode}`,
  );
  const insertDelete = async (table: string) => {
    const times: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const day = addDays(options.asOf, -37 * i - 3);
      const [added, rows] = await timeIt(() =>
        queryRows<{ id: number }>(
          db,
          sql`insert into ${sql.raw(table)} (compound_id, held_on, attendees) values (${compound!.id}, ${day}::date, 5) returning id`,
        ),
      );
      const [removed] = await timeIt(() => db.execute(sql`delete from ${sql.raw(table)} where id = ${rows[0]!.id}`));
      times.push(added, removed);
    }
    return timing(times);
  };
  const edit = await insertDelete('meetings');
  // The baseline: the same rows in a copy of the table (its columns, defaults and indexes; no trigger).
  await db.execute(sql`drop table if exists bench_plain_meetings`);
  await db.execute(sql`create table bench_plain_meetings (like meetings including defaults including indexes)`);
  try {
    return { townshipRebuild, edit, plainEdit: await insertDelete('bench_plain_meetings') };
  } finally {
    await db.execute(sql`drop table bench_plain_meetings`);
  }
}
