/**
 * The wall screen in Chromium with a read-only display token, on the fixture city: it fills
 * 16:9, 32:9, 4K and 48:9 displays without scrolling, every scene renders with text no smaller
 * than 20 canvas pixels, a record changed through the API appears within 5 s, a server restart is
 * shown and recovered from without a reload, and a lost WebGL context brings the map back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { createDisplayToken } from '../../server/services/auth/displayTokens.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { metricsReport } from '../../server/services/metrics/metricsReport.ts';
import { hexToRgb, STATUS_COLOURS } from '../../shared/colours/judgement.ts';
import { INDICATOR_KEYS } from '../../shared/indicators/index.ts';
import { addDays, todayInCity } from '../../shared/time/dates.ts';
import {
  artifactPath,
  ensureClientBuilt,
  launchBrowser,
  openOfflinePage,
  type OfflinePage,
} from '../support/browser.ts';
import { stillScreenshot, waitForMapDrawn } from '../support/settle.ts';
import { callerAs } from '../support/callers.ts';
import { openFixtureDatabase, type TestDatabase } from '../support/databases.ts';

const SIZES = [
  [1920, 1080],
  [3840, 1080],
  [3840, 2160],
  [5760, 1080],
] as const;
/** Each scene and the element that proves it is drawn. */
const SCENES = [
  ['overview', 'wall-matrix'],
  ['party', 'wall-legend'],
  ['committee', 'wall-legend'],
  ['rating', 'wall-legend'],
  ['issues', 'wall-legend'],
  ['spotlight', 'wall-lagging'],
] as const;

async function openWall(
  browser: Browser,
  server: RunningServer,
  token: string,
  width: number,
  height: number,
  query = '',
): Promise<OfflinePage> {
  const view = await openOfflinePage(browser, width, height);
  await view.page.goto(`${server.url}/wall?token=${token}&interval=600${query}`);
  await view.page.waitForSelector('[data-testid="wall"][data-ready="true"]', { timeout: 60_000 });
  return view;
}

/** The smallest text on the page in canvas units (computed size ÷ the zoom it is drawn at). */
function smallestText(page: Page): Promise<{ size: number; text: string }> {
  return page.evaluate(() => {
    const s = Number(document.querySelector('[data-testid="wall"]')!.getAttribute('data-scale'));
    let smallest = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest('.sr-only')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      // Chromium reports font-size before CSS zoom: real pixels = size × the element's zoom; ÷ s = canvas units.
      const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      const size = (Number.parseFloat(getComputedStyle(el).fontSize) * zoom) / s;
      if (size < smallest.size) smallest = { size, text: node.textContent.trim().slice(0, 40) };
    }
    return smallest;
  });
}

/** How many pixels of the map are neither sea nor land: the drawn points, outlines and labels. */
async function mapInk(page: Page): Promise<number> {
  const box = (await page.getByTestId('wall-map').boundingBox())!;
  const png = await page.screenshot({ clip: box });
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      // Sea, land and neighbouring land are dark blues; points are bright colours.
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60 && Math.max(r, g, b) > 120) ink++;
    }
    return ink;
  }, png.toString('base64'));
}

/** Panels whose content does not fit (clipped): their headings. */
function clippedPanels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.wall-panel')]
      .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.querySelector('h2')?.textContent ?? el.className),
  );
}

async function noScroll(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      document.documentElement.scrollWidth <= window.innerWidth &&
      document.documentElement.scrollHeight <= window.innerHeight,
  );
}

