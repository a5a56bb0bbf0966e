/**
 * The wall's soak benchmark (not part of `npm test`): the demo city on PGlite, the server, one
 * wall in headless Chromium rotating its scenes every 10 s, and a record change every 10 s (a
 * 四方联席 meeting inserted, then removed: each bumps the data revision, so the wall refetches
 * everything). After a warm-up of the same work, the JS heap is measured after a forced garbage
 * collection (CDP HeapProfiler) every minute (or `everyMinutes`), with the DOM node and
 * event-listener counts, and split by a heap snapshot into V8's compiled code and everything else:
 * the JIT keeps compiling the functions the wall runs for a long while, and that is a different
 * thing from data piling up. With `heapSnapshots` (a directory), each snapshot is also written
 * there, for comparing in Chrome DevTools (Memory → Comparison; tens of MB each).
 */
import { and, eq } from 'drizzle-orm';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { compounds, meetings } from '../../data/schema/index.ts';
import type { Database } from '../../server/db/connection.ts';
import { startServer } from '../../server/http/server.ts';
import { createDisplayToken } from '../../server/services/auth/displayTokens.ts';
import { revisionWatcher } from '../../server/services/live/revisionWatcher.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { launch } from './clientBench.ts';
import { heapByType } from './heapByType.ts';

export interface SoakSample {
  minute: number;
  heapMb: number;
  /** Of the heap snapshot taken right after: V8's compiled code (bytecode, machine code, their metadata) and everything else. */
  codeMb: number;
  otherMb: number;
  domNodes: number;
  listeners: number;
  /** Pending setTimeout callbacks and live setIntervals on the page's main thread (counted by TIMER_COUNTER). */
  timeouts: number;
  intervals: number;
  revision: number;
  scene: string;
}

export interface SoakOptions {
  /** A directory: each sample's V8 heap snapshot is also written there (for Chrome DevTools, Memory → Comparison). */
  heapSnapshots?: string;
  /** Minutes of the same rotation and changes before the first sample (default 2). */
  warmupMinutes?: number;
  /** Minutes between samples (default 1). */
  everyMinutes?: number;
  /** Passed to Chromium as `--js-flags=…` (e.g. `--no-maglev --no-turbofan`) to see what V8's tiers add. */
  jsFlags?: string;
}

export interface SoakFigures {
  minutes: number;
  warmupMinutes: number;
  jsFlags?: string;
  samples: SoakSample[];
  changes: number;
  /** Revision reads by the server's shared poller during the run (≈ one a second). */
  pollerReads: number;
  consoleErrors: string[];
}

/**
 * Measured on the overview scene each time (like with like): waits for it to come round, and
 * measures again if the rotation moved on while the page settled or the heap was collected.
 */
async function measure(page: Page, cdp: Cdp, start: number): Promise<Omit<SoakSample, 'codeMb' | 'otherMb'>> {
  const wall = page.getByTestId('wall');
  for (;;) {
    await page.waitForSelector('[data-testid="wall"][data-scene="overview"][data-ready="true"]', { timeout: 90_000 });
    await page.waitForTimeout(1500);
    const minute = (Date.now() - start) / 60_000;
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
    const scene = (await wall.getAttribute('data-scene')) ?? '';
    if (scene !== 'overview') continue;
    const timers = await page.evaluate(() =>
      (window as unknown as { onemapTimers(): { timeouts: number; intervals: number } }).onemapTimers(),
    );
    return {
      minute,
      heapMb: heap.usedSize / 2 ** 20,
      domNodes: counters.nodes,
      listeners: counters.jsEventListeners,
      ...timers,
      revision: Number(await wall.getAttribute('data-revision')),
      scene,
    };
  }
}

/**
 * Injected before the page's own scripts: counts the timers the page has pending, which CDP does
 * not report. Timer ids share one space, so either clear function forgets either kind. A callback
 * given as a string is passed through uncounted.
 */
