/**
 * The per-compound screens (compounds.status, workbench rows, drill-through) answered from the
 * stored state ranges against the same screens answered from every record, in the same run and
 * on the same database: each sample day is read both ways, one after the other, so that the
 * machine's load weighs on both alike (read the ratios). "From the records" is what the services
 * do while the ranges are not built: inside a transaction that marks them not built, rolled back.
 *
 *   npx tsx scripts/bench/stateRangesBench.ts [--scale N] [--db pglite|postgres] [--samples N] [--keep] [--reuse]
 *
 * PostgreSQL: ONEMAP_BENCH_POSTGRES_URL (default the local server), database
 * ONEMAP_BENCH_DATABASE (default onemap_bench_ranges), dropped and created, dropped at the end
 * (--keep: kept, so that --reuse measures it again without the minutes of a ×100 load).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '../../server/db/connection.ts';
import { queryRows } from '../../server/db/rows.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { rebuildCountsTimeline } from '../../server/services/metrics/countsTimeline.ts';
import { drillThrough } from '../../server/services/metrics/drillThrough.ts';
import { seedDemoCity } from '../../server/services/seed/seedDemoCity.ts';
import { workbenchRows } from '../../server/services/workbench/workbenchRows.ts';
import { addDays, todayInCity } from '../../shared/time/dates.ts';
import { editLatency, largestTownship, timing, type Timing } from './engineBench.ts';
import { scaleCity } from './scaleCity.ts';
import { ms, ratio, timeIt } from './stats.ts';
import { adminStatement, BENCH_POSTGRES_ADMIN_URL } from './benchPostgres.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    db: { type: 'string' },
    samples: { type: 'string' },
    keep: { type: 'boolean' },
    reuse: { type: 'boolean' },
  },
});
const scale = Number(values.scale ?? 1);
const kind = values.db ?? 'postgres';
const samples = Number(values.samples ?? (scale > 1 ? 5 : 10));
const name = process.env.ONEMAP_BENCH_DATABASE || 'onemap_bench_ranges';
const adminUrl = BENCH_POSTGRES_ADMIN_URL;
const admin = (statement: string) => adminStatement(statement, adminUrl);

async function open(): Promise<Database> {
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://ranges-bench' });
  if (!values.reuse) {
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return openDatabase({ databaseUrl: url.toString() });
}

/** The same screen from the records: the services' path while the ranges are not built. */
async function fromRecords<T>(db: Db, work: (db: Db) => Promise<T>): Promise<number> {
  let elapsed = 0;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`update counts_timeline_state set revision = null where id = 1`);
      [elapsed] = await timeIt(() => work(tx as unknown as Db));
      throw new Error('rollback');
    })
    .catch((error: unknown) => {
      if ((error as Error).message !== 'rollback') throw error;
    });
  return elapsed;
}

const database = await open();
const db = database.db;
try {
  const asOf = todayInCity();
  let rebuildMs = Number.NaN;
  if (!values.reuse) {
    log(`seeding (${kind}, ×${scale})`);
    await seedDemoCity(db, { seed: 1, asOf });
    if (scale > 1) await scaleCity(db, scale, log);
    [rebuildMs] = await timeIt(() => rebuildCountsTimeline(db));
    await db.execute(sql`vacuum analyze compound_state_ranges`);
  }
  const [size] = await queryRows<{ ranges: number; changes: number; bytes: string }>(
    db,
    sql`select (select count(*) from compound_state_ranges)::int as ranges,
      (select sum(cardinality(days)) from compound_counts_changes)::int as changes,
      pg_size_pretty(pg_total_relation_size('compound_state_ranges')) as bytes`,
  );
  log(
    `rebuild (timeline and ranges): ${ms(rebuildMs)}; ${size!.ranges} ranges (${size!.bytes}) for ${size!.changes} changes`,
  );
  const township = await largestTownship(db);
  const screens: [string, (db: Db, date: string) => Promise<unknown>][] = [
    ['compounds.status (city)', (d, date) => compoundStatusAsOf(d, date)],
    ['workbench rows (city)', (d, date) => workbenchRows(d, date)],
    [
      `drill-through (largest township, ${township.compounds} compounds)`,
      (d, date) => drillThrough(d, { indicator: 'committeeRate', asOf: date, townshipCode: township.code }),
    ],
    ['drill-through (city)', (d, date) => drillThrough(d, { indicator: 'committeeRate', asOf: date })],
  ];
  // Warm the connection and the plans both ways.
  for (const [, work] of screens) {
    await work(db, addDays(asOf, -500));
    await fromRecords(db, (tx) => work(tx, addDays(asOf, -501)));
  }
  const rows: string[] = [];
  for (const [label, work] of screens) {
    const ranged: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < samples; i++) {
      const date = addDays(asOf, -7 * i - 2);
      ranged.push((await timeIt(() => work(db, date)))[0]);
      direct.push(await fromRecords(db, (tx) => work(tx, date)));
    }
    const [a, b]: [Timing, Timing] = [timing(ranged), timing(direct)];
    const row = `| ${label} | ${ms(b.p50)} / ${ms(b.p95)} | ${ms(a.p50)} / ${ms(a.p95)} | ${ratio(a.p50, b.p50)} |`;
    log(row);
    rows.push(row);
  }
  // What a write pays now that it also replaces its compound's ranges (a meeting added, then removed).
  const { edit } = await editLatency(db, township.code, { asOf, samples, slowSamples: 1, series: false });
  rows.push(`one edit (a meeting added or removed, ranges kept too): ${ms(edit.p50)} / ${ms(edit.p95)} p50 / p95`);
  log(rows.at(-1)!);
  process.stdout.write(
    `${kind} ×${scale} (${township.all} compounds), ${samples} days each, load ${loadavg()[0]!.toFixed(1)}\n` +
      `| screen | from the records p50 / p95 | from the ranges p50 / p95 | ranges ÷ records |\n|---|---|---|---|\n${rows.join('\n')}\n` +
      `rebuild ${ms(rebuildMs)}; ${size!.ranges} ranges (${size!.bytes}) for ${size!.changes} changes\n`,
  );
} finally {
  await database.close();
  if (kind !== 'pglite' && !values.keep) await admin(`drop database if exists ${name} with (force)`);
}