describe('the wall screen', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    ensureClientBuilt();
    database = await openFixtureDatabase('pglite');
    server = await startServer({ database, port: 0 });
    browser = await launchBrowser();
    token = (await createDisplayToken(database.db, null, '大厅LED')).token;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.dispose();
  });

  it('fills 16:9, 32:9, 4K and 48:9 walls: no scrolling, the map drawn, no text under 20 canvas px', async () => {
    for (const [width, height] of SIZES) {
      const view = await openWall(browser, server, token, width, height, '&scenes=overview');
      const { page } = view;
      await expect.poll(() => mapInk(page), { timeout: 20_000 }).toBeGreaterThan(200);
      expect(await noScroll(page), `${width}×${height} scrolls`).toBe(true);
      const smallest = await smallestText(page);
      expect(smallest.size, `${width}×${height}: “${smallest.text}”`).toBeGreaterThanOrEqual(20);
      expect(await page.getByTestId('wall-matrix').isVisible()).toBe(true);
      expect(await page.getByTestId('wall-map-legend').isVisible(), `${width}×${height}: the map has its legend`).toBe(
        true,
      );
      expect(await clippedPanels(page), `${width}×${height}`).toEqual([]);
      await page.screenshot({ path: artifactPath(`wall-overview-${width}x${height}.png`) });
      expect(view.consoleErrors).toEqual([]);
      expect(view.blockedRequests).toEqual([]);
      await view.context.close();
    }
  });

  it('draws only a met goal green, and gives every map a legend whose counts add up to the dots', async () => {
    const today = todayInCity();
    const report = await metricsReport(database.db, { asOf: today });
    const compounds = await compoundStatusAsOf(database.db, today);
    const green = `rgb(${hexToRgb(STATUS_COLOURS.met.dark).join(', ')})`;
    const legendSum = (page: Page, prefix: string) =>
      page
        .locator(`[data-testid^="${prefix}"]`)
        .evaluateAll((els) => els.reduce((n, el) => n + Number(el.textContent), 0));

    const view = await openWall(browser, server, token, 3840, 1080, '&scenes=overview,party,spotlight');
    const { page } = view;
    let short = 0;
    for (const key of INDICATOR_KEYS) {
      const r = report.city.indicators[key];
      const tile = page.getByTestId(`wall-tile-${key}`);
      expect(await tile.getAttribute('data-status'), key).toBe(r.status ?? 'none');
      const edge = await tile.evaluate((el) => getComputedStyle(el).borderLeftColor);
      if (r.met === true) expect(edge, `${key} meets its goal`).toBe(green);
      else {
        short++;
        expect(edge, `${key} ${r.value} vs ${r.target} is not green`).not.toBe(green);
      }
    }
    expect(short, 'some goal is not met, so the test can fail').toBeGreaterThan(0);
    // Matrix cells: a township short of its goal is never in the met colour.
    const cells = await page
      .getByTestId('wall-matrix')
      .locator('td')
      .evaluateAll((els) => els.map((el) => [el.className, getComputedStyle(el).backgroundColor]));
    for (const [cls, bg] of cells) if (cls !== 'cell-met') expect(bg, cls).not.toContain('47, 211, 154');

    // Overview: the legend over the map counts all the city's compounds.
    await page.getByTestId('wall-map-legend').waitFor({ state: 'visible' });
    expect(await legendSum(page, 'wall-map-legend-count-')).toBe(compounds.length);
    // A layer scene: its legend panel is the map's legend.
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="wall"][data-scene="party"]');
    expect(await legendSum(page, 'wall-legend-count-')).toBe(compounds.length);
    // Spotlight: the spotlit township's compounds.
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="wall"][data-scene="spotlight"]');
    await page.getByTestId('wall-map-legend').waitFor({ state: 'visible' });
    const title = (await page.getByTestId('wall-map-legend-total').textContent())!;
    const township = report.townships.find((t) => title.startsWith(t.name))!;
    expect(township, title).toBeDefined();
    expect(await legendSum(page, 'wall-map-legend-count-')).toBe(
      compounds.filter((c) => c.townshipCode === township.code).length,
    );
    await waitForMapDrawn(page, { testId: 'wall-map' });
    await stillScreenshot(page, { path: artifactPath('wall-spotlight-legend-3840x1080.png') });
    expect(view.consoleErrors).toEqual([]);
    await view.context.close();
  });

  it('steps through every scene with the keyboard and pauses with the space bar', async () => {
    const view = await openWall(browser, server, token, 1920, 1080);
    const { page } = view;
    for (const [i, [scene, key]] of SCENES.entries()) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await page.waitForSelector(`[data-testid="wall"][data-scene="${scene}"]`);
      await page.getByTestId(key).waitFor({ state: 'visible' });
      await expect.poll(() => mapInk(page), { timeout: 20_000 }).toBeGreaterThan(100);
      expect((await smallestText(page)).size, scene).toBeGreaterThanOrEqual(20);
      expect(await noScroll(page)).toBe(true);
      expect(await clippedPanels(page), scene).toEqual([]);
      // The picture once the map has drawn this scene's layers and the charts have stopped moving.
      await waitForMapDrawn(page, { testId: 'wall-map' });
      await stillScreenshot(page, { path: artifactPath(`wall-${scene}-1920x1080.png`) });
    }
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="wall"][data-scene="overview"]');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="wall"][data-scene="spotlight"]');
    await page.keyboard.press('Space');
    await page.getByTestId('wall-paused').waitFor({ state: 'visible' });
    await page.keyboard.press('Space');
    await page.getByTestId('wall-paused').waitFor({ state: 'detached' });
    expect(view.consoleErrors).toEqual([]);
    await view.context.close();
  });

  it('rotates by itself at the URL interval, and letterboxes a canvas override', async () => {
    const view = await openOfflinePage(browser, 1920, 1080);
    const { page } = view;
    await page.goto(`${server.url}/wall?token=${token}&scenes=party,issues&interval=5&canvas=3840x1080`);
    await page.waitForSelector('[data-testid="wall"][data-ready="true"][data-scene="party"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="wall"][data-scene="issues"]', { timeout: 12_000 });
    // 32:9 in a 16:9 window: half the height, centred.
    expect(Number(await page.getByTestId('wall').getAttribute('data-scale'))).toBeCloseTo(0.5, 5);
    expect(await noScroll(page)).toBe(true);
    await page.screenshot({ path: artifactPath('wall-letterbox-3840x1080-in-1920x1080.png') });
    // The token has left the address bar (the other parameters stay), and a reload still shows the wall.
    expect(page.url()).not.toContain(token);
    expect(new URL(page.url()).searchParams.get('canvas')).toBe('3840x1080');
    await page.reload();
    await page.waitForSelector('[data-testid="wall"][data-ready="true"]', { timeout: 60_000 });
    expect(Number(await page.getByTestId('wall').getAttribute('data-scale'))).toBeCloseTo(0.5, 5);
    await view.context.close();
  });

  it('spotlights each lagging township in turn, its list fitting its panel', async () => {
    const view = await openWall(browser, server, token, 1920, 1080, '&scenes=spotlight');
    const { page } = view;
    const title = page.getByTestId('wall-scene-title');
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const before = await title.textContent();
      if (i > 0) {
        await page.keyboard.press('ArrowRight');
        await page
          .waitForFunction(
            (t) => document.querySelector('[data-testid="wall-scene-title"]')?.textContent !== t,
            before,
            { timeout: 3000 },
          )
          .catch(() => {});
      }
      seen.add((await title.textContent())!);
      await page.getByTestId('wall-lagging').waitFor({ state: 'visible' });
      expect(await clippedPanels(page), (await title.textContent()) ?? '').toEqual([]);
      // The map names only the listed lagging compounds that fit without overlapping, not every compound.
      const listed = Number(
        (await page.locator('[data-testid="wall-lagging"] h2').textContent())?.match(/\d+/)?.[0] ?? 0,
      );
      await expect
        .poll(() => page.getByTestId('wall-map').getAttribute('data-drawn'), { timeout: 20_000 })
        .toMatch(/compound-labels:\d+/);
      const named = Number(
        (await page.getByTestId('wall-map').getAttribute('data-drawn'))!.match(/compound-labels:(\d+)/)![1],
      );
      expect(named, (await title.textContent()) ?? '').toBeGreaterThanOrEqual(Math.min(listed, 1));
      expect(named).toBeLessThanOrEqual(listed);
    }
    expect(seen.size).toBeGreaterThan(1);
    await view.context.close();
  });

  it('shows a changed record within 5 s, and rides out a server restart without a reload', async () => {
    const view = await openWall(browser, server, token, 1920, 1080, '&scenes=overview');
    const { page } = view;
    const value = page.getByTestId('wall-value-deliberationCoverage');
    await page.waitForSelector('[data-testid="wall"][data-revision]:not([data-revision=""])');
    const before = await value.textContent();
    await page.evaluate(() => ((window as unknown as { wallMarker: number }).wallMarker = 1));

    const today = todayInCity();
    const since = addDays(today, -29);
    const target = (await compoundStatusAsOf(database.db, today)).find(
      (c) => c.lastMeetingDate === null || c.lastMeetingDate < since,
    )!;
    const admin = await callerAs(database, 'admin');
    const asked: string[] = [];
    page.on('request', (request) => asked.push(decodeURIComponent(request.url())));
    const changedAt = Date.now();
    await admin.editing.recordMeeting({
      compoundCode: target.code,
      heldOn: today,
      attendees: 8,
      topics: '大屏实时测试',
    });
    await expect.poll(() => value.textContent(), { timeout: 5000, interval: 200 }).not.toBe(before);
    expect(Date.now() - changedAt).toBeLessThan(5000);
    // The change made the wall refetch its figures, not the township boundaries nor who it is.
    expect(asked.some((url) => url.includes('compounds.status'))).toBe(true);
    expect(asked.filter((url) => url.includes('geography.townships') || url.includes('auth.me'))).toEqual([]);

    const port = Number(new URL(server.url).port);
    await server.close();
    await page.getByTestId('wall-offline').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.getByTestId('wall-offline').textContent()).toMatch(
      /^连接中断，正在重连…（显示 \d\d:\d\d 的数据）$/,
    );
    await page.screenshot({ path: artifactPath('wall-disconnected-1920x1080.png') });
    expect(await value.textContent(), 'keeps the last picture').not.toBe('—');

    server = await startServer({ database, port });
    const restartedAt = Date.now();
    await page.getByTestId('wall-offline').waitFor({ state: 'detached', timeout: 15_000 });
    expect(Date.now() - restartedAt).toBeLessThan(15_000);
    expect(await page.evaluate(() => (window as unknown as { wallMarker?: number }).wallMarker), 'no reload').toBe(1);
    await view.context.close();
  });

  it('brings the map back after the WebGL context is lost', async () => {
    const view = await openWall(browser, server, token, 1920, 1080, '&scenes=overview');
    const { page } = view;
    await expect.poll(() => mapInk(page), { timeout: 20_000 }).toBeGreaterThan(200);
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="wall-map"] canvas')!;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      gl.getExtension('WEBGL_lose_context')!.loseContext();
    });
    await page.waitForSelector('[data-testid="wall-map"][data-generation="1"]', { timeout: 15_000 });
    await expect.poll(() => mapInk(page), { timeout: 20_000 }).toBeGreaterThan(200);
    expect(await page.locator('[data-testid="wall-map"] canvas').count()).toBe(1);
    await view.context.close();
  });

  it('gives the live stream, and the wall, to nobody without a valid session or display token', async () => {
    const response = await fetch(`${server.url}/api/trpc/live.revision`, { headers: { accept: 'text/event-stream' } });
    const body = (await response.text()).slice(0, 2000);
    expect(body).toContain('UNAUTHORIZED');
    expect(body).not.toMatch(/"revision"/);

    const view = await openOfflinePage(browser, 1920, 1080);
    await view.page.goto(`${server.url}/wall?token=${'0'.repeat(token.length)}`);
    expect(await view.page.getByTestId('wall-bad-token').textContent()).toContain('大屏令牌无效或已吊销');
    await view.context.close();
  });
});
