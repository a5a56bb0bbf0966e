/**
 * The counts timeline's own figures on an existing database, without the rest of `npm run bench`:
 * one edit's latency (the write and the trigger that keeps the timeline current) beside one
 * township recounted from its records (what the next read paid before writes kept it current),
 * the single-date query, the same inside a read-only transaction, and optionally the full rebuild.
 *
 *   npx tsx scripts/bench/timelineBench.ts <postgres://… | PGlite data dir> [samples] [--rebuild]
 *
 * Writes one meeting per sample and removes it again; the database ends as it began.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../server/db/connection.ts';
import { rebuildCountsTimeline } from '../../server/services/metrics/countsTimeline.ts';
import { metricsReport } from '../../server/services/metrics/metricsReport.ts';
import { addDays } from '../../shared/time/dates.ts';
import { editLatency, largestTownship, sample } from './engineBench.ts';
import { ms, timeIt } from './stats.ts';

const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!target) throw new Error('usage: timelineBench.ts <postgres://… | PGlite data dir> [samples] [--rebuild]');
const samples = Number(args.find((a) => /^\d+$/.test(a)) ?? 10);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const database = await openDatabase(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
const { db } = database;
const asOf = '2026-11-20';
try {
  console.log(`${database.kind} ${database.location}; load average ${load()}`);
  if (args.includes('--rebuild')) {
    const [t] = await timeIt(() => db.transaction((tx) => rebuildCountsTimeline(tx)));
    console.log(`timeline rebuild, everything: ${ms(t)}`);
  }
  const township = await largestTownship(db);
  const edits = await editLatency(db, township.code, { asOf, samples, slowSamples: 1, series: false });
  console.log(
    `one township (${township.compounds} compounds) recounted from its records: ${ms(edits.townshipRebuild)}`,
  );
  console.log(`one edit's own latency: p50 ${ms(edits.edit.p50)}, p95 ${ms(edits.edit.p95)} (n=${edits.edit.n})`);
  for (let i = 0; i < 5; i++) await metricsReport(db, { asOf: addDays(asOf, -400 - 3 * i) });
  const single = await sample(samples, (i) => metricsReport(db, { asOf: addDays(asOf, -3 * i - 1) }));
  console.log(`single-date query: p50 ${ms(single.p50)}, p95 ${ms(single.p95)} (n=${single.n})`);
  const readOnly = await sample(samples, (i) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set transaction read only`);
      await metricsReport(tx, { asOf: addDays(asOf, -500 - 3 * i) });
    }),
  );
  console.log(`single-date query in a read-only transaction: p50 ${ms(readOnly.p50)}, p95 ${ms(readOnly.p95)}`);
  console.log(`load average at the end ${load()}`);
} finally {
  await database.close();
}
