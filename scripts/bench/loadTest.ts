/**
 * Load on the server (issue 9): the demo city (×1, 347 compounds) on PGlite in memory, the real
 * HTTP server on loopback, and a load generator in a child process (scripts/bench/loadClients.ts):
 *
 * 1. a trivial endpoint (/api/health: one count) and `auth.me` (the session lookup alone), 5 s each;
 * 2. the baseline: 20 analyst connections (autocannon, the analyst's query mix) without walls;
 * 3. 200 wall screens subscribed to `live.revision` over server-sent events, kept open, and the
 *    same 20 analysts again.
 *
 * During 2 and 3 a record changes every 10 s (a 四方联席 meeting inserted, then removed, as in the
 * wall soak), so revisions are pushed to the walls and every cache keyed on the revision is
 * dropped. For each revision: when each wall heard of it, and when its refetch came back.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { and, asc, eq } from 'drizzle-orm';
import { compounds, meetings, townships } from '../../data/schema/index.ts';
import type { Db } from '../../server/db/connection.ts';
import { createDisplayToken } from '../../server/services/auth/displayTokens.ts';
import { SESSION_COOKIE, createSession } from '../../server/services/auth/sessions.ts';
import { findUser } from '../../server/services/auth/users.ts';
import { currentDataRevision } from '../../server/services/metrics/countsCache.ts';
import { REFETCH_SPREAD_MS } from '../../shared/live/refetchSpread.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { provenance } from './benchReport.ts';
import { startLoadTarget, type LoadTargetSpec } from './loadTarget.ts';
import type { AnalystFigures, AnalystPlan, ClientRequestOf, WallReport } from './loadClients.ts';
import { MIX_DESCRIPTION, WALL_REFETCH_DESCRIPTION } from './loadClients.ts';
import { ms, percentile, ratio } from './stats.ts';

/** Seconds an analyst at work spends on a screen before opening the next. */
const THINK_SECONDS = 5;

export interface LoadOptions {
  /** The analysts' run with the walls open (2 min; 20 s in --quick). */
  seconds: number;
  /** The same load without walls, before them. */
  baselineSeconds: number;
  /** The flat-out runs (every analyst sends the next screen as soon as one is answered), with and without walls. */
  stressSeconds: number;
  walls?: number;
  analysts?: number;
  changeEveryMs?: number;
  log?: (line: string) => void;
  /** Where the city lives and how it is served (default: PGlite, the server in this process). */
  target?: LoadTargetSpec;
  /** Only the stress baseline (the analysts without pause, no walls): for comparing servers. */
  stressOnly?: boolean;
}

export interface RevisionPush {
  revision: number;
  /** After the change committed: the first and the last wall to hear of it (ms). */
  firstMs: number;
  lastMs: number;
  walls: number;
  /** After the change committed: the last wall's refetch back (ms), and how many came back. */
  refetchedMs: number;
  refetched: number;
  /** The analysts meanwhile: at work (a screen every few seconds each) or flat out (the stress run). */
  phase: 'work' | 'stress';
}

export interface LoadFigures {
  seconds: number;
  baselineSeconds: number;
  wallCount: number;
  analysts: number;
  health: AnalystFigures;
  me: AnalystFigures;
  baseline: AnalystFigures;
  loaded: AnalystFigures;
  pacedBaseline: AnalystFigures;
  paced: AnalystFigures;
  stressSeconds: number;
  wallsOpenMs: number;
  walls: WallReport;
  pushes: RevisionPush[];
  changes: number;
  load: { start: number; end: number; samples: number[] };
  /** Where the city lived and how it was served. */
  served: string;
}

/** The stress baseline alone (`stressOnly`). */
export interface StressFigures {
  served: string;
  analysts: number;
  seconds: number;
  stress: AnalystFigures;
  load: { start: number; end: number; samples: number[] };
}

const now = () => performance.timeOrigin + performance.now();

