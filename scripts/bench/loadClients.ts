/**
 * The load generator of the server load test (scripts/bench/loadTest.ts), in a child process of
 * its own so that it does not share the server's event loop: the analysts (autocannon, 20
 * connections, a mix of the GET queries the analyst's screens send) and the wall screens (real
 * server-sent-events streams of `live.revision`, opened as the wall's httpSubscriptionLink opens
 * them, with a display token as connection parameter; on each new revision a wall waits a random
 * delay up to the page's REFETCH_SPREAD_MS, then refetches its figures in the batched GETs the
 * wall page sends after `invalidateQueries`).
 *
 * Driven over the IPC channel: the parent sends a command, the child answers with its result.
 * Loopback only: the parent gives a 127.0.0.1 URL.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { INDICATOR_KEYS } from '../../data/schema/admin.ts';
import { LANGUAGE_HEADER } from '../../shared/language/index.ts';
import { addDays } from '../../shared/time/dates.ts';
import { isoWeekOf, weekValueDate } from '../../shared/time/weeks.ts';
import { percentile } from './stats.ts';

export interface AnalystPlan {
  url: string;
  /** One session cookie per analyst (`onemap_session=…`). */
  cookies: string[];
  connections: number;
  seconds: number;
  /** Screens a second across all connections (analysts reading between screens); none: each asks again as soon as answered. */
  overallRate?: number;
  today: string;
  compoundCodes: string[];
  townshipCodes: string[];
  seed: number;
}

export interface KindFigures {
  kind: string;
  requests: number;
  non2xx: number;
  p50: number;
  p99: number;
  max: number;
}

export interface AnalystFigures {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSecond: number;
  kinds: KindFigures[];
}

