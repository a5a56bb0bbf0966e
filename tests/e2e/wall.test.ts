/**
 * The wall screen in Chromium with a read-only display token, on the fixture city: every scene
 * fills 16:9, 32:9, 4K and 48:9 displays without scrolling, with text no smaller than 20 canvas
 * pixels and a key to every map; the 红黑榜 scene shows the week's lists; a scene whose indicator
 * is met everywhere is one line; a record changed through the API appears within 5 s, a server
 * restart is shown and recovered from without a reload, and a lost WebGL context brings the map back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { createDisplayToken } from '../../server/services/auth/displayTokens.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { metricsReport } from '../../server/services/metrics/metricsReport.ts';
import { collapsedScenes } from '../../client/src/features/wall/scenePlan.ts';
import { WALL_SCENES, type WallScene } from '../../client/src/features/wall/wallParams.ts';
import { hexToRgb, STATUS_COLOURS } from '../../shared/colours/judgement.ts';
import { INDICATOR_KEYS } from '../../shared/indicators/index.ts';
import { addDays, todayInCity } from '../../shared/time/dates.ts';
import { isoWeekOf, weekLabel } from '../../shared/time/weeks.ts';
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
/** Each scene and the element that proves it is drawn (a scene collapsed to its one line: wall-met-line). */
const SCENES: readonly (readonly [WallScene, string])[] = [
  ['overview', 'wall-matrix'],
  ['board', 'wall-board-black'],
  ['movers', 'wall-movers-rank'],
  ['party', 'wall-legend'],
  ['committee', 'wall-legend'],
  ['rating', 'wall-legend'],
  ['issues', 'wall-legend'],
  ['spotlight', 'wall-lagging'],
];
/** What explains each scene's map: the key over it, the layer's legend panel, or nothing to explain (one line). */
const MAP_KEY: Record<WallScene, string> = {
  overview: 'wall-map-key',
  board: 'wall-map-key',
  movers: 'wall-map-key',
  party: 'wall-legend',
  committee: 'wall-legend',
  rating: 'wall-legend',
  issues: 'wall-legend',
  spotlight: 'wall-map-key',
  supervision: 'wall-map-key',
};

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
  /** The scenes whose indicator the fixture city meets everywhere today. */
  let collapsed: ReadonlySet<WallScene>;
  const expectedKey = (scene: WallScene, key: string) => (collapsed.has(scene) ? 'wall-met-line' : key);
  beforeAll(async () => {
    ensureClientBuilt();
    database = await openFixtureDatabase('pglite');
    server = await startServer({ database, port: 0 });
    browser = await launchBrowser();
    token = (await createDisplayToken(database.db, null, '大厅LED')).token;
    collapsed = collapsedScenes(WALL_SCENES, await metricsReport(database.db, { asOf: todayInCity() }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.dispose();
  });

  it('fills 16:9, 32:9, 4K and 48:9 walls in every scene: no scrolling, no text under 20 canvas px, every map explained', async () => {
    for (const [width, height] of SIZES) {
      const view = await openWall(browser, server, token, width, height);
      const { page } = view;
      await expect.poll(() => mapInk(page), { timeout: 20_000 }).toBeGreaterThan(200);
      // The header says which week the wall shows: the week in progress, with its dates, and the date.
      const today = todayInCity();
      expect(await page.getByTestId('wall-week').textContent()).toBe(weekLabel(isoWeekOf(today)));
      expect(await page.getByTestId('wall-data-time').textContent()).toMatch(
        new RegExp(
          `^本周进行中，截至 ${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日 `,
        ),
      );
      await page.screenshot({ path: artifactPath(`wall-overview-${width}x${height}.png`) });
      for (const [i, [scene, key]] of SCENES.entries()) {
        if (i > 0) await page.keyboard.press('ArrowRight');
        await page.waitForSelector(`[data-testid="wall"][data-scene="${scene}"]`);
        await page.getByTestId(expectedKey(scene, key)).first().waitFor({ state: 'visible' });
        const at = `${width}×${height} ${scene}`;
        if (!collapsed.has(scene))
          expect(await page.getByTestId(MAP_KEY[scene]).isVisible(), `${at}: the map has a key`).toBe(true);
        expect(await noScroll(page), `${at} scrolls`).toBe(true);
        const smallest = await smallestText(page);
        expect(smallest.size, `${at}: “${smallest.text}”`).toBeGreaterThanOrEqual(20);
        expect(await clippedPanels(page), at).toEqual([]);
      }
      expect(view.consoleErrors).toEqual([]);
      expect(view.blockedRequests).toEqual([]);
      await view.context.close();
    }
  });

  it('shows the week’s 红黑榜 with ranks and reasons, and says an indicator met everywhere in one line', async () => {
    const leader = await callerAs(database, 'leader');
    const board = await leader.review.board({ week: isoWeekOf(todayInCity()) });
    const view = await openWall(browser, server, token, 1920, 1080, '&scenes=board,party');
    const { page } = view;
    for (const kind of ['red', 'black'] as const) {
      const list = kind === 'red' ? board.redList : board.blackList;
      const panel = page.getByTestId(`wall-board-${kind}`);
      await panel.waitFor({ state: 'visible' });
      expect(await panel.locator('h2').textContent()).toContain(`${list.length} 个`);
      const entries = await panel.getByTestId('wall-board-entry').allTextContents();
      expect(entries.length, `${kind}: at least one entry shown`).toBeGreaterThanOrEqual(Math.min(1, list.length));
      // Shown in the board's order, each with its rank and reasons; what does not fit is counted.
      entries.forEach((text, i) => {
        const entry = list[i]!;
        expect(text).toContain(entry.name);
        if (entry.compositeRank !== null) expect(text).toContain(`第${entry.compositeRank}名`);
        expect(text).toContain(entry.reasons[0]!.slice(0, 6));
      });
      if (entries.length < list.length)
        expect(await panel.locator('li.more').textContent()).toContain(`另有 ${list.length - entries.length} 个`);
    }
    // The map's key counts the lists' townships.
    const onRed = board.redList.filter((e) => !board.blackList.some((b) => b.code === e.code)).length;
    expect(await page.getByTestId('wall-map-key-red').textContent()).toBe(`${onRed}个镇街`);
    await waitForMapDrawn(page, { testId: 'wall-map' });
    await stillScreenshot(page, { path: artifactPath('wall-board-1920x1080.png') });

    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="wall"][data-scene="party"]');
    // The fixture city has a party organisation in every compound: the scene is its one line.
    expect(collapsed.has('party'), 'the fixture meets party-organisation coverage everywhere').toBe(true);
    const line = page.getByTestId('wall-met-line');
    await line.waitFor({ state: 'visible' });
    expect(await line.textContent()).toMatch(/小区党组织覆盖率：全市及19个镇街均已达标（100\.0%，目标100\.0%）/);
    expect(await page.getByTestId('wall-legend').count(), 'no counts by category').toBe(0);
    expect(await page.getByTestId('wall-breakdown').count()).toBe(0);
    expect(await page.getByTestId('wall').getAttribute('data-collapsed')).toBe('true');
    await view.context.close();
  });

  it('draws only a met goal green, and gives every map a legend whose counts add up to the dots', async () => {
    const today = todayInCity();
    const report = await metricsReport(database.db, { asOf: today });
    const compounds = await compoundStatusAsOf(database.db, today);
    const green = `rgb(${hexToRgb(STATUS_COLOURS.met.dark).join(', ')})`;
    // "12个小区" → 12: the counts of a legend, added up.
    const legendSum = (page: Page, selector: string) =>
      page.locator(selector).evaluateAll((els) => els.reduce((n, el) => n + Number.parseInt(el.textContent!, 10), 0));

    const view = await openWall(browser, server, token, 3840, 1080, '&scenes=overview,rating,spotlight');
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

    // Overview: the key over the map counts every township once, by goals missed.
    await page.getByTestId('wall-map-key').waitFor({ state: 'visible' });
    expect(await legendSum(page, '[data-testid="wall-map-key"] .count')).toBe(report.townships.length);
    // A layer scene: its legend panel is the map's legend, counting every compound drawn.
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="wall"][data-scene="rating"]');
    expect(await legendSum(page, '[data-testid^="wall-legend-count-"]')).toBe(compounds.length);
    // Spotlight: the key counts the spotlit township's compounds.
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="wall"][data-scene="spotlight"]');
    await page.getByTestId('wall-map-key').waitFor({ state: 'visible' });
    const scene = (await page.getByTestId('wall-scene-spotlight').textContent())!;
    const township = report.townships.find((t) => scene.includes(t.name))!;
    expect(township, scene).toBeDefined();
    expect(await legendSum(page, '[data-testid="wall-map-key"] .count')).toBe(
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
      await page.getByTestId(expectedKey(scene, key)).first().waitFor({ state: 'visible' });
      // A collapsed scene covers the map with its line.
      if (!collapsed.has(scene)) await expect.poll(() => mapInk(page), { timeout: 20_000 }).toBeGreaterThan(100);
      expect((await smallestText(page)).size, scene).toBeGreaterThanOrEqual(20);
      expect(await noScroll(page)).toBe(true);
      expect(await clippedPanels(page), scene).toEqual([]);
      // The picture once the map has drawn this scene's layers and the charts have stopped moving.
      await waitForMapDrawn(page, { testId: 'wall-map' });
      await stillScreenshot(page, { path: artifactPath(`wall-${scene}-1920x1080.png`) });
    }
    // The fixture city has supervision items (its demo history), so the 督办 scene closes the round.
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="wall"][data-scene="supervision"]');
    await page.getByTestId('wall-sv-township').first().waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="wall"][data-scene="overview"]');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="wall"][data-scene="supervision"]');
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

  it("after a change asks again only for what every scene shows, and for the board's ranks as the board comes up", async () => {
    const view = await openWall(browser, server, token, 1920, 1080, '&scenes=overview,board');
    const { page } = view;
    const revision = () => page.getByTestId('wall').getAttribute('data-revision');
    await page.waitForSelector('[data-testid="wall"][data-revision]:not([data-revision=""])');
    const before = await revision();
    const asked: string[] = [];
    page.on('request', (request) => asked.push(decodeURIComponent(request.url())));
    const today = todayInCity();
    const target = (await compoundStatusAsOf(database.db, today)).at(-1)!;
    await (
      await callerAs(database, 'admin')
    ).editing.recordMeeting({
      compoundCode: target.code,
      heldOn: today,
      attendees: 6,
      topics: '大屏分场景刷新测试',
    });
    await expect.poll(revision, { timeout: 5000, interval: 100 }).not.toBe(before);
    await expect.poll(() => asked.some((url) => url.includes('wall.compounds')), { timeout: 5000 }).toBe(true);
    // Two hundred walls after every edit: the board's ranks wait for the board scene.
    expect(asked.filter((url) => url.includes('review.board'))).toEqual([]);
    const boardAsked = page.waitForResponse((r) => r.url().includes('review.board') && r.status() === 200);
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="wall"][data-scene="board"]');
    await boardAsked;
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
    expect(asked.some((url) => url.includes('wall.compounds'))).toBe(true);
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