/** The child process and a request/answer call over its IPC channel. */
export function startClients(): Promise<{ call<T>(command: ClientRequestOf): Promise<T>; child: ChildProcess }> {
  const child = fork(fileURLToPath(new URL('./loadClients.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 1;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on('exit', (code) => {
      for (const w of waiting.values()) w.reject(new Error(`load generator exited (${code})`));
      waiting.clear();
    });
    child.on('message', (message: { ready?: boolean; id?: number; result?: unknown; error?: string }) => {
      if (message.ready) {
        resolve({
          child,
          call: <T>(command: ClientRequestOf) =>
            new Promise<T>((res, rej) => {
              const id = next++;
              waiting.set(id, { resolve: res as (v: unknown) => void, reject: rej });
              child.send({ ...command, id });
            }),
        });
        return;
      }
      const w = waiting.get(message.id!);
      if (!w) return;
      waiting.delete(message.id!);
      if (message.error) w.reject(new Error(message.error));
      else w.resolve(message.result);
    });
  });
}

/**
 * The record change of the load tests: a 四方联席 meeting today inserted on one of the first 20
 * compounds, then removed, and so on. Each change answers the data revision it made and when it
 * committed (epoch ms); null when the compound already had a meeting today (nothing changed).
 */
export function recordChanges(db: Db, today: string) {
  let targets: number[] | null = null;
  let inserted: number | null = null;
  let changes = 0;
  return {
    count: () => changes,
    async change(): Promise<{ revision: number; at: number } | null> {
      targets ??= (await db.select({ id: compounds.id }).from(compounds).orderBy(asc(compounds.id)).limit(20)).map(
        (r) => r.id,
      );
      if (inserted !== null) {
        await db
          .delete(meetings)
          .where(and(eq(meetings.compoundId, inserted), eq(meetings.heldOn, today), eq(meetings.topics, 'load')));
        inserted = null;
      } else {
        const compoundId = targets[changes % targets.length]!;
        const [row] = await db
          .select({ id: meetings.id })
          .from(meetings)
          .where(and(eq(meetings.compoundId, compoundId), eq(meetings.heldOn, today)));
        if (row) {
          changes++;
          return null;
        }
        await db
          .insert(meetings)
          .values({ compoundId, heldOn: today, attendees: 5, topics: 'load', problemsResolved: 0 });
        inserted = compoundId;
      }
      const at = now();
      changes++;
      return { revision: await currentDataRevision(db), at };
    },
  };
}