export interface TrivialPlan {
  url: string;
  path: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface WallPlan {
  url: string;
  token: string;
  count: number;
  /** Refetch the wall's figures on every new revision, as the wall page does. */
  refetch: boolean;
  /** The server's today (Asia/Shanghai): the wall asks for this week's figures. */
  today: string;
  /** Each refetch waits a random delay, uniform in [0, spreadMs), as the wall page does (REFETCH_SPREAD_MS); 0: at once. */
  spreadMs: number;
  /** Above the map's row cap: the township the walls' spotlight shows (wall.lagging is refetched too). */
  spotlight?: string;
}

export interface WallReport {
  count: number;
  connected: number;
  /** Streams that ended or failed during the run (each wall then reconnects after 1 s). */
  drops: number;
  /** revision → for each wall that got it, when (epoch ms, sub-millisecond). */
  receipts: Record<string, number[]>;
  /** revision → for each wall's refetch after it, when it finished, and failed refetches. */
  refetched: Record<string, number[]>;
  refetchFailures: number;
  /** Why refetches failed: an HTTP status, 'timeout' (30 s) or a socket error's code. */
  refetchFailureReasons: Record<string, number>;
  /** One wall's refetch, from sending its GETs to the last answer (the random wait not included). */
  refetchMs: number[];
  /** Bytes of one wall's refetch answers (bodies, all its GETs), for each refetch that came back. */
  refetchBytes: number[];
  /** Bytes of each call's answer in the first of its GETs that came back ('procedure input' → bytes). */
  refetchCallBytes: Record<string, number>;
}

export type ClientCommand =
  | { id: number; type: 'analysts'; plan: AnalystPlan }
  | { id: number; type: 'trivial'; plan: TrivialPlan }
  | { id: number; type: 'walls-open'; plan: WallPlan }
  | { id: number; type: 'walls-report' }
  /** Until every wall's refetch after `revision` (or a later one) ended, or `timeoutMs` passed. */
  | { id: number; type: 'walls-wait'; revision: number; timeoutMs: number }
  | { id: number; type: 'walls-close' };
/** A command as the parent writes it (the id is added on sending). */
export type ClientRequestOf<C = ClientCommand> = C extends ClientCommand ? Omit<C, 'id'> : never;

const now = () => performance.timeOrigin + performance.now();

/** A small deterministic generator, so that two runs send the same mix. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** A batched tRPC GET, as httpBatchLink sends the queries a screen issues together. */
export function batchPath(calls: readonly (readonly [string, unknown])[]): string {
  const input = Object.fromEntries(calls.map(([, value], i) => [i, value]));
  return `/api/trpc/${calls.map(([name]) => name).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

/**
 * The analyst's screens, by weight (out of 100): what each sends when opened or when its date
 * changes. Dates are any day of the last year, weeks any of the last 52, townships and compounds
 * any: most requests are for a date not asked before in the current data revision.
 */
export function analystMix(plan: Pick<AnalystPlan, 'today' | 'compoundCodes' | 'townshipCodes' | 'seed'>) {
  const rnd = random(plan.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const day = () => addDays(plan.today, -Math.floor(rnd() * 365));
  const week = () => isoWeekOf(addDays(plan.today, -7 * (1 + Math.floor(rnd() * 52))));
  const screens: { kind: string; weight: number; path(): string }[] = [
    // The dashboard: the map's compounds and the indicator report on a date (the date control).
    {
      kind: 'dashboard',
      weight: 30,
      path: () =>
        ((d) =>
          batchPath([
            ['compounds.status', { asOf: d }],
            ['metrics.report', { asOf: d }],
          ]))(rnd() < 0.3 ? plan.today : day()),
    },
    // The weekly review: the 晾晒榜, the report on the week's value date, the weekly series.
    {
      kind: 'review',
      weight: 15,
      path: () =>
        ((w) =>
          batchPath([
            ['review.board', { week: w }],
            ['metrics.report', { asOf: weekValueDate(w, plan.today) }],
            ['metrics.series', {}],
          ]))(week()),
    },
    // The workbench table on a week.
    {
      kind: 'workbench',
      weight: 15,
      path: () => batchPath([['workbench.rows', { asOf: weekValueDate(week(), plan.today) }]]),
    },
    // A drill-through from an indicator tile, city-wide or for a township.
    {
      kind: 'drill',
      weight: 15,
      path: () =>
        batchPath([
          [
            'metrics.drill',
            {
              indicator: pick(INDICATOR_KEYS),
              asOf: day(),
              ...(rnd() < 0.5 ? { townshipCode: pick(plan.townshipCodes) } : {}),
            },
          ],
        ]),
    },
    // A compound page: its complete history, then its state on a date.
    {
      kind: 'compound',
      weight: 15,
      path: () =>
        rnd() < 0.5
          ? batchPath([['compounds.history', { code: pick(plan.compoundCodes), complete: true }]])
          : batchPath([['compounds.stateOn', { code: pick(plan.compoundCodes), asOf: day() }]]),
    },
    // A township's week.
    {
      kind: 'township',
      weight: 5,
      path: () => batchPath([['review.township', { code: pick(plan.townshipCodes), week: week() }]]),
    },
    // Comparing townships: the weekly series and today's report.
    {
      kind: 'compare',
      weight: 5,
      path: () =>
        batchPath([
          ['metrics.series', {}],
          ['metrics.report', {}],
        ]),
    },
  ];
  return { screens, rnd };
}

export const MIX_DESCRIPTION =
  'dashboard 30 % (compounds.status + metrics.report on a date, 30 % today, else any day of the last year), review 15 % (review.board + metrics.report + metrics.series for one of the last 52 weeks), workbench 15 % (workbench.rows on a week), drill-through 15 % (metrics.drill, any indicator and day, half of them for a township), compound page 15 % (compounds.history complete, or compounds.stateOn on a day), township week 5 % (review.township), compare 5 % (metrics.series + metrics.report); each screen one batched GET as httpBatchLink sends it, with a session cookie';

function histogramFigures(samples: number[]): { p50: number; p99: number; max: number } {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: percentile(samples, 100) };
}

async function runAnalysts(plan: AnalystPlan): Promise<AnalystFigures> {
  const { screens, rnd } = analystMix(plan);
  const total = screens.reduce((sum, s) => sum + s.weight, 0);
  const draw = () => {
    let r = rnd() * total;
    for (const screen of screens) if ((r -= screen.weight) < 0) return screen;
    return screens[screens.length - 1]!;
  };
  let cookieTurn = 0;
  let lastKind = '';
  let lastStatus = 0;
  const byKind = new Map<string, { latencies: number[]; non2xx: number }>(
    screens.map((s) => [s.kind, { latencies: [], non2xx: 0 }]),
  );
  // One request entry drawing a screen each time; the connection's context remembers which
  // (autocannon resets the context before building the next request, not before the answer).
  const requests = [
    {
      setupRequest: (req: { path?: string; headers?: Record<string, string> }, context: { kind?: string }) => {
        const screen = draw();
        context.kind = screen.kind;
        req.path = screen.path();
        req.headers = {
          ...req.headers,
          cookie: plan.cookies[cookieTurn++ % plan.cookies.length]!,
          accept: 'application/json',
        };
        return req;
      },
      onResponse: (status: number, _body: string, context: { kind?: string }) => {
        lastKind = context.kind ?? '';
        lastStatus = status;
      },
    },
  ];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        duration: plan.seconds,
        timeout: 10,
        ...(plan.overallRate ? { overallRate: plan.overallRate } : {}),
        requests: requests as unknown as autocannon.Request[],
      },
      (error, figures) => (error ? reject(error) : resolve(figures)),
    );
    // 'response' follows the request's onResponse synchronously: the kind is the one just answered.
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      const entry = byKind.get(lastKind);
      if (!entry) return;
      entry.latencies.push(responseTime);
      if (lastStatus < 200 || lastStatus >= 300) entry.non2xx++;
    });
  });
  return figuresOf(
    result,
    plan.seconds,
    screens.map((s) => {
      const entry = byKind.get(s.kind)!;
      return {
        kind: s.kind,
        requests: entry.latencies.length,
        non2xx: entry.non2xx,
        ...histogramFigures(entry.latencies),
      };
    }),
  );
}

/** An autocannon result as the load test's figures. */
function figuresOf(result: autocannon.Result, seconds: number, kinds: AnalystFigures['kinds']): AnalystFigures {
  return {
    requests: result.requests.total,
    rps: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerSecond: result.throughput.average,
    kinds,
  };
}

async function runTrivial(plan: TrivialPlan): Promise<AnalystFigures> {
  const result = await autocannon({
    url: plan.url + plan.path,
    connections: plan.connections,
    duration: plan.seconds,
    timeout: 10,
    headers: plan.headers,
  });
  return figuresOf(result, plan.seconds, []);
}

/**
 * What the wall page (every scene, its default) asks for again after a change: the active queries
 * its FIGURES filters match (client/src/features/wall/WallPage.tsx; the township boundaries are
 * fetched once and kept), in the batches httpBatchLink sends them — the calls the service worker
 * may keep offline in one, the others in another (client/src/app/trpc.ts, keptOffline.ts). The
 * one place to change when the page's refetch changes.
 */
export const WALL_REFETCH = (today: string, spotlight?: string): string[] => {
  const week = isoWeekOf(today);
  return [
    batchPath([
      ['system.info', undefined],
      ['metrics.report', { week }],
      ['wall.compounds', undefined],
      // A city above the map's row cap: the spotlit township's lagging compounds, asked apart.
      ...(spotlight ? ([['wall.lagging', { townshipCode: spotlight }]] as const) : []),
    ]),
    batchPath([['supervision.list', {}]]),
  ];
};

/** WALL_REFETCH in words, for the reports. */
export const WALL_REFETCH_DESCRIPTION =
  "system.info, metrics.report (this week), wall.compounds (every compound up to the map's row cap, else per-township counts) and, above the cap, wall.lagging (the spotlit township) in one batched GET, supervision.list in another, both at once; the board's ranks, last Sunday's compounds and the movers only as their scenes come up (useFiguresWhenDue.ts), not after every change";

interface Wall {
  connected: boolean;
  lastRevision: number | null;
  request: http.ClientRequest | null;
  /** A refetch is waiting its random delay or in flight: a change meanwhile is covered by it (as on the page). */
  refetching: boolean;
  /** The revision the wall's latest finished refetch (answered or failed) was sent for. */
  settled: number;
}

class Walls {
  readonly walls: Wall[] = [];
  readonly receipts = new Map<number, number[]>();
  readonly refetched = new Map<number, number[]>();
  readonly refetchMs: number[] = [];
  readonly refetchBytes: number[] = [];
  /** From each GET's first answer only: parsing every answer would load the clients' process at scale. */
  private readonly refetchCallBytes: Record<string, number> = {};
  private readonly sizedPaths = new Set<string>();
  refetchFailures = 0;
  readonly refetchFailureReasons: Record<string, number> = {};
  drops = 0;
  private closing = false;
  private readonly paths: string[];
  private readonly waiters = new Set<{ revision: number; done(settled: boolean): void }>();

  constructor(private readonly plan: WallPlan) {
    this.paths = WALL_REFETCH(plan.today, plan.spotlight);
  }

  /** Opens every wall; resolves when each has had its first event (the current revision). */
  async open(): Promise<void> {
    const first: Promise<void>[] = [];
    for (let i = 0; i < this.plan.count; i++) {
      const wall: Wall = { connected: false, lastRevision: null, request: null, refetching: false, settled: 0 };
      this.walls.push(wall);
      first.push(new Promise((resolve) => this.connect(wall, resolve)));
    }
    await Promise.all(first);
  }

  private connect(wall: Wall, onFirst?: () => void): void {
    if (this.closing) return;
    const params = encodeURIComponent(JSON.stringify({ displayToken: this.plan.token }));
    // Its own socket, like a browser's EventSource on its own screen.
    const request = http.get(`${this.plan.url}/api/trpc/live.revision?connectionParams=${params}`, {
      agent: false,
      headers: { accept: 'text/event-stream' },
    });
    wall.request = request;
    let over = false;
    const ended = () => {
      if (over) return;
      over = true;
      if (wall.request === request) wall.request = null;
      if (wall.connected) {
        wall.connected = false;
        if (!this.closing) this.drops++;
      }
      if (!this.closing) setTimeout(() => this.connect(wall, onFirst), 1000);
    };
    request.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        res.on('end', ended);
        return;
      }
      wall.connected = true;
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          this.onEvent(wall, event, onFirst);
        }
      });
      res.on('end', ended);
      res.on('error', ended);
    });
    request.on('error', ended);
  }

  private onEvent(wall: Wall, event: string, onFirst?: () => void): void {
    let name = 'message';
    let data = '';
    for (const line of event.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data += line.slice(5).trim();
    }
    if (name !== 'message' || !data) return;
    const at = now();
    const parsed = JSON.parse(data) as { revision?: number; data?: { revision?: number } };
    const revision = parsed.revision ?? parsed.data?.revision;
    if (typeof revision !== 'number') return;
    const changed = wall.lastRevision !== null && revision !== wall.lastRevision;
    wall.lastRevision = revision;
    let list = this.receipts.get(revision);
    if (!list) this.receipts.set(revision, (list = []));
    list.push(at);
    onFirst?.();
    if (changed && this.plan.refetch && !wall.refetching) {
      wall.refetching = true;
      setTimeout(() => void this.refetch(wall), Math.random() * this.plan.spreadMs);
    }
  }

  /** The page's GETs at once; done when every one came back. Counted for the revision the wall has heard by then. */
  private async refetch(wall: Wall): Promise<void> {
    const revision = wall.lastRevision!;
    const sent = now();
    const answers = await Promise.all(
      this.paths.map((path) =>
        this.get(path, this.sizedPaths.has(path) ? null : (name, bytes) => this.addCallBytes(path, name, bytes)),
      ),
    );
    const at = now();
    wall.refetching = false;
    const failure = answers.find((a) => typeof a === 'string');
    if (failure !== undefined) this.failed(failure);
    else {
      this.refetchMs.push(at - sent);
      this.refetchBytes.push((answers as number[]).reduce((sum, bytes) => sum + bytes, 0));
      let list = this.refetched.get(revision);
      if (!list) this.refetched.set(revision, (list = []));
      list.push(at);
    }
    wall.settled = Math.max(wall.settled, revision);
    for (const waiter of this.waiters) if (this.allSettled(waiter.revision)) waiter.done(true);
  }

  private addCallBytes(path: string, name: string, bytes: number): void {
    this.sizedPaths.add(path);
    this.refetchCallBytes[name] = bytes;
  }

  /**
   * One GET: the answer's body bytes, or why it failed (an HTTP status, 'timeout' (30 s) or a socket
   * error's code); `perCall` also gets each call's answer size, the call named by procedure and input.
   */
  private get(path: string, perCall: ((name: string, bytes: number) => void) | null): Promise<number | string> {
    return new Promise((resolve) => {
      // A connection of its own each time (a browser would reuse one, and retry transparently when the
      // server closed it meanwhile; here a reused socket the server had just closed would count as failed).
      const request = http.get(
        this.plan.url + path,
        {
          agent: false,
          headers: { 'x-onemap-display-token': this.plan.token, [LANGUAGE_HEADER]: 'zh-CN', accept: '*/*' },
        },
        (res) => {
          let bytes = 0;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (perCall) chunks.push(chunk);
          });
          res.on('end', () => {
            if (perCall && res.statusCode === 200) {
              const url = new URL(path, this.plan.url);
              const names = url.pathname.replace('/api/trpc/', '').split(',');
              const inputs = JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, unknown>;
              const answers = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
              answers.forEach((answer, i) =>
                perCall(`${names[i]} ${JSON.stringify(inputs[i] ?? null)}`, Buffer.byteLength(JSON.stringify(answer))),
              );
            }
            resolve(res.statusCode === 200 ? bytes : String(res.statusCode));
          });
          res.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        },
      );
      request.setTimeout(30_000, () => request.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
      request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
  }

  private failed(reason: string): void {
    this.refetchFailures++;
    this.refetchFailureReasons[reason] = (this.refetchFailureReasons[reason] ?? 0) + 1;
  }

  private allSettled(revision: number): boolean {
    return this.walls.every((w) => w.settled >= revision);
  }

  /** Resolves true when every wall's refetch for `revision` (or a later one) ended, false after `timeoutMs`. */
  waitFor(revision: number, timeoutMs: number): Promise<boolean> {
    if (this.allSettled(revision)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        revision,
        done: (settled: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(settled);
        },
      };
      const timer = setTimeout(() => waiter.done(false), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  report(): WallReport {
    return {
      count: this.walls.length,
      connected: this.walls.filter((w) => w.connected).length,
      drops: this.drops,
      receipts: Object.fromEntries(this.receipts),
      refetched: Object.fromEntries(this.refetched),
      refetchFailures: this.refetchFailures,
      refetchFailureReasons: this.refetchFailureReasons,
      refetchMs: this.refetchMs,
      refetchBytes: this.refetchBytes,
      refetchCallBytes: this.refetchCallBytes,
    };
  }

  close(): void {
    this.closing = true;
    for (const wall of this.walls) wall.request?.destroy();
  }
}

let walls: Walls | null = null;

async function handle(command: ClientCommand): Promise<unknown> {
  switch (command.type) {
    case 'analysts':
      return runAnalysts(command.plan);
    case 'trivial':
      return runTrivial(command.plan);
    case 'walls-open': {
      walls = new Walls(command.plan);
      const started = now();
      await walls.open();
      return { ms: now() - started };
    }
    case 'walls-report':
      return walls?.report() ?? null;
    case 'walls-wait':
      return walls ? walls.waitFor(command.revision, command.timeoutMs) : true;
    case 'walls-close':
      walls?.close();
      walls = null;
      return null;
  }
}

// Only as the forked child (loadTest.ts startClients): a test importing WALL_REFETCH must not answer its runner's IPC.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.on('message', (command: ClientCommand) => {
    handle(command).then(
      (result) => process.send!({ id: command.id, result }),
      (error: Error) => process.send!({ id: command.id, error: error.stack ?? error.message }),
    );
  });
  process.send?.({ ready: true });
}
