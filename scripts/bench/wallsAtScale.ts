/**
 * Walls at scale (issue 23): one edit → every wall's figures updated, ≤ 1 s p99 at ×1 and ×100,
 * ≤ 2 s at ×1000. For each scale, the demo city on PostgreSQL made that many times larger, with
 * `onemap serve --workers 2` on it in its own process (loadTarget.ts), 200 walls (loadClients.ts:
 * `live.revision` over server-sent events, then the page's refetch after its random wait) and no
 * analysts. One change at a time (a meeting inserted, then removed, as in the load test), the next
 * once every wall's refetch of the previous one has ended: per change, from its commit, when the
 * last wall heard of it and when the last wall's refetch came back.
 */
import { count } from 'drizzle-orm';
import { compounds } from '../../data/schema/index.ts';
import { createDisplayToken } from '../../server/services/auth/displayTokens.ts';
import { REFETCH_SPREAD_MS } from '../../shared/live/refetchSpread.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import type { WallReport } from './loadClients.ts';
import { MAP_ROW_CAP } from '../../shared/map/mapView.ts';
import { largestTownship } from './engineBench.ts';
import { startLoadTarget } from './loadTarget.ts';
import { recordChanges, startClients } from './loadTest.ts';
import { ms, percentile } from './stats.ts';
import { figures, kb, type ScaleWalls } from './wallsAtScaleReport.ts';

export interface WallsAtScaleOptions {
  /** The scales measured; ×1, the baseline, is always measured first. */
  scales: readonly number[];
  adminUrl: string;
  /** The PostgreSQL database made (and dropped) for each scale in turn. */
  databaseName: string;
  /** Scales whose city is already in a database (left by the engine run): used as it is. */
  existing?: ReadonlyMap<number, string>;
  walls?: number;
  changes?: number;
  workers?: number;
  log?: (line: string) => void;
}

/** How long a change may take to reach every wall's figures before it is given up. */
const SETTLE_TIMEOUT_MS = 60_000;

const now = () => performance.timeOrigin + performance.now();

export type { ScaleWalls } from './wallsAtScaleReport.ts';

export async function wallsAtScale(options: WallsAtScaleOptions, loadavg: () => number): Promise<ScaleWalls[]> {
  const scales = [...new Set([1, ...options.scales])].sort((a, b) => a - b);
  const results: ScaleWalls[] = [];
  for (const scale of scales) results.push(await measureScale(scale, options, loadavg));
  return results;
}

async function measureScale(scale: number, options: WallsAtScaleOptions, loadavg: () => number): Promise<ScaleWalls> {
  const log = options.log ?? (() => {});
  const wallCount = options.walls ?? 200;
  const workers = options.workers ?? 2;
  const loadStart = loadavg();
  const today = todayInCity();
  log(`· walls at scale ×${scale}: ${wallCount} walls, onemap serve --workers ${workers} on PostgreSQL`);
  const preparing = now();
  const server = await startLoadTarget(
    {
      database: 'postgres',
      adminUrl: options.adminUrl,
      name: options.existing?.get(scale) ?? options.databaseName,
      workers,
      replica: false,
      scale,
      existing: options.existing?.has(scale) ?? false,
    },
    log,
  );
  const prepareMs = now() - preparing;
  const clients = await startClients();
  try {
    const { db } = server.database;
    const { token } = await createDisplayToken(db, null, 'walls at scale');
    const [counted] = await db.select({ n: count() }).from(compounds);
    const opened = await clients.call<{ ms: number }>({
      type: 'walls-open',
      plan: {
        url: server.url,
        token,
        count: wallCount,
        refetch: true,
        today,
        spreadMs: REFETCH_SPREAD_MS,
        // Above the row cap the spotlight's list is asked apart: the largest township's, as the worst.
        ...(Number(counted?.n ?? 0) > MAP_ROW_CAP ? { spotlight: (await largestTownship(db)).code } : {}),
      },
    });
    log(`  · ${wallCount} walls open in ${ms(opened.ms)}`);
    const edits = recordChanges(db, today);
    // Until every wall's refetch of it has ended: one change at a time, as an editor saves them.
    const changeAndSettle = async () => {
      let change = await edits.change();
      // A compound that already had a meeting today is skipped: the next one.
      for (let tries = 0; !change && tries < 20; tries++) change = await edits.change();
      if (!change) throw new Error('walls at scale: no record could be changed');
      const settled = await clients.call<boolean>({
        type: 'walls-wait',
        revision: change.revision,
        timeoutMs: SETTLE_TIMEOUT_MS,
      });
      return { ...change, settled };
    };
    // Not measured: the server's first refetches (statements planned, pages read into memory), as
    // a wall that has shown its figures before the edit.
    log('  · one change not measured (warm-up)');
    await changeAndSettle();
    const warm = await clients.call<WallReport>({ type: 'walls-report' });
    const made: { revision: number; at: number; settled: boolean }[] = [];
    for (let i = 0; i < (options.changes ?? 10); i++) {
      const change = await changeAndSettle();
      made.push(change);
      log(`  · change ${i + 1}: revision ${change.revision}${change.settled ? '' : ' (not every wall settled)'}`);
    }
    const walls = measuredSince(warm, await clients.call<WallReport>({ type: 'walls-report' }));
    await clients.call({ type: 'walls-close' });
    const changes = made.map((c) => {
      const heard = (walls.receipts[String(c.revision)] ?? []).map((t) => t - c.at);
      const refetched = (walls.refetched[String(c.revision)] ?? []).map((t) => t - c.at);
      return {
        revision: c.revision,
        heardMs: heard.length ? Math.max(...heard) : Number.NaN,
        heard: heard.length,
        refetchedMs: refetched.length ? Math.max(...refetched) : Number.NaN,
        refetched: refetched.length,
        settled: c.settled,
      };
    });
    log(
      `  · every wall's refetch back p50 / p99 / max ${figures(changes.map((c) => c.refetchedMs))}; ${walls.refetchFailures} failed; one refetch's answers ${kb(percentile(walls.refetchBytes, 50))}`,
    );
    return {
      scale,
      compounds: counted?.n ?? 0,
      wallCount,
      workers,
      served: server.describe,
      prepareMs,
      wallsOpenMs: opened.ms,
      changes,
      walls,
      load: { start: loadStart, end: loadavg() },
    };
  } finally {
    clients.child.kill();
    await server.close();
  }
}

/** The walls' report without the warm-up: its refetches' times, sizes and failures left out. */
function measuredSince(warm: WallReport, end: WallReport): WallReport {
  const reasons = { ...end.refetchFailureReasons };
  for (const [reason, n] of Object.entries(warm.refetchFailureReasons)) reasons[reason] = (reasons[reason] ?? 0) - n;
  return {
    ...end,
    refetchMs: end.refetchMs.slice(warm.refetchMs.length),
    refetchBytes: end.refetchBytes.slice(warm.refetchBytes.length),
    refetchFailures: end.refetchFailures - warm.refetchFailures,
    refetchFailureReasons: Object.fromEntries(Object.entries(reasons).filter(([, n]) => n > 0)),
  };
}