export function loadTest(options: LoadOptions & { stressOnly: true }, loadavg: () => number): Promise<StressFigures>;
export function loadTest(options: LoadOptions, loadavg: () => number): Promise<LoadFigures>;
export async function loadTest(options: LoadOptions, loadavg: () => number): Promise<LoadFigures | StressFigures> {
  const log = options.log ?? (() => {});
  const wallCount = options.walls ?? 200;
  const analysts = options.analysts ?? 20;
  const changeEveryMs = options.changeEveryMs ?? 10_000;
  const loadStart = loadavg();
  const loadSamples: number[] = [];
  const sampler = setInterval(() => loadSamples.push(loadavg()), 10_000);

  const today = todayInCity();
  const server = await startLoadTarget(options.target ?? { database: 'pglite' }, log);
  const { db } = server.database;
  // Twenty analysts' sessions, made directly (the login's rate limit is not what is measured).
  const analyst = await findUser(db, 'demo-analyst');
  if (!analyst) throw new Error('demo-analyst missing after seeding');
  const cookies: string[] = [];
  for (let i = 0; i < analysts; i++) cookies.push(`${SESSION_COOKIE}=${(await createSession(db, analyst.id)).token}`);
  const { token } = await createDisplayToken(db, null, 'load test');
  const compoundCodes = (await db.select({ code: compounds.code }).from(compounds).orderBy(asc(compounds.code))).map(
    (r) => r.code,
  );
  const townshipCodes = (await db.select({ code: townships.code }).from(townships).orderBy(asc(townships.code))).map(
    (r) => r.code,
  );

  // A record change every 10 s: a meeting today inserted, then removed.
  const changed: { revision: number; at: number }[] = [];
  const edits = recordChanges(db, today);
  const change = async () => {
    const done = await edits.change();
    if (done) changed.push(done);
  };
  let changing: Promise<void> = Promise.resolve();
  let changer: ReturnType<typeof setInterval> | null = null;

  const clients = await startClients();
  try {
    const plan = (seconds: number, seed: number, overallRate?: number): AnalystPlan => ({
      url: server.url,
      cookies,
      connections: analysts,
      seconds,
      today,
      compoundCodes,
      townshipCodes,
      seed,
      ...(overallRate ? { overallRate } : {}),
    });
    // An analyst at work: one screen, then THINK_SECONDS reading it.
    const working = analysts / THINK_SECONDS;
    if (options.stressOnly) {
      // Not measured: every worker's first screens (connections opened, statements planned, the
      // timeline brought up to date) — the full run has its trivial endpoints and baseline first.
      log('  · warm-up: the same analysts for 5 s, not measured');
      await clients.call<AnalystFigures>({ type: 'analysts', plan: plan(5, 3) });
      log(`  · stress: ${analysts} analysts without pause, no walls (${options.stressSeconds} s), ${server.describe}`);
      const stress = await clients.call<AnalystFigures>({ type: 'analysts', plan: plan(options.stressSeconds, 7) });
      clearInterval(sampler);
      return {
        served: server.describe,
        analysts,
        seconds: options.stressSeconds,
        stress,
        load: { start: loadStart, end: loadavg(), samples: loadSamples },
      };
    }
    log('  · trivial endpoints (5 s each)');
    const health = await clients.call<AnalystFigures>({
      type: 'trivial',
      plan: { url: server.url, path: '/api/health', headers: {}, connections: analysts, seconds: 5 },
    });
    const me = await clients.call<AnalystFigures>({
      type: 'trivial',
      plan: {
        url: server.url,
        path: '/api/trpc/auth.me',
        headers: { cookie: cookies[0]! },
        connections: analysts,
        seconds: 5,
      },
    });

    changer = setInterval(() => {
      changing = changing.then(change, change);
    }, changeEveryMs);
    log(
      `  · baseline: ${analysts} analysts at work (a screen every ${THINK_SECONDS} s each), no walls (${options.baselineSeconds} s)`,
    );
    const pacedBaseline = await clients.call<AnalystFigures>({
      type: 'analysts',
      plan: plan(options.baselineSeconds, 11, working),
    });
    log(`  · stress baseline: ${analysts} analysts without pause, no walls (${options.stressSeconds} s)`);
    const baseline = await clients.call<AnalystFigures>({ type: 'analysts', plan: plan(options.stressSeconds, 7) });

    log(`  · opening ${wallCount} walls`);
    const opened = await clients.call<{ ms: number }>({
      type: 'walls-open',
      plan: { url: server.url, token, count: wallCount, refetch: true, today, spreadMs: REFETCH_SPREAD_MS },
    });
    const wallsFrom = now();
    log(`  · ${wallCount} walls and ${analysts} analysts at work (${options.seconds} s)`);
    const paced = await clients.call<AnalystFigures>({ type: 'analysts', plan: plan(options.seconds, 11, working) });
    log(`  · ${wallCount} walls and ${analysts} analysts without pause (${options.stressSeconds} s)`);
    const stressFrom = now();
    const loaded = await clients.call<AnalystFigures>({ type: 'analysts', plan: plan(options.stressSeconds, 7) });
    const wallsUntil = now();
    clearInterval(changer);
    changer = null;
    await changing;
    // The last change's push and refetches (on PGlite the poller reads once a second).
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const walls = await clients.call<WallReport>({ type: 'walls-report' });
    await clients.call({ type: 'walls-close' });

    const pushes = changed
      .filter((c) => c.at >= wallsFrom && c.at <= wallsUntil)
      .map((c) => {
        const heard = (walls.receipts[String(c.revision)] ?? []).map((t) => t - c.at);
        const refetched = (walls.refetched[String(c.revision)] ?? []).map((t) => t - c.at);
        const phase: RevisionPush['phase'] = c.at >= stressFrom ? 'stress' : 'work';
        return {
          revision: c.revision,
          firstMs: Math.min(...heard),
          lastMs: Math.max(...heard),
          walls: heard.length,
          refetchedMs: Math.max(...refetched),
          refetched: refetched.length,
          phase,
        };
      });
    clearInterval(sampler);
    return {
      seconds: options.seconds,
      baselineSeconds: options.baselineSeconds,
      wallCount,
      analysts,
      health,
      me,
      baseline,
      loaded,
      pacedBaseline,
      paced,
      stressSeconds: options.stressSeconds,
      wallsOpenMs: opened.ms,
      walls,
      pushes,
      changes: edits.count(),
      load: { start: loadStart, end: loadavg(), samples: loadSamples },
      served: server.describe,
    };
  } finally {
    clearInterval(sampler);
    if (changer) clearInterval(changer);
    clients.child.kill();
    await server.close();
  }
}

