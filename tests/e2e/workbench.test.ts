/**
 * The analyst workbench in Debian's Chromium, offline: a filter shows what the same filter gives
 * `onemap export compounds`; a drawn polygon selects exactly what turf finds inside; the XLSX
 * download holds the table's rows; drill-through lists equal the engine's; a copied link
 * reproduces the view; a broken link opens the default view with a notice; axe finds no serious
 * or critical accessibility violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/connection.ts';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { compoundStatusAsOf, type CompoundStatus } from '../../server/services/compounds/compoundStatus.ts';
import { drillThrough } from '../../server/services/metrics/drillThrough.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { isoWeekOf, weekValueDate } from '../../shared/time/weeks.ts';
import { parseSelection, selectionContains } from '../../shared/workbench/spatialSelection.ts';
import { JINJIANG } from '../../data/cities/jinjiang.ts';
import {
  artifactPath,
  ensureClientBuilt,
  launchBrowser,
  openSignedInPage,
  type OfflinePage,
} from '../support/browser.ts';
import { runCli } from '../support/cli.ts';
import { parseCsvRecords } from '../support/csv.ts';
import { fixtureDataDir } from '../support/databases.ts';
import { stillScreenshot, waitForMapDrawn } from '../support/settle.ts';

/** What the filter clicks below must produce in the URL (and what the CLI is given). */
const FILTER = 'kind=commercial,resettlement&rating=5,4&hh=500-';

async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="shown-count"][data-ready="true"]', { state: 'attached', timeout: 60_000 });
}
const shownCount = async (page: Page) =>
  Number((await page.getByTestId('compound-table').getAttribute('data-rows')) ?? -1);
const query = (page: Page) => new URL(page.url()).searchParams;

async function xlsxCodes(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('小区编码');
  return Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(1).value));
}

