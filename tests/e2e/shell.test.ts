/** The page a person opens first, in a real Chromium with no internet. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { artifactPath, ensureClientBuilt, launchBrowser, openOfflinePage } from '../support/browser.ts';
import { openFixtureDatabase, type TestDatabase } from '../support/databases.ts';

describe('the dashboard shell', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    ensureClientBuilt();
    database = await openFixtureDatabase('pglite');
    server = await startServer({ database, port: 0 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.dispose();
  });

  it.each([
    [1920, 1080],
    [3840, 1080],
  ])('shows the city, its 347 compounds and the demo and boundary notices at %i×%i, offline', async (width, height) => {
    const { page, context, consoleErrors, blockedRequests } = await openOfflinePage(browser, width, height);
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByTestId('compound-count').textContent(), { timeout: 30_000 }).toBe('347');
    expect(await page.getByTestId('demo-badge').textContent()).toBe('演示数据');
    expect(await page.getByTestId('approx-badge').textContent()).toBe('示意边界');
    expect(await page.locator('path.township').count()).toBe(19);
    await page.screenshot({ path: artifactPath(`shell-${width}x${height}.png`) });
    expect(consoleErrors).toEqual([]);
    expect(blockedRequests, 'no request leaves our server').toEqual([]);
    await context.close();
  });

  it('switches the interface to English and back', async () => {
    const { page, context } = await openOfflinePage(browser, 1280, 800);
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Residential Compound Governance Map');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('住宅小区治理一张图');
    await context.close();
  });
});
