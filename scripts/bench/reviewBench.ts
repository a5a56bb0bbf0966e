/**
 * Where review.board and review.township spend their time, step by step, cold: before each sample
 * the data revision is bumped (as a record change does), so every memo keyed by it starts empty —
 * the moment two hundred walls and the analysts refetch at once. Each sample reads one of the last
 * 52 weeks' board (and a township's week) step by step as the live week source does, then the two
 * whole requests as the router answers them, each cold; then a burst: 20 board requests for one
 * week and 20 township pages of it (one per township, then again) at once, as after a change.
 *
 * With `--base DIR` (an unpacked copy of an earlier commit whose node_modules links to this
 * tree's), the requests are also answered by that commit's services, alternately with this one's,
 * on the same database: each side has its own memos, so neither warms the other.
 *
 *   npx tsx scripts/bench/reviewBench.ts [--db pglite|postgres] [--samples N] [--scale N] [--base DIR]
 *
 * PostgreSQL: ONEMAP_BENCH_POSTGRES_URL (default the local server), database
 * ONEMAP_BENCH_DATABASE (default onemap_bench_review), dropped and created, dropped at the end.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '../../server/db/connection.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { readDatasetInfo } from '../../server/services/dataset/datasetInfo.ts';
import { metricsReport } from '../../server/services/metrics/metricsReport.ts';
import { weeklySeries } from '../../server/services/metrics/weeklySeries.ts';
import { boardIn, townshipReviewIn } from '../../server/services/review/inLanguage.ts';
import { buildBoard } from '../../server/services/review/rankingBoard.ts';
import { openReviewWeek } from '../../server/services/review/reviewedWeeks.ts';
import { sharedReviewBoard, sharedTownshipReview } from '../../server/services/review/sharedReviewWeek.ts';
import { readReviewRules } from '../../server/services/review/reviewRules.ts';
import { parseReviewWeek } from '../../server/services/review/reviewWeek.ts';
import { shownPreviousWeek, withShownPrevious } from '../../server/services/review/shownPrevious.ts';
import { boardSupervision, overdueSupervisionAsOf } from '../../server/services/review/supervisionOutcome.ts';
import { weekCorrections } from '../../server/services/review/weekCorrections.ts';
import { seedDemoCity } from '../../server/services/seed/seedDemoCity.ts';
import { addDays, todayInCity } from '../../shared/time/dates.ts';
import { isoWeekOf } from '../../shared/time/weeks.ts';
import { largestTownship, timing } from './engineBench.ts';
import { scaleCity } from './scaleCity.ts';
import { ms, timeIt } from './stats.ts';
import { adminStatement, BENCH_POSTGRES_ADMIN_URL } from './benchPostgres.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    samples: { type: 'string' },
    scale: { type: 'string' },
    base: { type: 'string' },
  },
});
const kind = values.db ?? 'postgres';
const samples = Number(values.samples ?? 12);
const scale = Number(values.scale ?? 1);
const name = process.env.ONEMAP_BENCH_DATABASE || 'onemap_bench_review';
const adminUrl = BENCH_POSTGRES_ADMIN_URL;
const admin = (statement: string) => adminStatement(statement, adminUrl);

async function open(): Promise<Database> {
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory://review-bench' });
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return openDatabase({ databaseUrl: url.toString() });
}

/** What a record change does to every memo: a new data revision. */
const bumpRevision = (db: Db) => db.execute(sql`update data_revision set revision = revision + 1 where id = 1`);

/** Named steps of one cold sample, in the order the live week source runs them. */
type Steps = [string, () => Promise<unknown>][];

function boardSteps(db: Db, week: string, township: string, today: string): Steps {
  const parsed = parseReviewWeek(week, today);
  return [
    ['openReviewWeek (reviewed_weeks row)', () => openReviewWeek(db, week, { today })],
    ['shownPreviousWeek (its report)', () => shownPreviousWeek(db, week)],
    ['metricsReport (the week)', () => metricsReport(db, { asOf: parsed.asOf })],
    ['rules + dataset info', async () => [await readReviewRules(db), await readDatasetInfo(db)]],
    ['weekCorrections (audit log)', () => weekCorrections(db, week)],
    ['boardSupervision', () => boardSupervision(db, parsed.previousWeek, today)],
    ['overdueSupervisionAsOf', () => overdueSupervisionAsOf(db, parsed.asOf)],
    [
      'buildBoard (in memory)',
      async () => {
        const shown = await shownPreviousWeek(db, week);
        const current = withShownPrevious(await metricsReport(db, { asOf: parsed.asOf }), shown?.metrics ?? null);
        const rules = await readReviewRules(db);
        const started = performance.now();
        buildBoard({
          week,
          asOf: parsed.asOf,
          previousAsOf: parsed.previousAsOf,
          demo: true,
          rules,
          current,
          previous: shown?.metrics ?? null,
        });
        return performance.now() - started;
      },
    ],
    ['township: weeklySeries (history)', () => weeklySeries(db, { to: week, today, townshipCode: township })],
    [
      'township: compoundStatusAsOf ×2 (lagging, changes)',
      async () => [
        await compoundStatusAsOf(db, parsed.asOf, township),
        parsed.previousAsOf ? await compoundStatusAsOf(db, parsed.previousAsOf, township) : [],
      ],
    ],
  ];
}

