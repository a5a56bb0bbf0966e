/**
 * The dashboard follows the township (issue #21), in Chromium, offline, on the fixture city: the
 * map's search box finds a township by its pinyin initials; choosing it turns the five tiles, the
 * other figures and the drill-through into the engine's figures for that township, says so, keeps
 * it through a reload, and 返回全市 brings the city back; the ranking follows the shading; the
 * search box finds a compound by name and opens its card, and says when nothing matches.
 */
import { describe, expect, it } from 'vitest';
import { formatIndicator } from '../../client/src/app/format.ts';
import { zhCN } from '../../client/src/i18n/zh-CN.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { pinyinInitials } from '../../server/services/compounds/initials.ts';
import { drillThrough } from '../../server/services/metrics/drillThrough.ts';
import type { Indicators, MetricsReport } from '../../server/services/metrics/metricsReport.ts';
import { INDICATOR_KEYS } from '../../shared/indicators/index.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { isoWeekOf, weekValueDate } from '../../shared/time/weeks.ts';
import type { Page } from 'playwright-core';
import { artifactPath, openSignedInPage, useFixtureServer, type OfflinePage } from '../support/browser.ts';
import { callerAs } from '../support/callers.ts';
import { stillScreenshot } from '../support/settle.ts';

const KEY = 'deliberationCoverage';
/** How long a poll may wait: reading the five tiles alone takes seconds in software WebGL on a busy machine. */
const WAIT = { timeout: 20_000 };

/** What the five tiles show: each value and its "n / d" fraction. */
async function tiles(page: Page) {
  return Object.fromEntries(
    await Promise.all(
      INDICATOR_KEYS.map(async (key) => {
        const tile = page.getByTestId(`tile-${key}`);
        const value = await tile.getByTestId(`tile-value-${key}`).textContent();
        const fraction = (await tile.getByRole('button', { name: /查看构成/ }).textContent())!.split(' · ')[0];
        return [key, `${value} · ${fraction}`];
      }),
    ),
  );
}

/** What the tiles should show for a scope of the engine's report. */
const expected = (indicators: Indicators) =>
  Object.fromEntries(
    INDICATOR_KEYS.map((key) => {
      const r = indicators[key];
      const n = (x: number) => x.toLocaleString('zh-CN');
      return [key, `${formatIndicator(key, r.value)} · ${n(r.numerator)} / ${n(r.denominator)}`];
    }),
  );

