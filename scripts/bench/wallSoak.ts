/**
 * The wall's soak benchmark (not part of `npm test`): the demo city on PGlite, the server, one
 * wall in headless Chromium rotating its scenes every 10 s, and a record change every 10 s (a
 * 四方联席 meeting inserted, then removed: each bumps the data revision, so the wall refetches
 * everything). The JS heap is measured after a forced garbage collection (CDP HeapProfiler) at the
 * end of the warm-up and every minute to the end, with the DOM node and event-listener counts.
 * With `heapSnapshots` (a directory), a V8 heap snapshot is written after each sample, for
 * comparing in Chrome DevTools (Memory → Comparison); they take seconds each and tens of MB.
 */
import { and, eq } from 'drizzle-orm';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { compounds, meetings } from '../../data/schema/index.ts';
import type { Database } from '../../server/db/connection.ts';
import { startServer } from '../../server/http/server.ts';
import { createDisplayToken } from '../../server/services/auth/displayTokens.ts';
import { revisionWatcher } from '../../server/services/live/revisionWatcher.ts';
import { todayInCity } from '../../server/services/time/dates.ts';
import { launch } from './clientBench.ts';

export interface SoakSample {
  minute: number;
  heapMb: number;
  domNodes: number;
  listeners: number;
  revision: number;
  scene: string;
}

export interface SoakFigures {
  minutes: number;
  warmupMinutes: number;
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
async function measure(page: Page, cdp: { send(method: string, params?: object): Promise<unknown> }, start: number): Promise<SoakSample> {
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
    return { minute, heapMb: heap.usedSize / 2 ** 20, domNodes: counters.nodes, listeners: counters.jsEventListeners, revision: Number(await wall.getAttribute('data-revision')), scene };
  }
}

type Cdp = { send(method: string, params?: object): Promise<unknown>; on(event: string, listener: (params: never) => void): unknown; off(event: string, listener: (params: never) => void): unknown };

async function writeHeapSnapshot(cdp: Cdp, file: string): Promise<void> {
  const out = createWriteStream(file);
  const onChunk = (p: { chunk: string }) => void out.write(p.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await new Promise((resolve) => out.end(resolve));
  }
}

export async function wallSoak(database: Database, minutes: number, log: (line: string) => void, options: { heapSnapshots?: string } = {}): Promise<SoakFigures> {
  const server = await startServer({ database, port: 0 });
  const { token } = await createDisplayToken(database.db, null, 'soak');
  const browser = await launch();
  const today = todayInCity();
  const targets = (await database.db.select({ id: compounds.id }).from(compounds).limit(20)).map((r) => r.id);
  const warmupMinutes = Math.min(2, minutes / 3);
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
    await page.goto(`${server.url}/wall?token=${token}&interval=10`);
    await page.waitForSelector('[data-testid="wall"][data-ready="true"]', { timeout: 120_000 });
    const snapshot = async (sample: SoakSample) => {
      if (!options.heapSnapshots) return;
      mkdirSync(options.heapSnapshots, { recursive: true });
      const file = join(options.heapSnapshots, `wall-${sample.minute.toFixed(1).padStart(5, '0')}min.heapsnapshot`);
      await writeHeapSnapshot(cdp as unknown as Cdp, file);
      log(`    heap snapshot: ${file}`);
    };
    const start = Date.now();
    const end = start + minutes * 60_000;
    let nextSample = start + warmupMinutes * 60_000;
    let inserted: { compoundId: number } | null = null;
    let changing: Promise<void> = Promise.resolve();
    // A record change every 10 s, on its own timer so that waiting for a measurement does not pause it.
    const change = async () => {
      if (inserted) {
        await database.db.delete(meetings).where(and(eq(meetings.compoundId, inserted.compoundId), eq(meetings.heldOn, today), eq(meetings.topics, 'soak')));
        inserted = null;
      } else {
        const compoundId = targets[changes % targets.length]!;
        const [row] = await database.db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.compoundId, compoundId), eq(meetings.heldOn, today)));
        if (!row) {
          await database.db.insert(meetings).values({ compoundId, heldOn: today, attendees: 5, topics: 'soak', problemsResolved: 0 });
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
          const sample = await measure(page, cdp, start);
          samples.push(sample);
          log(`  ${sample.minute.toFixed(1)} min: heap ${sample.heapMb.toFixed(1)} MB, ${sample.domNodes} nodes, ${sample.listeners} listeners, revision ${sample.revision}, scene ${sample.scene}`);
          await snapshot(sample);
          nextSample += 60_000;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      clearInterval(changer);
      await changing;
    }
    const last = await measure(page, cdp, start);
    samples.push(last);
    await snapshot(last);
    // Leave the records as they were (the change timer may have left a meeting in).
    const left = inserted as { compoundId: number } | null;
    if (left) await database.db.delete(meetings).where(and(eq(meetings.compoundId, left.compoundId), eq(meetings.heldOn, today), eq(meetings.topics, 'soak')));
  } finally {
    await browser.close();
    await server.close();
  }
  return { minutes, warmupMinutes, samples, changes, pollerReads: revisionWatcher(database.db).reads - readsBefore, consoleErrors };
}

/** The BENCHMARKS.md section. */
export function soakSection(f: SoakFigures, command: string, when: string): string {
  const first = f.samples[0]!;
  const last = f.samples[f.samples.length - 1]!;
  const growth = last.heapMb - first.heapMb;
  return [
    ...(f.minutes < 30 ? [`**A ${f.minutes}-minute proof run, not the 30-minute soak** (\`npm run bench:soak\`); its figures show the harness works, not that days are safe.`, ''] : []),
    `Command: \`${command}\`, measured ${when}. One wall at 1920×1080 rotating its six scenes every 10 s, a record change every 10 s (${f.changes} in all; each makes the wall refetch every figure), ${f.minutes} min in all. JS heap after a forced GC (CDP), always on the overview scene, from the end of the ${f.warmupMinutes.toFixed(1)}-min warm-up to the end:`,
    '',
    '| minute | heap (MB) | DOM nodes | JS listeners | data revision | scene |',
    '|---|---|---|---|---|---|',
    ...f.samples.map((s) => `| ${s.minute.toFixed(1)} | ${s.heapMb.toFixed(1)} | ${s.domNodes} | ${s.listeners} | ${s.revision} | ${s.scene} |`),
    '',
    `Heap growth after warm-up: **${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB (${((growth / first.heapMb) * 100).toFixed(1)} %)**; DOM nodes ${first.domNodes} → ${last.domNodes}; listeners ${first.listeners} → ${last.listeners}. Server: ${f.pollerReads} revision reads by the one shared poller (≈ 1 per second while a wall listens). Console errors: ${f.consoleErrors.length}.`,
    '',
  ].join('\n');
}
