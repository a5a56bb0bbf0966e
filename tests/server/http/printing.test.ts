/**
 * PDF packs over real HTTP share one Chromium: twelve parallel pack requests start one browser
 * process; those past the queue (2 printing, 4 waiting) get 503 "系统繁忙，请稍后再试" at once; a
 * browser that died is launched again; stopping the server leaves no Chromium behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOWNSHIPS } from '../../../data/geography/jinjiang.ts';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { sharedPdfPrinter } from '../../../server/services/review/pdfPrinter.ts';
import { actorAs } from '../../support/callers.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

const PARALLEL = 12;

/** Chromium browser processes started by this process (the main process: no --type= switch). */
function chromiumBrowsers(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (/chrom/i.test(cmdline[0] ?? '') && !cmdline.some((a) => a.startsWith('--type='))) found.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

describe('printing PDF packs over HTTP', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let session: string;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    server = await startServer({ database, port: 0 });
    session = `onemap_session=${(await actorAs(database, 'analyst')).token}`;
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  const pack = async (townshipCode: string) => {
    const res = await fetch(`${server.url}/api/trpc/review.pack`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session },
      body: JSON.stringify({ week: '2025-W30', townshipCode, format: 'pdf' }),
    });
    const body = (await res.json()) as { result?: { data: { base64: string } }; error?: { message: string } };
    return { status: res.status, body };
  };

  it('starts one browser for many parallel packs, and refuses those past the queue with 503', async () => {
    expect(chromiumBrowsers()).toEqual([]);
    const seen = new Set<number>();
    const sampler = setInterval(() => {
      for (const pid of chromiumBrowsers()) seen.add(pid);
    }, 50);
    const townships = TOWNSHIPS.slice(0, PARALLEL).map((t) => t.code);
    const replies = await Promise.all(townships.map((code) => pack(code))).finally(() => clearInterval(sampler));
    for (const pid of chromiumBrowsers()) seen.add(pid);

    const printed = replies.filter((r) => r.status === 200);
    const refused = replies.filter((r) => r.status === 503);
    expect(printed.length + refused.length, JSON.stringify(replies.map((r) => [r.status, r.body.error?.message]))).toBe(
      PARALLEL,
    );
    expect(printed.length, 'those admitted are printed').toBeGreaterThanOrEqual(6);
    expect(refused.length, 'those past 2 printing and 4 waiting are refused').toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(r.body.error?.message).toBe('系统繁忙，请稍后再试');
    for (const r of printed)
      expect(Buffer.from(r.body.result!.data.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(sharedPdfPrinter.launches, 'browsers launched').toBe(1);
    expect(seen.size, 'Chromium browser processes seen').toBe(1);
    expect(chromiumBrowsers(), 'the browser stays for the next pack').toEqual([...seen]);
  }, 300_000);

  it('launches the browser again after it died, and closes it with the server', async () => {
    const [pid] = chromiumBrowsers();
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    const reply = await pack('350582103');
    expect(reply.status, reply.body.error?.message).toBe(200);
    expect(sharedPdfPrinter.launches).toBe(2);
    expect(chromiumBrowsers()).toHaveLength(1);
    expect(chromiumBrowsers()).not.toContain(pid);

    await server.close();
    expect(chromiumBrowsers(), 'no Chromium left after the server stopped').toEqual([]);
  }, 120_000);
});
