/**
 * The map as a person uses it, in Debian's Chromium with every request outside localhost
 * blocked: the layers render, the legend counts equal `onemap export compounds`, a compound
 * click opens its card, and the replay moves the week with the counts following. An analyst signs
 * in through /login first (the wall screen has its own test, wall.test.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/connection.ts';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { compoundsToCsv } from '../../server/services/compounds/exportCompounds.ts';
import { metricsReport } from '../../server/services/metrics/metricsReport.ts';
import { hexToRgb, STATUS_COLOURS } from '../../shared/colours/judgement.ts';
import { INDICATOR_KEYS } from '../../shared/indicators/index.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { isoWeekOf, weekValueDate } from '../../shared/time/weeks.ts';
import { weekPickerLabel } from '../../shared/time/weekPickerLabels.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import {
  artifactPath,
  ensureClientBuilt,
  launchBrowser,
  openOfflinePage,
  signIn,
  type OfflinePage,
} from '../support/browser.ts';
import { runCli } from '../support/cli.ts';
import { parseCsvObjects as parseCsv } from '../support/csv.ts';
import { fixtureDataDir } from '../support/databases.ts';
import { mapDrawnVersion, stillScreenshot, waitForMapDrawn } from '../support/settle.ts';

type CsvRow = Record<string, string>;

/** A #rrggbb colour as getComputedStyle writes it. */
const cssRgb = (hex: string) => `rgb(${hexToRgb(hex).join(', ')})`;

/** The classes each layer's legend should show, counted straight from the export. */
function expectedLegend(rows: CsvRow[]): Record<string, Record<string, number>> {
  const count = (f: (r: CsvRow) => string) =>
    rows.reduce<Record<string, number>>((acc, r) => ((acc[f(r)] = (acc[f(r)] ?? 0) + 1), acc), {});
  return {
    party: count((r) => r.partyOrgType || 'none'),
    committee: count((r) =>
      r.committeeInOffice !== 'true' ? 'none' : r.committeePartyMajority === 'true' ? 'partyMajority' : 'inOffice',
    ),
    rating: count((r) => (r.propertyManaged !== 'true' ? 'unmanaged' : r.rating || 'notEvaluated')),
    issues: count((r) => (Number(r.overdueIssues) > 0 ? 'overdue' : Number(r.openIssues) > 0 ? 'open' : 'none')),
  };
}

async function legendCounts(page: Page): Promise<Record<string, number>> {
  const entries = await page
    .locator('[data-testid^="legend-count-"]')
    .evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-testid')!.slice('legend-count-'.length), Number(el.textContent)]),
    );
  return Object.fromEntries(entries.filter(([, n]) => (n as number) > 0));
}

async function waitReady(page: Page, week?: string): Promise<void> {
  const selector = week
    ? `[data-testid="compound-count"][data-week="${week}"][data-ready="true"]`
    : '[data-testid="compound-count"][data-ready="true"]';
  await page.waitForSelector(selector, { state: 'attached', timeout: 60_000 });
}

/** Web-Mercator pixel of a point on a map fitted to `bounds` with `padding` (as maplibre fits). */
function pixelOf(
  lon: number,
  lat: number,
  bounds: [number, number, number, number],
  box: { x: number; y: number; width: number; height: number },
  padding: number,
) {
  const mx = (l: number) => (l + 180) / 360;
  const my = (a: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (a * Math.PI) / 360)) / Math.PI) / 2;
  const [w, s, e, n] = bounds;
  const scale = Math.min((box.width - 2 * padding) / (mx(e) - mx(w)), (box.height - 2 * padding) / (my(s) - my(n)));
  const cx = (mx(w) + mx(e)) / 2;
  const cy = (my(s) + my(n)) / 2;
  return { x: box.x + box.width / 2 + (mx(lon) - cx) * scale, y: box.y + box.height / 2 + (my(lat) - cy) * scale };
}

