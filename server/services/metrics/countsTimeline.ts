/**
 * The per-township counts as a step function of the day (table `township_counts_timeline`),
 * so that the counts on any day are 19 index probes (≈ 1 ms at any scale) instead of joining
 * every compound with its records (≈ 650 ms per day at ×100).
 *
 * Exactness without writing on read: the writing transaction itself keeps the timeline current
 * (statement triggers, timelineFunctions.ts: per compound, its old changes out and its new ones
 * in), whichever process writes — this server, the CLI, an import, psql. A read is a single
 * SELECT, so it works in a read-only transaction and on a read-only replica, and its latency
 * does not depend on the last write. When the timeline is not built (a fresh restore, a bulk
 * load that deferred to one rebuild and has not committed it yet seen from inside, a database
 * whose generator skipped triggers), the read answers from the records directly instead.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { countsFromRow, type CountsRow, type ScopeCounts } from './scopeCounts.ts';
import { COLUMNS } from './timelineSql.ts';

type LookupRow = CountsRow & { built: boolean };

/** Whether the timeline (and the state ranges kept with it) is built, as an SQL boolean. */
const TIMELINE_BUILT = sql`coalesce((select revision from counts_timeline_state where id = 1) is not null, false)`;

/**
 * `inner`'s rows, each with `built` true, when the timeline is built; else one row with `built`
 * false and nothing else. Checked in the same statement as the read, so a reader never mixes a
 * built answer with a rebuild in progress (the callers then answer from the records).
 */
export function whenTimelineBuilt(inner: SQL, orderBy: SQL): SQL {
  return sql`select b.built, x.* from (select ${TIMELINE_BUILT} as built) b
    left join lateral (${inner}) x on b.built
    order by ${orderBy}`;
}

/**
 * Counts per township on `asOf` from the timeline, or null when it is not built (the check is
 * part of the same statement). Never writes.
 */
export async function timelineCountsAsOf(db: Db, asOf: string): Promise<Map<string, ScopeCounts> | null> {
  const rows = await queryRows<LookupRow>(
    db,
    sql`select t.code as township_code,
      ${TIMELINE_BUILT} as built,
      ${sql.raw(COLUMNS.map((c) => `x.${c}`).join(', '))}
    from townships t left join lateral (
      select * from township_counts_timeline x where x.township_code = t.code and x.from_day <= ${asOf}::date
      order by x.from_day desc limit 1
    ) x on true
    order by t.code`,
  );
  if (rows.some((row) => !row.built)) return null;
  return new Map(rows.map((row) => [row.township_code, countsFromRow(row)]));
}

/** Days read in one statement at most (each day is one probe per township). */
const DAYS_PER_STATEMENT = 400;

/**
 * Counts per township on each of `days`, from the timeline, in one statement per 400 days: a
 * weekly series' hundred-odd Sundays in one round trip instead of one each (the same probe per
 * township and day as `timelineCountsAsOf`, so the same counts). Null when it is not built.
 * The townships come as an array: PostgreSQL never gathers statistics on a 19-row table, guesses
 * 380 rows, and a guessed 100,000-cost plan would be compiled (JIT, ≈ 40 ms) before it ran.
 */
export async function timelineCountsOnDays(
  db: Db,
  days: readonly string[],
): Promise<Map<string, Map<string, ScopeCounts>> | null> {
  const out = new Map<string, Map<string, ScopeCounts>>(days.map((day) => [day, new Map()]));
  for (let i = 0; i < days.length; i += DAYS_PER_STATEMENT) {
    const chunk = days.slice(i, i + DAYS_PER_STATEMENT);
    const rows = await queryRows<LookupRow & { n: number }>(
      db,
      sql`select d.n::int as n, t.code as township_code,
        ${TIMELINE_BUILT} as built,
        ${sql.raw(COLUMNS.map((c) => `x.${c}`).join(', '))}
      from unnest(${`{${chunk.join(',')}}`}::date[]) with ordinality as d(day, n)
      cross join unnest(array(select code from townships order by code)) with ordinality as t(code, i)
      left join lateral (
        select * from township_counts_timeline x where x.township_code = t.code and x.from_day <= d.day
        order by x.from_day desc limit 1
      ) x on true
      order by d.n, t.i`,
    );
    if (rows.some((row) => !row.built)) return null;
    for (const row of rows) out.get(chunk[Number(row.n) - 1]!)!.set(row.township_code, countsFromRow(row));
  }
  return out;
}

/** Whether the timeline is built (otherwise dated counts are computed from the records). */
export async function countsTimelineBuilt(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ built: boolean }>(db, sql`select ${TIMELINE_BUILT} as built`);
  return row?.built === true;
}

/**
 * A writer's step: recomputes the whole timeline from the records, in the caller's transaction
 * (or its own). For bulk loads (after `deferCountsTimeline` in the same transaction), restores
 * and databases generated with triggers off; an ordinary write never needs it.
 */
export async function rebuildCountsTimeline(db: Db): Promise<void> {
  await db.execute(sql`select onemap_rebuild_counts_timeline()`);
}

/**
 * A bulk load's first step, in its own transaction: the per-statement maintenance is switched off
 * until `rebuildCountsTimeline` at the end of the same transaction (other writers wait for it;
 * readers keep the last committed timeline meanwhile).
 */
export async function deferCountsTimeline(db: Db): Promise<void> {
  await db.execute(sql`select onemap_defer_counts_timeline()`);
}

/** Builds the timeline when it is not built (a writer's step: server start, after a restore). */
export async function ensureCountsTimeline(db: Db): Promise<void> {
  if (await countsTimelineBuilt(db)) return;
  await db.transaction(async (tx) => {
    // Another process may have built it meanwhile: the rebuild's lock on the state row orders them.
    await tx.execute(sql`insert into counts_timeline_state (id, revision) values (1, null) on conflict do nothing`);
    const [state] = await queryRows<{ built: boolean }>(
      tx,
      sql`select revision is not null as built from counts_timeline_state where id = 1 for update`,
    );
    if (!state?.built) await rebuildCountsTimeline(tx);
  });
}