interface ReviewServices {
  board(db: Db, week: string, today: string): Promise<unknown>;
  township(db: Db, code: string, week: string, today: string): Promise<unknown>;
  /** The township's weekly history to the week (the township page's costliest step). */
  history(db: Db, code: string, week: string, today: string): Promise<unknown>;
}

/** This tree's services, as the router calls them (in English, the costlier language). */
const current: ReviewServices = {
  board: async (db, week, today) => boardIn(await sharedReviewBoard(db, week, { today }), 'en'),
  township: async (db, code, week, today) => {
    const { review, board } = await sharedTownshipReview(db, code, week, { today });
    return townshipReviewIn(review, 'en', board);
  },
  history: (db, code, week, today) => weeklySeries(db, { to: week, today, townshipCode: code }),
};

/** An earlier commit's services, as its router called them (a new week source per request). */
async function baseServices(dir: string): Promise<ReviewServices> {
  const at = (path: string) => import(resolve(dir, path));
  const weeks = (await at(
    'server/services/review/reviewedWeeks.ts',
  )) as typeof import('../../server/services/review/reviewedWeeks.ts');
  const language = (await at(
    'server/services/review/inLanguage.ts',
  )) as typeof import('../../server/services/review/inLanguage.ts');
  const townships = (await at(
    'server/services/review/townshipReview.ts',
  )) as typeof import('../../server/services/review/townshipReview.ts');
  const series = (await at(
    'server/services/metrics/weeklySeries.ts',
  )) as typeof import('../../server/services/metrics/weeklySeries.ts');
  return {
    history: (db, code, week, today) => series.weeklySeries(db, { to: week, today, townshipCode: code }),
    board: async (db, week, today) =>
      language.boardIn(await (await weeks.openReviewWeek(db, week, { today })).board(), 'en'),
    township: async (db, code, week, today) => {
      const source = await weeks.openReviewWeek(db, week, { today });
      return language.townshipReviewIn(await townships.townshipReviewFrom(source, code), 'en', await source.board());
    },
  };
}

const database = await open();
const db = database.db;
try {
  const today = todayInCity();
  log(`seeding (${kind}, ×${scale})`);
  await seedDemoCity(db, { seed: 1, asOf: today });
  if (scale > 1) await scaleCity(db, scale, log);
  const township = (await largestTownship(db)).code;
  const codes = (await db.execute(sql`select code from townships order by code`)) as unknown;
  const townshipCodes = (Array.isArray(codes) ? codes : (codes as { rows: unknown[] }).rows).map(
    (r) => (r as { code: string }).code,
  );
  const weekOf = (i: number) => isoWeekOf(addDays(today, -7 * (1 + ((i * 17) % 52))));
  const sides: [string, ReviewServices][] = [['now', current]];
  if (values.base) sides.unshift(['before', await baseServices(values.base)]);
  const times = new Map<string, number[]>();
  const record = (label: string, elapsed: number) => times.set(label, [...(times.get(label) ?? []), elapsed]);
  // Warm the connection and the plans.
  for (const [, work] of boardSteps(db, weekOf(99), township, today)) await work();
  for (const [, side] of sides) {
    await side.board(db, weekOf(99), today);
    await side.township(db, township, weekOf(99), today);
  }
  for (let i = 0; i < samples; i++) {
    const week = weekOf(i);
    await bumpRevision(db);
    for (const [label, work] of boardSteps(db, week, township, today)) {
      const [elapsed, value] = await timeIt(work);
      record(label, label.startsWith('buildBoard') ? (value as number) : elapsed);
    }
    // Each request cold (a new revision, as after a change), the sides alternately.
    for (const [sideName, side] of i % 2 ? [...sides].reverse() : sides) {
      await bumpRevision(db);
      record(
        `${sideName}: weeklySeries (township history), cold`,
        (await timeIt(() => side.history(db, township, week, today)))[0],
      );
      await bumpRevision(db);
      record(`${sideName}: review.board, cold`, (await timeIt(() => side.board(db, week, today)))[0]);
      await bumpRevision(db);
      record(`${sideName}: review.township, cold`, (await timeIt(() => side.township(db, township, week, today)))[0]);
      // The board, then its township pages, after one change: what the screens of one week ask.
      await bumpRevision(db);
      await side.board(db, week, today);
      record(
        `${sideName}: review.township after its board`,
        (await timeIt(() => side.township(db, township, week, today)))[0],
      );
      // A burst after a change: 20 boards of the week and 2 × 19 township pages at once.
      await bumpRevision(db);
      const burst = [
        ...Array.from({ length: 20 }, () => () => side.board(db, week, today)),
        ...[...townshipCodes, ...townshipCodes].map((code) => () => side.township(db, code, week, today)),
      ];
      record(
        `${sideName}: burst of ${burst.length} (all answered)`,
        (await timeIt(() => Promise.all(burst.map((w) => w()))))[0],
      );
    }
  }
  const rows = [...times].map(([label, t]) => {
    const s = timing(t);
    return `| ${label} | ${ms(s.p50)} | ${ms(s.p95)} |`;
  });
  process.stdout.write(
    `${kind} ×${scale}, ${samples} cold samples (weeks of the last 52, township ${township}), load ${loadavg()[0]!.toFixed(1)}${values.base ? `, before: ${values.base}` : ''}\n` +
      `| step | p50 | p95 |\n|---|---|---|\n${rows.join('\n')}\n`,
  );
} finally {
  await database.close();
  if (kind !== 'pglite') await admin(`drop database if exists ${name} with (force)`);
}
