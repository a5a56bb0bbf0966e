/**
 * The client bundle ships no server internals: built into a temporary folder, none of its files
 * holds a drizzle table definition (`pgTable`) or the users table's `password_hash` column —
 * what the /workbench chunk carried when the client imported the indicator definitions through
 * the database schema.
 *
 * And the first view stays light: the JavaScript index.html loads (its script and module
 * preloads) plus the map's worker is at most 625 KB gzip — the bare stack's floor (maplibre and
 * its worker, React) — so deck.gl and whatever the first view does not draw load later.
 * The service worker's list of files to keep names only files the build wrote: the browser
 * installs it only if it can fetch every one.
 * The benchmark (npm run bench) counts the same files from the browser's side: every script
 * requested before the map's first full render.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstViewBundle } from '../../scripts/bench/clientBench.ts';

const run = promisify(execFile);
/** Issue 23's goal for the first view's JavaScript, gzip. */
const FIRST_VIEW_BUDGET_KB = 625;
let outDir = '';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the client bundle', () => {
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'onemap-bundle-'));
    // As it ships: under the test runner NODE_ENV is 'test', which would build React's development code.
    await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir'], {
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }, 300_000);
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('holds no table definitions and no password column', async () => {
    const scripts = (await filesUnder(outDir)).filter((f) => f.endsWith('.js'));
    expect(scripts.length, 'the build wrote JavaScript').toBeGreaterThan(0);
    for (const file of scripts) {
      const text = await readFile(file, 'utf8');
      expect(text.includes('pgTable'), `${file} holds pgTable`).toBe(false);
      expect(text.includes('password_hash'), `${file} holds password_hash`).toBe(false);
    }
  });

  it(`loads at most ${FIRST_VIEW_BUDGET_KB} KB of JavaScript (gzip) for the first view, and no deck.gl`, async () => {
    const bundle = firstViewBundle(outDir);
    const scripts = bundle.files.filter((f) => f.name.endsWith('.js'));
    expect(
      scripts.some((f) => f.name.includes('maplibre-gl-worker')),
      'the map worker is counted',
    ).toBe(true);
    const kb = scripts.reduce((n, f) => n + f.gzipBytes, 0) / 1024;
    expect(kb, scripts.map((f) => `${f.name} ${(f.gzipBytes / 1024).toFixed(1)} KB`).join('\n')).toBeLessThanOrEqual(
      FIRST_VIEW_BUDGET_KB,
    );
    // deck.gl's layers register under these names; the first view draws with maplibre's own.
    for (const file of scripts) {
      const text = await readFile(join(outDir, file.name), 'utf8');
      expect(/\bScatterplotLayer\b|luma\.gl/.test(text), `${file.name} holds deck.gl`).toBe(false);
    }
  });

  it('has its service worker keep only files the build wrote (one missing file and the page never opens offline)', async () => {
    const worker = await readFile(join(outDir, 'sw.js'), 'utf8');
    const precache = JSON.parse(/const PRECACHE = (\[[^\]]*\]);/.exec(worker)![1]!) as string[];
    const written = new Set((await filesUnder(outDir)).map((f) => f.slice(outDir.length).split('\\').join('/')));
    expect(precache).toContain('/index.html');
    expect(precache.filter((path) => path.endsWith('.js')).length, 'the scripts are kept').toBeGreaterThan(5);
    expect(precache.filter((path) => !written.has(path))).toEqual([]);
  });
});
