/**
 * The dashboard's map in a city a hundred times the fixture's (its compounds copied ×100 in the
 * test's own database by scripts/bench/scaleCity.ts — compounds only, which is what the map's
 * aggregation depends on, so the set-up takes seconds on PGlite): the first view draws one
 * bubble per township counting every compound instead of 34,700 points, zooming in draws grid
 * cells and then the compounds of the view, loaded from the server for that view. The wall, read
 * with a display token, draws a coverage layer the same way — a bubble per township — from an
 * answer of tens of kilobytes, with a legend counting every compound and a spotlight listing the
 * first lagging compounds of its township with their full count.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleCity } from '../../scripts/bench/scaleCity.ts';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { createDisplayToken } from '../../server/services/auth/displayTokens.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { laggingCompounds } from '../../shared/review/laggingCompounds.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { MAP_ROW_CAP } from '../../shared/map/mapView.ts';
import { artifactPath, ensureClientBuilt, launchBrowser, openOfflinePage, signIn } from '../support/browser.ts';
import { openFixtureDatabase, type TestDatabase } from '../support/databases.ts';
import { mapDrawnVersion, stillScreenshot, waitForMapDrawn } from '../support/settle.ts';

const FACTOR = 100;

/** The map's drawn layers as { layer id: objects drawn }. */
async function drawn(page: Page, testId = 'map'): Promise<Record<string, number>> {
  const text = (await page.getByTestId(testId).getAttribute('data-drawn')) ?? '';
  return Object.fromEntries(text.split(' ').map((part) => [part.split(':')[0]!, Number(part.split(':')[1])]));
}

/** What the dashboard says it shows: how it is aggregated ('' when compound by compound) and the total in view. */
async function shown(page: Page): Promise<{ aggregated: string; total: number }> {
  const count = page.getByTestId('compound-count');
  return {
    aggregated: (await count.getAttribute('data-aggregated')) ?? '',
    total: Number(await count.getAttribute('data-total')),
  };
}