describe('the dashboard follows the township', () => {
  const env = useFixtureServer();
  // One page for both steps (signing in and the first map take a while in software WebGL).
  let view: OfflinePage;
  let report: MetricsReport;
  const today = todayInCity();
  const asOf = weekValueDate(isoWeekOf(today), today);
  const scopeLine = () => view.page.getByTestId('scope-line');
  const search = () => view.page.getByTestId('place-search-input');
  // The box's own list (the toolbar's <select>s have options too).
  const options = () => view.page.getByTestId('place-search').getByRole('option');

  it('narrows tiles, figures and drill-through to a township found by its pinyin initials, through a reload', async () => {
    view = await openSignedInPage(env.browser, env.server.url, 1920, 1080, 'analyst', '/');
    const { page } = view;
    await page.waitForSelector('[data-testid="compound-count"][data-ready="true"]', {
      state: 'attached',
      timeout: 60_000,
    });
    report = await (await callerAs(env.database, 'analyst')).metrics.report({ asOf });
    expect(await tiles(page)).toEqual(expected(report.city.indicators));

    // A township with compounds not counted, found by its pinyin initials (陈埭镇 → cdz).
    const township = report.townships.find((t) => t.indicators[KEY].numerator < t.indicators[KEY].denominator)!;
    await search().fill(pinyinInitials(township.name));
    const first = options().first();
    await expect.poll(() => first.getAttribute('data-code'), WAIT).toBe(township.code);
    expect(await first.getAttribute('data-kind')).toBe('township');
    await search().press('Enter');

    const scope = scopeLine();
    await expect.poll(() => scope.textContent(), WAIT).toContain(`正在查看：${township.name}`);
    expect(await page.getByTestId('scope-township-page').getAttribute('href')).toBe(`/township/${township.code}`);
    await expect.poll(() => tiles(page), WAIT).toEqual(expected(township.indicators));
    const secondary = page.getByTestId('secondary-figures');
    expect(await secondary.locator('h2').textContent()).toBe(`${township.name} · 其他指标`);
    expect(await secondary.textContent()).toContain(
      `${zhCN['secondary.partyMajority']}${township.secondary.partyMajorityCommittees} / ${township.secondary.committeesInOffice}`,
    );
    await stillScreenshot(page, { path: artifactPath('follow-township-1920x1080.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await stillScreenshot(page, { path: artifactPath('follow-township-1366x768.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });

    // The drill-through lists that township's compounds, as the engine does.
    await page
      .getByTestId(`tile-${KEY}`)
      .getByRole('button', { name: /查看构成/ })
      .click();
    const dialog = page.locator('[data-testid="drill-dialog"][data-ready="true"]');
    await dialog.waitFor({ timeout: 30_000 });
    const engine = await drillThrough(env.database.db, { indicator: KEY, asOf, townshipCode: township.code });
    const listed = await dialog
      .locator('tbody[data-section] tr[data-code]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')!));
    expect(new Set(listed)).toEqual(new Set(engine.compounds.map((c) => c.code)));
    expect(await dialog.getByTestId('drill-fraction').textContent()).toBe(
      `${engine.numerator} / ${engine.denominator}`,
    );
    await dialog.getByRole('button', { name: '关闭' }).click();

    // The URL carries the township: a reload keeps it.
    expect(new URL(page.url()).searchParams.get('township')).toBe(township.code);
    await page.reload();
    await expect.poll(() => scope.textContent(), WAIT).toContain(`正在查看：${township.name}`);
    await expect.poll(() => tiles(page), WAIT).toEqual(expected(township.indicators));
  }, 240_000);

  it('ranks by the shading, returns to the city, finds a compound by name and says when nothing matches', async () => {
    const { page } = view;
    const scope = scopeLine();
    // The ranking ranks by the indicator the map is shaded with.
    await page.getByTestId('shade-select').selectOption('serviceQuality');
    await expect
      .poll(() => page.locator('.ranking header').textContent(), WAIT)
      .toContain(`按 ${zhCN['indicator.short.serviceQuality']}`);

    // 返回全市: the city's figures again.
    await page.getByTestId('scope-back').click();
    await expect.poll(() => scope.count(), WAIT).toBe(0);
    await expect.poll(() => tiles(page), WAIT).toEqual(expected(report.city.indicators));
    expect(new URL(page.url()).searchParams.get('township')).toBeNull();

    // A compound by its name: its card opens.
    const compounds = await compoundStatusAsOf(env.database.db, asOf);
    const compound = compounds.find((c) => compounds.filter((o) => o.name.includes(c.name)).length === 1)!;
    await search().fill(compound.name);
    const first = options().first();
    await expect.poll(() => first.getAttribute('data-code'), WAIT).toBe(compound.code);
    await first.click();
    await expect.poll(() => page.getByTestId('compound-card').locator('h2').textContent(), WAIT).toBe(compound.name);

    // Nothing matches: said so.
    await search().fill('不存在的小区名称');
    expect(await page.getByTestId('place-search-empty').textContent()).toBe('未找到匹配的小区或镇街');
    expect(await options().count()).toBe(0);

    // A link naming no township: the city's figures, and the notice says the link was not all understood.
    await page.goto(`${env.server.url}/?township=999999999`);
    await page.getByTestId('invalid-url-notice').waitFor({ timeout: 30_000 });
    await expect.poll(() => tiles(page), WAIT).toEqual(expected(report.city.indicators));
    expect(await scope.count()).toBe(0);

    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  }, 240_000);
});