describe('the map', () => {
  let database: Database;
  let server: RunningServer;
  let browser: Browser;
  let today: string;
  let cliCsv: string;
  beforeAll(async () => {
    ensureClientBuilt();
    const dataDir = await fixtureDataDir();
    today = todayInCity();
    // The real command, on the same data the page will show (an embedded directory has one user at a time).
    const exported = await runCli(
      ['export', 'compounds', '--as-of', weekValueDate(isoWeekOf(today), today), '--format', 'csv', '--for-programs'],
      { ONEMAP_DATA_DIR: dataDir },
    );
    expect(exported.code, exported.stderr).toBe(0);
    cliCsv = exported.stdout;
    database = await openDatabase({ dataDir });
    server = await startServer({ database, port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  /** The compound farthest from any other, so a click cannot land on a neighbour. */
  async function isolatedCompound() {
    const rows = await compoundStatusAsOf(database.db, weekValueDate(isoWeekOf(today), today));
    return rows
      .map((c) => ({
        c,
        d: Math.min(...rows.filter((o) => o !== c).map((o) => Math.hypot(o.lon - c.lon, o.lat - c.lat))),
      }))
      .sort((a, b) => b.d - a.d)[0]!.c;
  }

  let view: OfflinePage;
  it('renders every layer offline with legend counts equal to the export, at 1920×1080', async () => {
    view = await openOfflinePage(browser, 1920, 1080);
    const { page } = view;
    await signIn(
      page,
      server.url,
      DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!,
      '/',
    );
    await waitReady(page);
    expect(await page.getByTestId('compound-count').textContent()).toBe('347');
    expect(await page.getByTestId('demo-badge').textContent()).toBe('演示数据');
    expect(await page.getByTestId('approx-badge').textContent()).toBe('示意边界');
    // The map opens on the week in progress, with its dates, and says so (issue #17).
    // Read as a person reads it (issue #21): 第49周 · 11月30日–12月6日, the code kept for links.
    expect(await page.getByTestId('week-picker-text').textContent()).toBe(weekPickerLabel(isoWeekOf(today), 'zh-CN'));
    expect(await page.getByTestId('week-picker').getAttribute('data-week')).toBe(isoWeekOf(today));
    expect(await page.getByTestId('week-state').textContent()).toBe(
      `本周进行中，截至 ${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`,
    );
    const expected = expectedLegend(parseCsv(cliCsv));
    const pictures: Buffer[] = [];
    for (const layer of ['party', 'committee', 'rating', 'issues'] as const) {
      // Clicking the layer already shown (party, the default) hands the map nothing new to draw.
      const shown = (await page.getByTestId(`layer-${layer}`).getAttribute('aria-checked')) === 'true';
      const drawnBefore = shown ? 0 : await mapDrawnVersion(page);
      await page.getByTestId(`layer-${layer}`).click();
      await expect.poll(() => legendCounts(page), { timeout: 10_000 }).toEqual(expected[layer]);
      expect(await page.getByTestId('legend-total').textContent()).toContain('347');
      // The picture once the map has drawn this layer's colours and the frame has settled.
      await waitForMapDrawn(page, { after: drawnBefore });
      pictures.push(await stillScreenshot(page.locator('[data-testid="map"] canvas').first()));
    }
    // Each layer colours the compounds differently: the drawn map must change with it.
    for (let i = 1; i < pictures.length; i++)
      expect(pictures[i]!.equals(pictures[i - 1]!), `layer ${i} redraws the map`).toBe(false);
    const drawnBefore = await mapDrawnVersion(page);
    await page.getByTestId('layer-party').click();
    await page.getByTestId('shade-select').selectOption('committeeRate');
    await waitForMapDrawn(page, { after: drawnBefore });
    await stillScreenshot(page, { path: artifactPath('map-1920x1080.png') });
  });

  it('draws only a met goal green on the tiles, and every legend adds up to what the map draws', async () => {
    const { page } = view;
    const report = await metricsReport(database.db, { asOf: weekValueDate(isoWeekOf(today), today) });
    const green = cssRgb(STATUS_COLOURS.met.dark);
    let short = 0;
    for (const key of INDICATOR_KEYS) {
      const r = report.city.indicators[key];
      const tile = page.getByTestId(`tile-${key}`);
      expect(await tile.getAttribute('data-status'), key).toBe(r.status ?? 'none');
      const edge = await tile.evaluate((el) => getComputedStyle(el).borderLeftColor);
      const badge = tile.locator('span[data-status]').first();
      const badgeColour = (await badge.count()) ? await badge.evaluate((el) => getComputedStyle(el).color) : null;
      if (r.met === true) expect(edge, `${key} meets its goal: green`).toBe(green);
      else {
        short++;
        expect(edge, `${key} ${r.value} vs ${r.target} is not green`).not.toBe(green);
        expect(badgeColour, `${key}'s status label is not green`).not.toBe(green);
      }
    }
    expect(short, 'some goal is not met in the fixture city, so the test can fail').toBeGreaterThan(0);

    // Each layer's legend counts every compound drawn once; the township shading every township once.
    const drawn = Number(await page.getByTestId('compound-count').textContent());
    for (const layer of ['committee', 'rating', 'issues', 'party'] as const) {
      await page.getByTestId(`layer-${layer}`).click();
      await page.waitForSelector(`[data-testid="layer-${layer}"][aria-checked="true"]`);
      const counts = await legendCounts(page);
      expect(
        Object.values(counts).reduce((n, c) => n + c, 0),
        `${layer}: legend counts add up to the compounds drawn`,
      ).toBe(drawn);
    }
    await page.getByTestId('shade-select').selectOption('committeeRate');
    const shadingCount = async (id: string) => {
      const el = page.getByTestId(`shading-count-${id}`);
      return (await el.count()) ? Number(await el.textContent()) : 0;
    };
    await page.getByTestId('shading-counts').waitFor();
    const met = report.townships.filter((t) => t.indicators.committeeRate.met === true).length;
    expect(await shadingCount('met'), 'townships drawn green are those meeting the goal').toBe(met);
    expect((await shadingCount('met')) + (await shadingCount('short')) + (await shadingCount('none'))).toBe(
      report.townships.length,
    );
  });

  it('opens a compound card on click, and a township summary', async () => {
    const { page } = view;
    const isolated = await isolatedCompound();
    const box = (await page.getByTestId('map').boundingBox())!;
    const { x, y } = pixelOf(isolated.lon, isolated.lat, [118.405, 24.505, 118.715, 24.895], box, 24);
    // Hover first: the tooltip proves the point is picked where we aim.
    await page.mouse.move(x - 30, y - 30);
    await page.mouse.move(x, y, { steps: 5 });
    await expect.poll(() => page.getByRole('tooltip').textContent(), { timeout: 15_000 }).toContain(isolated.name);
    const card = page.getByTestId('compound-card');
    // Software WebGL picks slowly; a click that arrives mid-pick is lost, as it can be for a person:
    // click again if the card has not opened within 5 s of the last click.
    for (let attempt = 0; attempt < 3 && (await card.count()) === 0; attempt++) {
      await page.mouse.down();
      await page.mouse.up();
      await card.waitFor({ state: 'attached', timeout: 5_000 }).catch(() => {});
    }
    await page.screenshot({ path: artifactPath('map-click.png') });
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 10_000 }).toBe(isolated.name);
    expect(await card.textContent()).toContain(isolated.townshipName);
    await card.getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('ranking').getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('township-card').count()).toBe(1);
  });

  it('draws the first view, names and all, and opens a card before deck.gl has loaded', async () => {
    // deck.gl's chunks are held back until the end: the first view must not need them. (No
    // service worker, which would answer from its cache where the test cannot hold a request.)
    const context = await browser.newContext({
      viewport: { width: 1600, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      serviceWorkers: 'block',
    });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    await context.route(/\/assets\/(deckLayers|aggregateLayers)-[^/]+\.js$/, async (route) => {
      held.push(route.request().url());
      await released;
      await route.continue();
    });
    try {
      const page = await context.newPage();
      await signIn(
        page,
        server.url,
        DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!,
        '/',
      );
      await waitReady(page);
      await page.waitForSelector('[data-testid="map"][data-drawn~="compounds:347"]', { state: 'attached' });
      const drawn = (await page.getByTestId('map').getAttribute('data-drawn'))!;
      const names = Number(/township-labels:(\d+)/.exec(drawn)?.[1]);
      expect(names, 'township names on the first view').toBeGreaterThan(10);
      expect(await page.locator('.first-view-label').count()).toBe(names);
      expect(await page.locator('.first-view-label').first().textContent()).toMatch(/[镇街道]$/);

      const isolated = await isolatedCompound();
      const box = (await page.getByTestId('map').boundingBox())!;
      const { x, y } = pixelOf(isolated.lon, isolated.lat, [118.405, 24.505, 118.715, 24.895], box, 24);
      await page.mouse.move(x - 30, y - 30);
      await page.mouse.move(x, y, { steps: 5 });
      await expect.poll(() => page.getByRole('tooltip').textContent(), { timeout: 15_000 }).toContain(isolated.name);
      await page.mouse.click(x, y);
      const card = page.getByTestId('compound-card');
      await expect.poll(() => card.locator('h2').textContent(), { timeout: 10_000 }).toBe(isolated.name);
      expect(held.length, 'deck.gl was asked for after the first view, and is still held').toBeGreaterThan(0);
      await page.screenshot({ path: artifactPath('map-first-view.png') });

      // deck.gl arrives and takes over: its own names replace the page's, the card stays.
      const before = await mapDrawnVersion(page);
      release();
      await waitForMapDrawn(page, { after: before, timeout: 60_000 });
      await expect.poll(() => page.locator('.first-view-label').count()).toBe(0);
      expect(await page.getByTestId('map').getAttribute('data-drawn')).toContain('township-labels:');
      expect(await card.locator('h2').textContent()).toBe(isolated.name);
    } finally {
      release();
      await context.close();
    }
  }, 120_000);

  it('replays the weeks from 2024-W01 with the legend following the records', async () => {
    const { page } = view;
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await waitReady(page, '2024-W01');
    await page.getByTestId('week-play').click();
    await page.waitForSelector('[data-testid="compound-count"]:not([data-week="2024-W01"])', {
      state: 'attached',
      timeout: 30_000,
    });
    await page.getByTestId('week-play').click(); // pause
    const week = (await page.getByTestId('week-picker').getAttribute('data-week'))!;
    expect(week).toMatch(/^2024-W0[2-9]$/);
    // The label carries the week's dates (issues #17, #21): e.g. 2024年第3周 · 1月15日–21日.
    expect(await page.getByTestId('week-picker-text').textContent()).toBe(
      weekPickerLabel(week, 'zh-CN', { withYear: true }),
    );
    // A past week on the map is recomputed from today's records, and says so (the review shows it frozen).
    expect(await page.getByTestId('week-state').textContent()).toBe(
      `截至 ${weekValueDate(week, today)} · 已结束，按当前记录计算至周日`,
    );
    await waitReady(page, week);
    const then = parseCsv(compoundsToCsv(await compoundStatusAsOf(database.db, weekValueDate(week, today))));
    expect(await legendCounts(page)).toEqual(expectedLegend(then).party);
    expect(await legendCounts(page)).not.toEqual(expectedLegend(parseCsv(cliCsv)).party);
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests, 'no request leaves our server').toEqual([]);
    await view.context.close();
  });
});
