/**
 * Client figures in headless Debian Chromium (software WebGL here): JavaScript shipped for the
 * first view (gzip), time to the first full render of `/` (cold and warm, against a bare maplibre
 * page as baseline, with the CPU each Chromium process spent), and frame time while panning,
 * zooming and replaying weeks with the compounds drawn by deck.gl (interleaved) against a bare
 * maplibre circle layer of the same points at the same size, at ×1 and ×100
 * (client/src/bench/frameBench.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../server/services/review/chromium.ts';
import { chromiumCpu, cpuSince } from './processCpu.ts';
import { percentile } from './stats.ts';

export interface BundleFigures {
  files: { name: string; gzipBytes: number }[];
  totalGzipBytes: number;
}

/**
 * The JavaScript and CSS index.html loads (scripts, module preloads, styles) plus the map worker:
 * what the build promises the first view needs. The browser's own count is `firstRender`'s
 * `firstViewFiles` (measured with `bundleOf`).
 */
export function firstViewBundle(distDir: string): BundleFigures {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const worker = readdirSync(join(distDir, 'assets'))
    .filter((f) => f.startsWith('maplibre-gl-worker'))
    .map((f) => `assets/${f}`);
  return bundleOf(distDir, [...refs, ...worker]);
}

/** Gzip sizes of built files (paths under `distDir`, as requested: `assets/….js`). */
export function bundleOf(distDir: string, names: readonly string[]): BundleFigures {
  const files = [...new Set(names)].map((name) => ({
    name,
    gzipBytes: gzipSync(readFileSync(join(distDir, name)), { level: 9 }).length,
  }));
  return { files, totalGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0) };
}

export const launch = launchChromium;

/** Milliseconds from navigation to the `onemap:drawn` mark naming every compound. */
async function drawnAt(page: Page, count: string): Promise<number> {
  return page.evaluate(
    (compounds) =>
      performance.getEntriesByName('onemap:drawn').find((m) =>
        String((m as PerformanceMark).detail)
          .split(' ')
          .includes(`compounds:${compounds}`),
      )?.startTime ?? NaN,
    count,
  );
}

/**
 * The scripts and styles the page (and the map's worker) started fetching before the map first
 * drew every compound (MapAdapter's `onemap:drawn` mark naming them): what the first view
 * loaded, not what was fetched for later (deck.gl, once the first view is drawn).
 */
async function filesBeforeDrawn(page: Page, count: string): Promise<string[]> {
  return page.evaluate((compounds) => {
    const drawn = performance.getEntriesByName('onemap:drawn').find((m) =>
      String((m as PerformanceMark).detail)
        .split(' ')
        .includes(`compounds:${compounds}`),
    );
    const until = drawn?.startTime ?? Infinity;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= until)
      .map((e) => new URL(e.name).pathname.slice(1))
      .filter((path) => /\.(?:js|css)$/.test(path));
  }, count);
}

export interface FirstRenderFigures {
  /** Navigation → every compound drawn, in a browser just started (a first visit: no caches). */
  cold: number[];
  /** The same page opened again in that browser (compiled shaders and code cached). */
  warm: number[];
  /** Baseline: the same basemap and points drawn by maplibre alone on the bench page, in a browser just started. */
  baseline: number[];
  /**
   * The same three, timed by the page itself: navigation start → the map idle with every point
   * drawn (MapAdapter's `onemap:drawn` mark; the bench page's `drawnAt`). Free of the harness's
   * polling, which a busy page (deck.gl loading right after the first view) can delay.
   */
  inPage: { cold: number[]; warm: number[]; baseline: number[] };
  /**
   * The JavaScript and CSS each cold run's page (and its workers, not the service worker) asked
   * for before the full render, as `assets/…` paths: what the first view really loaded.
   */
  firstViewFiles: string[][];
  /** CPU seconds of the cold runs, by Chromium process: where the time goes. */
  cpu: { gpu: number; renderer: number; browser: number }[];
}

