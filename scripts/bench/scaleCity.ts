/**
 * Makes a seeded demo city N times larger in place, set-based in SQL: every compound gets
 * N−1 copies (same township and place, new code) with copies of all its dated records. Used for
 * the province (×100) and country (×1000, ≈ 41 M record rows) benchmarks.
 *
 * Bulk-load shape, so that ×1000 takes minutes rather than hours:
 * - the secondary indexes of the copied tables are dropped first and rebuilt once at the end
 *   (primary keys and unique constraints stay);
 * - each table is copied in chunks of copies, one transaction each, with
 *   `session_replication_role = replica`: no trigger fires for the copies — neither the foreign
 *   key checks (the copies reference compounds copied just before), nor the data-revision bump,
 *   nor the counts-timeline triggers;
 * - since those triggers did not fire, the derived tables are copied too when the city's timeline
 *   was built and the records are copied: a copy has its original's records, township and days,
 *   so its per-compound changes and state ranges are its original's (copied with the new id), and
 *   every township's counts are its originals' times N (the timeline is a sum over compounds).
 *   That takes minutes at ×1000 where recomputing from 40 M records takes hours, and a test
 *   (tests/scripts/bench/scaleCity.test.ts) checks it equals `rebuildCountsTimeline`. Otherwise
 *   (compounds only, or a timeline not built) the end marks the counts timeline not built (reads
 *   answer from the records until the caller runs `rebuildCountsTimeline`). Either way
 *   data_revision moves, so every cache sees new data (the engine stays exact);
 * - the records of a copy keep their original's order of ids (ties between records starting on
 *   the same day go to the higher id, in the state ranges as in the direct statements);
 * - `vacuum analyze` last: planner statistics, and the visibility map for index-only scans.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/connection.ts';
import { queryRows } from '../../server/db/rows.ts';
import { countsTimelineBuilt } from '../../server/services/metrics/countsTimeline.ts';

const COPY_OFFSET = 1_000_000;

/** The record tables copied with their compound, and their columns besides compound_id. */
const RECORD_TABLES: readonly [string, string][] = [
  ['property_contracts', 'company_id, start_on, end_on'],
  ['party_organisations', 'type, name, established_on, dissolved_on'],
  ['committee_terms', 'formed_on, term_end, ended_on, members, party_members, chair_is_party_secretary'],
  ['meetings', 'held_on, attendees, topics, problems_resolved'],
  ['evaluations', 'company_id, evaluated_on, score, safety_score, rating'],
  [
    'resident_issues',
    'channel, category, summary, opened_on, dispatched_on, in_progress_on, closed_on, revisited_on, due_on',
  ],
  ['petitions', 'kind, category, received_on, resolved_on'],
];

/** Derived per compound (timelineFunctions.ts): copied with their compound when the timeline is built. */
const DERIVED_PER_COMPOUND = ['compound_counts_changes', 'compound_state_ranges'];

/** A table's columns, in order (the derived tables' are many and declared elsewhere). */
async function columnsOf(db: Db, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((r) => r.name);
}

/** Copies per transaction: ≈ 1.4 M petitions per chunk, whatever the factor. */
const CHUNK = 100;

export interface ScaleTimings {
  /** Copying the rows (all tables, all chunks). */
  copyMs: number;
  /** Rebuilding the secondary indexes dropped before the copy. */
  indexMs: number;
  /** vacuum analyze of the copied tables. */
  vacuumMs: number;
  /** Rows in the copied tables at the end. */
  rows: number;
  /** Whether the derived tables were copied (the timeline is built) rather than left to a rebuild. */
  derivedCopied: boolean;
}

export interface ScaleOptions {
  /**
   * Copy the compounds' dated records too (default). Without them the copies are compounds with
   * no records — enough for what depends on the number of compounds alone (the map's
   * aggregation, in a browser test), at a fraction of the time.
   */
  records?: boolean;
}