describe('the analyst workbench', () => {
  let database: Database;
  let server: RunningServer;
  let browser: Browser;
  let asOf: string;
  let cliCodes: string[];
  let rows: CompoundStatus[];
  let view: OfflinePage;
  beforeAll(async () => {
    ensureClientBuilt();
    const dataDir = await fixtureDataDir();
    const today = todayInCity();
    asOf = weekValueDate(isoWeekOf(today), today);
    const exported = await runCli(
      ['export', 'compounds', '--as-of', asOf, '--format', 'csv', '--for-programs', '--filter', FILTER],
      {
        ONEMAP_DATA_DIR: dataDir,
      },
    );
    expect(exported.code, exported.stderr).toBe(0);
    const [header, ...records] = parseCsvRecords(exported.stdout);
    expect(header![0]).toBe('code');
    cliCodes = records.map((record) => record[0]!);
    database = await openDatabase({ dataDir });
    rows = await compoundStatusAsOf(database.db, asOf);
    server = await startServer({ database, port: 0 });
    browser = await launchBrowser();
    view = await openSignedInPage(browser, server.url, 1920, 1080);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it('shows for a filter combination the compounds `onemap export compounds --filter` gives', async () => {
    const { page } = view;
    await page.goto(`${server.url}/workbench`);
    await waitReady(page);
    expect(await shownCount(page)).toBe(347);
    for (const value of ['commercial', 'resettlement'])
      await page.getByTestId('filter-kind').locator(`input[value="${value}"]`).check();
    for (const value of ['5', '4']) await page.getByTestId('filter-rating').locator(`input[value="${value}"]`).check();
    await page.getByTestId('hh-min').fill('500');
    expect(cliCodes.length).toBeGreaterThan(10);
    await expect.poll(() => shownCount(page)).toBe(cliCodes.length);
    expect(Object.fromEntries(query(page))).toEqual(Object.fromEntries(new URLSearchParams(FILTER)));
    expect(new Set(await xlsxCodes(page))).toEqual(new Set(cliCodes));
    await page.screenshot({ path: artifactPath('workbench-filter-1920x1080.png') });
  });

  it('selects with a drawn polygon exactly the compounds turf finds inside, and downloads the table’s rows', async () => {
    const { page } = view;
    await page.getByTestId('clear-filters').click();
    await expect.poll(() => shownCount(page)).toBe(347);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.getByTestId('draw-polygon').click();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    for (const [i, [dx, dy]] of (
      [
        [-90, -110],
        [70, -90],
        [110, 60],
        [-40, 120],
        [-120, 20],
      ] as const
    ).entries()) {
      await page.mouse.click(cx + dx, cy + dy);
      // The map draws the vertices placed so far (data-drawn names each layer with its size): the
      // next click waits until this one has been taken, as a slow software-rendered map needs.
      await page.waitForFunction(
        (n) =>
          document
            .querySelector<HTMLElement>('[data-testid="map"]')
            ?.dataset.drawn?.split(' ')
            .includes(`selection-vertices:${n}`) ?? false,
        i + 1,
      );
    }
    await page.getByTestId('draw-finish').click();
    await expect.poll(() => query(page).get('sel')).toMatch(/^poly:/);
    const selection = parseSelection(query(page).get('sel')!, JINJIANG.bounds)!;
    expect(selection.kind === 'polygon' && selection.ring).toHaveLength(5);
    const inside = rows.filter((c) => selectionContains(selection, c.lon, c.lat)).map((c) => c.code);
    expect(inside.length).toBeGreaterThan(5);
    expect(inside.length).toBeLessThan(347);
    await expect.poll(() => shownCount(page)).toBe(inside.length);
    // Sort by name: the download keeps the table's order.
    await page.getByRole('columnheader', { name: '小区' }).getByRole('button').click();
    const firstRow = await page.locator('[data-testid="compound-table"] tbody tr').first().getAttribute('data-code');
    const downloaded = await xlsxCodes(page);
    expect(new Set(downloaded)).toEqual(new Set(inside));
    expect(downloaded[0]).toBe(firstRow);
    await waitForMapDrawn(page);
    await stillScreenshot(page, { path: artifactPath('workbench-polygon-1920x1080.png') });
    // The map view as a picture: a real PNG the size of the map.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([Math.round(box.width), Math.round(box.height)]);
    expect(bytes.length).toBeGreaterThan(50_000);
  });

  it('reproduces the view from a copied link in a fresh browser', async () => {
    const link = view.page.url();
    // A fresh browser: the colleague who gets the link signs in and lands on it.
    const fresh = await openSignedInPage(browser, server.url, 1920, 1080, 'leader', link.slice(server.url.length));
    try {
      await waitReady(fresh.page);
      expect(await shownCount(fresh.page)).toBe(await shownCount(view.page));
      expect(fresh.page.url()).toBe(link);
      const firstRow = (p: Page) =>
        p.locator('[data-testid="compound-table"] tbody tr').first().getAttribute('data-code');
      expect(await firstRow(fresh.page)).toBe(await firstRow(view.page));
      expect(await fresh.page.getByTestId('invalid-url-notice').count()).toBe(0);
      expect(fresh.consoleErrors).toEqual([]);
    } finally {
      await fresh.context.close();
    }
  });

  it('drills from the selection’s rate to the same compounds as the engine', async () => {
    const { page } = view;
    await page.getByTestId('clear-selection').click();
    const township = rows[0]!;
    await page.getByTestId('filter-town').locator('label', { hasText: township.townshipName }).locator('input').check();
    await expect.poll(() => shownCount(page)).toBe(rows.filter((r) => r.townshipCode === township.townshipCode).length);
    await page.getByTestId('sel-deliberationCoverage').click();
    const dialog = page.getByTestId('drill-dialog');
    // Compound rows only: the working list heads each section with a row of its own.
    const listed = await dialog.locator('tbody tr[data-code]').evaluateAll((trs) =>
      trs.map((tr) => ({
        code: tr.getAttribute('data-code'),
        inNumerator: tr.getAttribute('data-in-numerator') === 'true',
        inDenominator: tr.getAttribute('data-in-denominator') === 'true',
      })),
    );
    const engine = await drillThrough(database.db, {
      indicator: 'deliberationCoverage',
      asOf,
      townshipCode: township.townshipCode,
    });
    const byCode = (a: { code: string | null }, b: { code: string | null }) => a.code!.localeCompare(b.code!);
    expect(listed.sort(byCode)).toEqual(
      engine.compounds
        .map((c) => ({ code: c.code, inNumerator: c.inNumerator, inDenominator: c.inDenominator }))
        .sort(byCode),
    );
    expect(await dialog.getByTestId('drill-fraction').textContent()).toBe(
      `${engine.numerator} / ${engine.denominator}`,
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('says so when a selection holds nothing', async () => {
    const { page } = view;
    // A rectangle far out at sea, west of nothing: valid, but empty.
    await page.goto(`${server.url}/workbench?sel=rect:119.0,24.3,119.1,24.4`);
    await waitReady(page);
    expect(await shownCount(page)).toBe(0);
    expect(await page.getByTestId('compound-table').textContent()).toContain('没有符合条件的小区');
    expect(await page.locator('.table-head').textContent()).toContain('选区内没有符合筛选条件的小区');
    expect(await page.getByTestId('export-xlsx').isDisabled()).toBe(true);
  });

  it('opens a hand-broken link on the default view with a notice, not a blank page', async () => {
    const { page } = view;
    await page.goto(`${server.url}/workbench?town=abc&kind=castle&sel=poly:1,2&week=2030-W01&layer=x&sort=zzz&hh=9-1`);
    await waitReady(page);
    expect(await shownCount(page)).toBe(347);
    const notice = await page.getByTestId('invalid-url-notice').textContent();
    for (const part of [
      '镇街编码格式不对',
      '未知的小区类型',
      '选区无法识别',
      '2030-W01',
      '未知图层',
      '排序',
      '户数范围',
    ])
      expect(notice).toContain(part);
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
  });

  it('can be used by keyboard and passes an axe audit with no serious or critical violation', async () => {
    const { page } = view;
    await page.goto(`${server.url}/workbench`);
    await waitReady(page);
    // Keyboard only: focus the search box, type, and the table follows.
    await page.getByTestId('search').focus();
    const target = rows.find((r) => r.name.length >= 3)!;
    await page.keyboard.type(target.name);
    await expect.poll(() => shownCount(page)).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid="compound-table"] tbody tr').first().textContent()).toContain(target.name);
    await page.keyboard.press('Tab');
    await page.getByTestId('search').fill('');
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays in force.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: {
            run(
              context: Document,
              options: object,
            ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run(document, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
    });
    expect(violations).toEqual([]);
  });
});