const TIMER_COUNTER = `(() => {
  const timeouts = new Set(), intervals = new Set();
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = function (fn, ms, ...rest) {
    if (typeof fn !== 'function') return st.call(window, fn, ms, ...rest);
    const id = st.call(window, (...args) => { timeouts.delete(id); fn(...args); }, ms, ...rest);
    timeouts.add(id);
    return id;
  };
  window.setInterval = function (...args) { const id = si.apply(window, args); intervals.add(id); return id; };
  const forget = (id) => { timeouts.delete(id); intervals.delete(id); };
  window.clearTimeout = function (id) { forget(id); return ct.call(window, id); };
  window.clearInterval = function (id) { forget(id); return ci.call(window, id); };
  window.onemapTimers = () => ({ timeouts: timeouts.size, intervals: intervals.size });
})();`;

type Cdp = {
  send(method: string, params?: object): Promise<unknown>;
  on(event: string, listener: (params: never) => void): unknown;
  off(event: string, listener: (params: never) => void): unknown;
};

/** A V8 heap snapshot's text (and the file, with `file`). */
async function takeHeapSnapshot(cdp: Cdp, file?: string): Promise<string> {
  const chunks: string[] = [];
  const onChunk = (p: { chunk: string }) => void chunks.push(p.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const text = chunks.join('');
  if (file) writeFileSync(file, text);
  return text;
}

export async function wallSoak(
  database: Database,
  minutes: number,
  log: (line: string) => void,
  options: SoakOptions = {},
): Promise<SoakFigures> {
  const server = await startServer({ database, port: 0 });
  const { token } = await createDisplayToken(database.db, null, 'soak');
  const browser = await launch(options.jsFlags ? [`--js-flags=${options.jsFlags}`] : []);
  const today = todayInCity();
  const targets = (await database.db.select({ id: compounds.id }).from(compounds).limit(20)).map((r) => r.id);
  const warmupMinutes = options.warmupMinutes ?? 2;
  const everyMinutes = options.everyMinutes ?? 1;
  const consoleErrors: string[] = [];
  const samples: SoakSample[] = [];
  let changes = 0;
  const readsBefore = revisionWatcher(database.db).reads;
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Memory.enable' as never).catch(() => {});
    await page.addInitScript(TIMER_COUNTER);
    await page.goto(`${server.url}/wall?token=${token}&interval=10`);
    await page.waitForSelector('[data-testid="wall"][data-ready="true"]', { timeout: 120_000 });
    /** Measures, then splits the heap by a snapshot (and keeps the file with `heapSnapshots`). */
    const sample = async (): Promise<SoakSample> => {
      const measured = await measure(page, cdp as unknown as Cdp, start);
      let file: string | undefined;
      if (options.heapSnapshots) {
        mkdirSync(options.heapSnapshots, { recursive: true });
        file = join(options.heapSnapshots, `wall-${measured.minute.toFixed(1).padStart(5, '0')}min.heapsnapshot`);
      }
      const byType = heapByType(await takeHeapSnapshot(cdp as unknown as Cdp, file));
      // "native" are Blink's objects (DOM, canvases) and "synthetic" the snapshot's roots: not V8's heap.
      const v8Bytes = [...byType]
        .filter(([type]) => type !== 'native' && type !== 'synthetic')
        .reduce((n, [, bytes]) => n + bytes, 0);
      const code = byType.get('code') ?? 0;
      const s: SoakSample = { ...measured, codeMb: code / 2 ** 20, otherMb: (v8Bytes - code) / 2 ** 20 };
      log(
        `  ${s.minute.toFixed(1)} min: heap ${s.heapMb.toFixed(2)} MB (code ${s.codeMb.toFixed(2)}, other ${s.otherMb.toFixed(2)}), ${s.domNodes} nodes, ${s.listeners} listeners, timers ${s.timeouts}+${s.intervals}, revision ${s.revision}${file ? `, ${file}` : ''}`,
      );
      return s;
    };
    const start = Date.now();
    const end = start + (warmupMinutes + minutes) * 60_000;
    let nextSample = start + warmupMinutes * 60_000;
    let inserted: { compoundId: number } | null = null;
    let changing: Promise<void> = Promise.resolve();
    // A record change every 10 s, on its own timer so that waiting for a measurement does not pause it.
    const change = async () => {
      if (inserted) {
        await database.db
          .delete(meetings)
          .where(
            and(eq(meetings.compoundId, inserted.compoundId), eq(meetings.heldOn, today), eq(meetings.topics, 'soak')),
          );
        inserted = null;
      } else {
        const compoundId = targets[changes % targets.length]!;
        const [row] = await database.db
          .select({ id: meetings.id })
          .from(meetings)
          .where(and(eq(meetings.compoundId, compoundId), eq(meetings.heldOn, today)));
        if (!row) {
          await database.db
            .insert(meetings)
            .values({ compoundId, heldOn: today, attendees: 5, topics: 'soak', problemsResolved: 0 });
          inserted = { compoundId };
        }
      }
      changes++;
    };
    const changer = setInterval(() => {
      changing = changing.then(change, change);
    }, 10_000);
    try {
      while (Date.now() < end) {
        if (Date.now() >= nextSample) {
          samples.push(await sample());
          nextSample += everyMinutes * 60_000;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      clearInterval(changer);
      await changing;
    }
    samples.push(await sample());
    // Leave the records as they were (the change timer may have left a meeting in).
    const left = inserted as { compoundId: number } | null;
    if (left)
      await database.db
        .delete(meetings)
        .where(and(eq(meetings.compoundId, left.compoundId), eq(meetings.heldOn, today), eq(meetings.topics, 'soak')));
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    minutes,
    warmupMinutes,
    ...(options.jsFlags ? { jsFlags: options.jsFlags } : {}),
    samples,
    changes,
    pollerReads: revisionWatcher(database.db).reads - readsBefore,
    consoleErrors,
  };
}

/** The BENCHMARKS.md section. */
export function soakSection(f: SoakFigures, command: string, when: string): string {
  const first = f.samples[0]!;
  const last = f.samples[f.samples.length - 1]!;
  const mb = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)} MB`;
  const pct = (x: number, of: number) => `${x >= 0 ? '+' : ''}${((x / of) * 100).toFixed(1)} %`;
  const growth = last.heapMb - first.heapMb;
  const code = last.codeMb - first.codeMb;
  const other = last.otherMb - first.otherMb;
  return [
    ...(f.minutes < 30
      ? [
          `**A ${f.minutes}-minute proof run, not the 30-minute soak** (\`npm run bench:soak\`); its figures show the harness works, not that days are safe.`,
          '',
        ]
      : []),
    `Command: \`${command}\`, measured ${when}${f.jsFlags ? `, Chromium with \`--js-flags=${f.jsFlags}\`` : ''}. One wall at 1920×1080 rotating its six scenes every 10 s, a record change every 10 s (${f.changes} in all; each makes the wall refetch every figure): a ${f.warmupMinutes}-minute warm-up, then ${f.minutes} minutes measured. JS heap after a forced GC (CDP), always on the overview scene, then split by a heap snapshot into V8's compiled code (bytecode and machine code) and everything else (objects, arrays, strings, closures):`,
    '',
    '| minute | heap (MB) | compiled code (MB) | everything else (MB) | DOM nodes | JS listeners | timeouts pending / intervals | data revision |',
    '|---|---|---|---|---|---|---|---|',
    ...f.samples.map(
      (s) =>
        `| ${s.minute.toFixed(1)} | ${s.heapMb.toFixed(2)} | ${s.codeMb.toFixed(2)} | ${s.otherMb.toFixed(2)} | ${s.domNodes} | ${s.listeners} | ${s.timeouts} / ${s.intervals} | ${s.revision} |`,
    ),
    '',
    `Heap growth after warm-up: **${mb(growth)} (${pct(growth, first.heapMb)})**, of which compiled code ${mb(code)} and everything else ${mb(other)} (${pct(other, first.otherMb)}); DOM nodes ${first.domNodes} → ${last.domNodes}; listeners ${first.listeners} → ${last.listeners}; timers pending ${first.timeouts} / ${first.intervals} → ${last.timeouts} / ${last.intervals} (timeouts / intervals, counted by a wrapper the benchmark injects). Server: ${f.pollerReads} revision reads by the one shared poller (≈ 1 per second while a wall listens). Console errors: ${f.consoleErrors.length}.`,
    '',
  ].join('\n');
}
