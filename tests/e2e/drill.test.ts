/**
 * The drill-through from a dashboard tile in Chromium, offline, on the fixture city: not counted
 * first (the goal unmet) with the engine's reasons, narrowed to a township it lists exactly the
 * engine's not-counted compounds there, a header click sorts, the export says what made it, and
 * the listed compounds are ringed on the map behind.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { drillThrough } from '../../server/services/metrics/drillThrough.ts';
import { artifactPath, openSignedInPage, useFixtureServer } from '../support/browser.ts';
import { callerAs } from '../support/callers.ts';
import { stillScreenshot } from '../support/settle.ts';

const KEY = 'deliberationCoverage';

describe('the drill-through from a tile', () => {
  const env = useFixtureServer();

  it('lists not counted first with reasons, filters by township to the engine’s list, sorts, exports and rings them on the map', async () => {
    const view = await openSignedInPage(env.browser, env.server.url, 1920, 1080, 'analyst', '/');
    const { page } = view;
    await page.waitForSelector('[data-testid="compound-count"][data-ready="true"]', {
      state: 'attached',
      timeout: 60_000,
    });
    await page
      .getByTestId(`tile-${KEY}`)
      .getByRole('button', { name: /查看构成/ })
      .click();
    // The map's accessible name is Chinese, not maplibre's English "Map".
    expect(await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toBe('地图');
    const dialog = page.getByTestId('drill-dialog');
    await page.locator('[data-testid="drill-dialog"][data-ready="true"]').waitFor({ timeout: 30_000 });
    const asOf = (await dialog.getAttribute('data-as-of'))!;
    const report = await (await callerAs(env.database, 'analyst')).metrics.report({ asOf });
    expect(report.city.indicators[KEY].met, 'the fixture city misses this goal').toBe(false);

    // Not counted first, every row with its reason.
    const sections = dialog.locator('tbody[data-section]');
    expect(await sections.first().getAttribute('data-section')).toBe('short');
    const firstReason = await sections.first().getByTestId('drill-row-reason').first().textContent();
    expect(firstReason).toMatch(/^(近30天无四方联席会议（上次 \d{4}-\d{2}-\d{2}）|从未召开四方联席会议)$/);

    // One township: exactly the engine's not-counted compounds there, with its reasons.
    const township = report.townships.find((t) => t.indicators[KEY].numerator < t.indicators[KEY].denominator)!;
    await page.getByTestId('drill-township').selectOption(township.code);
    const engine = await drillThrough(env.database.db, { indicator: KEY, asOf, townshipCode: township.code });
    const notCounted = engine.compounds.filter((c) => c.inDenominator && !c.inNumerator);
    const shortRows = dialog.locator('tbody[data-section="short"] tr[data-code]');
    await expect.poll(() => shortRows.count()).toBe(notCounted.length);
    const shown = await shortRows.evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-code'), r.querySelector('[data-testid="drill-row-reason"]')!.textContent]),
    );
    expect(new Map(shown as [string, string][])).toEqual(new Map(notCounted.map((c) => [c.code, c.reason])));
    expect(await dialog.locator('tbody[data-section] tr[data-code]').count()).toBe(engine.compounds.length);

    // Sorted by name on a header click (pinyin order), then reversed.
    await dialog.locator('button[data-sort="name"]').click();
    const names = () => shortRows.evaluateAll((rows) => rows.map((r) => r.querySelector('td')!.textContent!));
    const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });
    const ascending = await names();
    expect(ascending).toEqual([...ascending].sort(collator.compare));
    await dialog.locator('button[data-sort="name"]').click();
    expect(await names()).toEqual([...ascending].reverse());

    // The map behind rings the listed compounds.
    await page.waitForFunction(
      (n) => document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset.drawn?.includes(`highlight:${n}`),
      engine.compounds.length,
      { timeout: 20_000 },
    );
    await stillScreenshot(page, { path: artifactPath('drill-1920x1080.png') });

    // A laptop screen: the list beside the map, still usable.
    await page.setViewportSize({ width: 1366, height: 768 });
    await stillScreenshot(page, { path: artifactPath('drill-1366x768.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });

    // The export: the list as shown, and a 说明 sheet with the indicator, scope, day and filter.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drill-export').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const about = new Map<string, unknown>();
    book.getWorksheet('说明')!.eachRow((row) => about.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(about.get('指标')).toBe('议事协商覆盖率');
    expect(about.get('范围')).toBe('全市');
    expect(about.get('截至日期')).toEqual(new Date(`${asOf}T00:00:00Z`));
    expect(about.get('筛选')).toBe(`镇街：${township.name}`);
    const sheet = book.worksheets.find((s) => s.name !== '说明')!;
    const codes = Array.from({ length: notCounted.length }, (_, i) => String(sheet.getRow(i + 2).getCell(2).value));
    expect(codes).toEqual(await shortRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')!)));

    // 在地图上显示: the list closes, the ring stays with a way to clear it.
    await page.getByTestId('drill-show-on-map').click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByTestId('drill-highlight').textContent()).toContain(`${engine.compounds.length} 个小区`);
    await page.getByTestId('drill-highlight-clear').click();
    await page.waitForFunction(
      () => !document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset.drawn?.includes('highlight:'),
      undefined,
      { timeout: 20_000 },
    );
    expect(view.consoleErrors).toEqual([]);
    // An unknown township: said in Chinese, with nothing to export (the refused request logs its 400).
    await page.goto(`${env.server.url}/township/999999999`);
    await expect.poll(() => page.getByTestId('township-title').textContent(), { timeout: 30_000 }).toBe('未找到该镇街');
    expect(await page.getByTestId('one-pager').count()).toBe(0);
    expect(await page.getByRole('button', { name: /导出/ }).count()).toBe(0);
    // Nor a week to pick, evidence or supervision items of a township that does not exist.
    expect(await page.getByTestId('township-page').textContent()).not.toMatch(/佐证材料|督办事项|截至周/);
    // A week before the data: said, with the nearest valid week offered.
    await page.goto(`${env.server.url}/review?week=2023-W01`);
    await page.getByTestId('week-outside').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('week-outside').textContent()).toMatch(/2023-W01 不在数据范围内.*2024-W01/);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  });
});