export async function scaleCity(
  db: Db,
  factor: number,
  log: (line: string) => void = () => {},
  options: ScaleOptions = {},
): Promise<ScaleTimings> {
  const timings: ScaleTimings = { copyMs: 0, indexMs: 0, vacuumMs: 0, rows: 0, derivedCopied: false };
  if (factor <= 1) return timings;
  if ((factor - 1) * COPY_OFFSET + COPY_OFFSET > 2 ** 31 - 1)
    throw new Error(`scaleCity: ×${factor} overflows the integer compound ids`);
  const recordTables = options.records === false ? [] : RECORD_TABLES;
  // Copies of records and derived rows go together, or the derived rows would be wrong.
  const derived = options.records !== false && (await countsTimelineBuilt(db));
  timings.derivedCopied = derived;
  const tables = ['compounds', ...recordTables.map(([t]) => t), ...(derived ? DERIVED_PER_COMPOUND : [])];
  const list = sql.raw(tables.map((t) => `'${t}'`).join(', '));
  // Secondary indexes: not backing a constraint (primary keys and unique codes stay).
  const indexes = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in (${list})
        and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index if exists ${index.name}`));

  let started = performance.now();
  const chunked = async (label: string, statement: (from: number, to: number) => string) => {
    for (let from = 1; from < factor; from += CHUNK) {
      const to = Math.min(factor - 1, from + CHUNK - 1);
      const t0 = performance.now();
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`set local synchronous_commit = off`);
        await tx.execute(sql.raw(statement(from, to)));
      });
      log(`  ${label} copies ${from}–${to}: ${Math.round(performance.now() - t0)} ms`);
    }
  };
  await chunked(
    'compounds',
    (
      from,
      to,
    ) => `insert into compounds (id, code, name, address, township_code, community_id, lon, lat, households, buildings, year_built, kind, listed_on, model_home_since)
      select c.id + k * ${COPY_OFFSET}, c.code || '-x' || k, c.name || '（副本' || k || '）', c.address, c.township_code, c.community_id, c.lon, c.lat,
        c.households, c.buildings, c.year_built, c.kind, c.listed_on, c.model_home_since
      from compounds c cross join generate_series(${from}, ${to}) as k where c.id < ${COPY_OFFSET}`,
  );
  for (const [table, columns] of recordTables) {
    await chunked(
      table,
      (from, to) => `insert into ${table} (compound_id, ${columns}) select t.compound_id + k * ${COPY_OFFSET}, ${columns
        .split(', ')
        .map((c) => `t.${c}`)
        .join(', ')}
        from ${table} t cross join generate_series(${from}, ${to}) as k where t.compound_id < ${COPY_OFFSET}
        order by k, t.id`,
    );
  }
  if (derived) {
    for (const table of DERIVED_PER_COMPOUND) {
      const columns = await columnsOf(db, table);
      await chunked(
        table,
        (from, to) => `insert into ${table} (${columns.join(', ')})
          select ${columns.map((c) => (c === 'compound_id' ? `t.compound_id + k * ${COPY_OFFSET}` : `t.${c}`)).join(', ')}
          from ${table} t cross join generate_series(${from}, ${to}) as k where t.compound_id < ${COPY_OFFSET}`,
      );
    }
    const counts = (await columnsOf(db, 'township_counts_timeline')).filter(
      (c) => c !== 'township_code' && c !== 'from_day',
    );
    await db.execute(
      sql.raw(`update township_counts_timeline set ${counts.map((c) => `${c} = ${c} * ${factor}`).join(', ')}`),
    );
  }
  await db.transaction(async (tx) => {
    await tx.execute(
      sql.raw(`select setval(pg_get_serial_sequence('compounds', 'id'), (select max(id) from compounds))`),
    );
    await tx.execute(sql`update data_revision set revision = revision + 1 where id = 1`);
    // The skipped triggers did not count the copies: built when copied above, else not built.
    if (derived)
      await tx.execute(
        sql`update counts_timeline_state set revision = (select revision from data_revision where id = 1) where id = 1`,
      );
    else await tx.execute(sql`select onemap_defer_counts_timeline()`);
  });
  timings.copyMs = performance.now() - started;

  started = performance.now();
  for (const index of indexes) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
      await tx.execute(sql.raw(index.definition));
    });
  }
  timings.indexMs = performance.now() - started;
  log(`  secondary indexes (${indexes.length}) rebuilt: ${Math.round(timings.indexMs)} ms`);

  started = performance.now();
  // Fresh bulk rows: vacuum sets the visibility map so covering indexes answer without the heap.
  for (const table of tables) await db.execute(sql.raw(`vacuum analyze ${table}`));
  timings.vacuumMs = performance.now() - started;
  log(`  vacuum analyze: ${Math.round(timings.vacuumMs)} ms`);
  // Planner estimates, just analyzed (a count(*) of 41 M rows would cost seconds).
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select sum(reltuples)::bigint as n from pg_class where relkind = 'r' and relname in (${sql.raw(RECORD_TABLES.map(([t]) => `'${t}'`).join(', '))})`,
  );
  timings.rows = Number(count?.n ?? 0);
  return timings;
}