/** The last wall's refetch back, for changes made while the analysts were at work and while they ran flat out. */
function byPhase(pushes: RevisionPush[]): string {
  const of = (phase: RevisionPush['phase']) => pushes.filter((p) => p.phase === phase).map((p) => p.refetchedMs);
  const [work, stress] = [of('work'), of('stress')];
  const part = (label: string, xs: number[]) =>
    xs.length
      ? `${label} p50 ${ms(percentile(xs, 50))}, max ${ms(Math.max(...xs))} (${xs.length} changes)`
      : `${label}: no change`;
  return ` (${part('analysts at work', work)}; ${part('analysts without pause', stress)})`;
}

const errorsOf = (f: AnalystFigures) => f.non2xx + f.errors + f.timeouts;

function analystRow(label: string, f: AnalystFigures, base?: AnalystFigures): string {
  return `| ${label} | ${f.rps.toFixed(0)}${base ? ` (${ratio(f.rps, base.rps)})` : ''} | ${ms(f.p50)} | ${ms(f.p99)}${base ? ` (${ratio(f.p99, base.p99)})` : ''} | ${ms(f.max)} | ${f.requests.toLocaleString('en')} | ${f.non2xx} / ${f.errors} / ${f.timeouts} |`;
}

/** The BENCHMARKS.md section. */
export function loadSection(f: LoadFigures, command: string): string {
  const stressMet = f.loaded.p99 <= 200 && errorsOf(f.loaded) === 0;
  const goalMet = f.paced.p99 <= 200 && errorsOf(f.paced) === 0;
  const missed = f.pushes.filter((p) => p.walls < f.wallCount).length;
  const lasts = f.pushes.map((p) => p.lastMs);
  const spreads = f.pushes.map((p) => p.lastMs - p.firstMs);
  const refetches = f.pushes.map((p) => p.refetchedMs);
  const baseKinds = new Map(f.pacedBaseline.kinds.map((k) => [k.kind, k]));
  const loadDuring = f.load.samples.length
    ? ` (${Math.min(...f.load.samples).toFixed(1)}–${Math.max(...f.load.samples).toFixed(1)} sampled every 10 s during the run)`
    : '';
  return [
    provenance(command, f.load.start) + loadDuring,
    '',
    `The demo city (347 compounds) ${f.served}, the load generator in a child process (autocannon ${'for the analysts'}, raw server-sent-events clients for the walls). ${f.analysts} analysts at work (each opens a screen, then reads it for ${THINK_SECONDS} s: ${(f.analysts / THINK_SECONDS).toFixed(0)} screens a second in all) for ${f.seconds} s, then the same analysts without pause (each sends the next screen as soon as one is answered: ${f.analysts} always in flight, a stress test) for ${f.stressSeconds} s, with ${f.wallCount} walls subscribed to \`live.revision\` (each on its own socket, with a display token; on every new revision each waits a random delay, uniform in [0, ${REFETCH_SPREAD_MS} ms) as the wall page does (REFETCH_SPREAD_MS), then refetches its figures as the page does: ${WALL_REFETCH_DESCRIPTION}); baseline in the same run: the same ${f.analysts} analysts (${f.baselineSeconds} s at work, ${f.stressSeconds} s without pause) before the walls opened. A record changes every 10 s in both (a meeting inserted, then removed): ${f.changes} changes in all. Analyst mix: ${MIX_DESCRIPTION}.`,
    '',
    '| run | requests/s (÷ baseline) | p50 | p99 (÷ baseline) | max | requests | non-2xx / socket errors / timeouts |',
    '|---|---|---|---|---|---|---|',
    analystRow('`/api/health` (one count), 5 s', f.health),
    analystRow('`auth.me` (session lookup only), 5 s', f.me),
    analystRow(`baseline: ${f.analysts} analysts at work, no walls, ${f.baselineSeconds} s`, f.pacedBaseline),
    analystRow(`**${f.analysts} analysts at work + ${f.wallCount} walls, ${f.seconds} s**`, f.paced, f.pacedBaseline),
    analystRow(`stress baseline: ${f.analysts} analysts without pause, no walls, ${f.stressSeconds} s`, f.baseline),
    analystRow(
      `stress: ${f.analysts} analysts without pause + ${f.wallCount} walls, ${f.stressSeconds} s`,
      f.loaded,
      f.baseline,
    ),
    '',
    `Goal at ×1: under load 0 errors and p99 ≤ 200 ms. ${f.analysts} analysts at work and ${f.wallCount} walls: **p99 ${ms(f.paced.p99)}, ${errorsOf(f.paced)} errors ${goalMet ? '✅' : '❌'}**. Stress (${f.analysts} requests always in flight): p99 ${ms(f.loaded.p99)}, ${errorsOf(f.loaded)} errors ${stressMet ? '✅' : '❌'}: the throughput limit, not a working day.`,
    '',
    'Analysts at work, by screen:',
    '',
    '| screen | requests (baseline / with walls) | p50 baseline / with walls | p99 baseline / with walls | max with walls |',
    '|---|---|---|---|---|',
    ...f.paced.kinds.map((k) => {
      const b = baseKinds.get(k.kind);
      return `| ${k.kind} | ${b?.requests ?? '—'} / ${k.requests} | ${ms(b?.p50 ?? Number.NaN)} / ${ms(k.p50)} | ${ms(b?.p99 ?? Number.NaN)} / ${ms(k.p99)} | ${ms(k.max)} |`;
    }),
    '',
    `Walls: ${f.wallCount} opened in ${ms(f.wallsOpenMs)} (each had its first revision); **${f.walls.connected} of ${f.walls.count} still connected at the end**, ${f.walls.drops} streams dropped during the run. ` +
      `${f.pushes.length} revisions pushed while they were open: from the change's commit to the last of the ${f.wallCount} walls hearing of it p50 ${ms(percentile(lasts, 50))}, max ${ms(Math.max(...lasts))}${f.served.includes('PGlite') ? ' (the shared poller reads the revision once a second, so up to 1 s of this is the poll)' : " (each process hears the commit's NOTIFY)"}; from the first wall to the last p50 ${ms(percentile(spreads, 50))}, max ${ms(Math.max(...spreads))}; ` +
      `**${missed ? `${missed} revisions missed by at least one wall` : 'no wall missed a revision'}**. ` +
      `Every wall's refetch back (from the change's commit, the random wait included) p50 ${ms(percentile(refetches, 50))}, max ${ms(Math.max(...refetches))}${byPhase(f.pushes)}; one wall's refetch (from sending it) p50 ${ms(percentile(f.walls.refetchMs, 50))}, p99 ${ms(percentile(f.walls.refetchMs, 99))}, its answers ${(percentile(f.walls.refetchBytes, 50) / 1024).toFixed(0)} KB; failed refetches: ${f.walls.refetchFailures}${
        f.walls.refetchFailures
          ? ` (${Object.entries(f.walls.refetchFailureReasons)
              .map(([reason, n]) => `${reason}: ${n}`)
              .join(', ')})`
          : ''
      }.`,
    '',
  ].join('\n');
}