/** `headers` carry the credentials (a display token: every page needs one). */
export async function firstRender(
  url: string,
  runs: number,
  headers: Record<string, string> = {},
): Promise<FirstRenderFigures> {
  const figures: FirstRenderFigures = {
    cold: [],
    warm: [],
    baseline: [],
    inPage: { cold: [], warm: [], baseline: [] },
    cpu: [],
    firstViewFiles: [],
  };
  const open = async (browser: Browser) =>
    (await browser.newContext({ viewport: { width: 1920, height: 1080 }, extraHTTPHeaders: headers })).newPage();
  for (let i = 0; i < runs; i++) {
    const bare = await launch();
    try {
      const page = await open(bare);
      const started = Date.now();
      await page.goto(`${url}/bench.html?mode=maplibre&motion=pan&scale=1&frames=1`);
      await page.waitForFunction(() => window.onemapBench?.ready === true, undefined, { timeout: 120_000 });
      figures.baseline.push(Date.now() - started);
      figures.inPage.baseline.push(await page.evaluate(() => window.onemapBench?.drawnAt ?? NaN));
    } finally {
      await bare.close();
    }
    const browser = await launch();
    try {
      for (const kind of ['cold', 'warm'] as const) {
        const page = await open(browser);
        const before = chromiumCpu();
        const started = Date.now();
        await page.goto(`${url}/`);
        await page.waitForSelector('[data-testid="compound-count"][data-ready="true"]', {
          state: 'attached',
          timeout: 120_000,
        });
        // Full: the map has drawn every compound (MapAdapter writes what it drew once maplibre is idle).
        const count = await page.getByTestId('compound-count').textContent();
        await page.waitForSelector(`[data-testid="map"][data-drawn~="compounds:${count}"]`, {
          state: 'attached',
          timeout: 120_000,
        });
        figures[kind].push(Date.now() - started);
        figures.inPage[kind].push(await drawnAt(page, count!));
        if (kind === 'cold') {
          const used = cpuSince(before);
          figures.cpu.push({ gpu: used['gpu-process'] ?? 0, renderer: used.renderer ?? 0, browser: used.browser ?? 0 });
          figures.firstViewFiles.push(await filesBeforeDrawn(page, count!));
        }
        await page.context().close();
      }
    } finally {
      await browser.close();
    }
  }
  return figures;
}

export type FrameMode = 'deck' | 'quad' | 'maplibre' | 'product';
export const FRAME_MOTIONS = ['pan', 'zoom', 'replay'] as const;
export type FrameMotion = (typeof FRAME_MOTIONS)[number];

export interface FrameFigures {
  mode: FrameMode;
  motion: FrameMotion;
  scale: number;
  points: number;
  median: number;
  p95: number;
  /** CPU milliseconds per steady frame: Chromium's GPU process (software WebGL) and renderer (JavaScript). */
  gpuCpuPerFrame: number;
  rendererCpuPerFrame: number;
}

/** Frames drawn before measuring: the first ones compile shaders. */
const WARMUP_FRAMES = 10;

export async function frameTimes(
  browser: Browser,
  url: string,
  mode: FrameMode,
  scale: number,
  frames: number,
  motion: FrameMotion = 'pan',
  headers: Record<string, string> = {},
): Promise<FrameFigures> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, extraHTTPHeaders: headers });
  const page = await context.newPage();
  await page.goto(
    `${url}/bench.html?mode=${mode}&motion=${motion}&scale=${scale}&frames=${frames}&warmup=${WARMUP_FRAMES}`,
  );
  // The page pauses after the warm-up: CPU counters are read around the steady frames only.
  await page.waitForFunction(
    () => window.onemapBench?.warmedUp === true || window.onemapBench?.ready === true,
    undefined,
    { timeout: 300_000 },
  );
  const before = chromiumCpu();
  await page.evaluate(() => window.onemapBenchGo?.());
  await page.waitForFunction(() => window.onemapBench?.ready === true, undefined, { timeout: 300_000 });
  const used = cpuSince(before);
  const result = (await page.evaluate(() => window.onemapBench))!;
  await context.close();
  if (result.error || !result.frameTimes) throw new Error(`bench page failed: ${result.error}`);
  const steady = result.frameTimes.slice(WARMUP_FRAMES);
  const perFrame = (seconds = 0) => (seconds * 1000) / Math.max(1, steady.length);
  return {
    mode,
    motion,
    scale,
    points: 347 * scale,
    median: percentile(steady, 50),
    p95: percentile(steady, 95),
    gpuCpuPerFrame: perFrame(used['gpu-process']),
    rendererCpuPerFrame: perFrame(used.renderer),
  };
}