describe('the dashboard map at ×100', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let original: Awaited<ReturnType<typeof compoundStatusAsOf>>;

  beforeAll(async () => {
    ensureClientBuilt();
    database = await openFixtureDatabase('pglite');
    original = await compoundStatusAsOf(database.db, todayInCity());
    await scaleCity(database.db, FACTOR, () => {}, { records: false });
    server = await startServer({ database, port: 0 });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.dispose();
  });

  it('draws townships at low zoom, then loads the compounds of the view as one zooms in', async () => {
    const { page, context, consoleErrors, blockedRequests } = await openOfflinePage(browser, 1920, 1080);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('map.view')) asked.push(decodeURIComponent(r.url()));
    });
    try {
      await signIn(
        page,
        server.url,
        DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!,
        '/',
      );
      await page.waitForSelector('[data-testid="compound-count"][data-ready="true"]', {
        state: 'attached',
        timeout: 90_000,
      });
      await waitForMapDrawn(page, { timeout: 60_000 });

      // The first view: one bubble per township, counting every compound; not 34,700 points.
      const townships = new Set(original.map((c) => c.townshipCode)).size;
      expect(await shown(page)).toEqual({ aggregated: 'townships', total: original.length * FACTOR });
      const first = await drawn(page);
      expect(first['compound-aggregates']).toBe(townships);
      expect(first['aggregate-counts']).toBe(townships);
      expect(first.compounds).toBe(0);
      await expect
        .poll(() => page.getByTestId('legend-total').textContent())
        .toBe(`${(original.length * FACTOR).toLocaleString('zh-CN')} 个小区`);
      await expect.poll(() => page.getByTestId('legend-aggregated').textContent()).toContain('按镇街汇总');
      await stillScreenshot(page, { path: artifactPath('scaled-map-townships.png') });

      // Zooming in with the keyboard (one level a press, about the map's centre).
      const zoomIn = async () => {
        const before = await mapDrawnVersion(page);
        const askedBefore = asked.length;
        await page.locator('.maplibregl-canvas').focus();
        await page.keyboard.press('Equal');
        await expect.poll(() => asked.length, { timeout: 30_000 }).toBeGreaterThan(askedBefore);
        await page.waitForSelector('[data-testid="compound-count"][data-ready="true"]', { state: 'attached' });
        await waitForMapDrawn(page, { after: before, timeout: 60_000 });
      };
      // Townships until zoom 12, grid cells until 14, then the compounds: each view asked for.
      const seen: { zoom: number; aggregated: string; drawn: Record<string, number> }[] = [];
      while (seen.length < 6 && seen.at(-1)?.aggregated !== '') {
        await zoomIn();
        const zoom = Number(/"zoom":(\d+)/.exec(asked.at(-1)!)?.[1]);
        seen.push({ zoom, aggregated: (await shown(page)).aggregated, drawn: await drawn(page) });
      }
      expect(seen.map((s) => s.aggregated)).toEqual(
        seen.map((s) => (s.zoom < 12 ? 'townships' : s.zoom < 14 ? 'cells' : '')),
      );
      const cells = seen.find((s) => s.aggregated === 'cells');
      expect(cells, 'grid cells between the townships and the compounds').toBeDefined();
      expect(cells!.drawn['compound-aggregates']).toBeGreaterThan(townships);
      expect(cells!.drawn.compounds).toBe(0);
      // The request named the view it was for.
      expect(asked.at(-1)).toMatch(/"bbox":\[[\d.]+,[\d.]+,[\d.]+,[\d.]+\],"zoom":14/);
      const close = await shown(page);
      expect(close.aggregated).toBe('');
      const compounds = (await drawn(page)).compounds!;
      expect(compounds).toBeGreaterThan(0);
      expect(compounds).toBe(Math.min(close.total, MAP_ROW_CAP));
      expect(compounds).toBeLessThan(original.length * FACTOR);
      expect(Number(await page.getByTestId('compound-count').textContent())).toBe(compounds);
      await stillScreenshot(page, { path: artifactPath('scaled-map-compounds.png') });

      expect(consoleErrors).toEqual([]);
      expect(blockedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('draws the wall’s coverage layer as township bubbles from a bounded answer, and spotlights a township’s first lagging compounds', async () => {
    const token = (await createDisplayToken(database.db, null, '大厅LED')).token;
    const { page, context, consoleErrors, blockedRequests } = await openOfflinePage(browser, 1920, 1080);
    // The bytes of every answer that carries the wall's compounds (a batch may carry other answers too).
    const answers: { url: string; bytes: number }[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/trpc/') && /wall\.|compounds\.status/.test(r.url()))
        void r.body().then((body) => answers.push({ url: decodeURIComponent(r.url()), bytes: body.length }));
    });
    try {
      await page.goto(`${server.url}/wall?token=${token}&interval=600&scenes=party,spotlight`);
      await page.waitForSelector('[data-testid="wall"][data-ready="true"]', { timeout: 90_000 });
      await waitForMapDrawn(page, { testId: 'wall-map', timeout: 60_000 });
      const townships = new Set(original.map((c) => c.townshipCode)).size;
      const map = await drawn(page, 'wall-map');
      expect(map['compound-aggregates'], 'one bubble per township').toBe(townships);
      expect(map.compounds ?? 0, 'no compound dots').toBe(0);
      const legend = await page
        .locator('[data-testid^="wall-legend-count-"]')
        .evaluateAll((els) => els.reduce((n, el) => n + Number.parseInt(el.textContent!.replace(/,/g, ''), 10), 0));
      expect(legend, 'the legend counts every compound').toBe(original.length * FACTOR);
      await stillScreenshot(page, { path: artifactPath('scaled-wall-party.png') });

      // The spotlight: the township's lagging compounds counted in full, the first of them listed.
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('[data-testid="wall"][data-scene="spotlight"]');
      const scene = (await page.getByTestId('wall-scene-spotlight').textContent())!;
      const spotlit = [...new Set(original.map((c) => c.townshipName))].find((name) => scene.includes(name))!;
      expect(spotlit, scene).toBeDefined();
      const all = await compoundStatusAsOf(database.db, todayInCity());
      const count = laggingCompounds(
        all.filter((c) => c.townshipName === spotlit),
        todayInCity(),
      ).length;
      await expect
        .poll(async () => (await page.getByTestId('wall-lagging').locator('h2').textContent())?.replace(/,/g, ''))
        .toContain(String(count));
      expect(await page.getByTestId('wall-lagging').locator('li:not(.more)').count()).toBeLessThanOrEqual(36);

      expect(answers.length, 'the wall asked for its compounds').toBeGreaterThan(0);
      expect(
        answers.filter((a) => a.url.includes('compounds.status')),
        'no compound rows asked for',
      ).toEqual([]);
      expect(
        answers.filter((a) => a.url.includes('wall.movers')),
        'no movers scene in the rotation: the movers never asked for',
      ).toEqual([]);
      for (const a of answers) expect(a.bytes, a.url).toBeLessThan(200_000);
      expect(consoleErrors).toEqual([]);
      expect(blockedRequests).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
