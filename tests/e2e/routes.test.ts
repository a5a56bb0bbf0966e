/**
 * The router in Chromium: a deep link survives the detour through the login page, an unknown
 * address says so in Chinese with a way back, internal links navigate without reloading the page,
 * and Back and Forward return to the pages they left.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { openOfflinePage, openSignedInPage, useFixtureServer } from '../support/browser.ts';

describe('addresses and navigation', () => {
  const env = useFixtureServer();

  it('keeps a deep link with its query string through sign-in', async () => {
    const view = await openOfflinePage(env.browser, 1280, 800);
    const { page } = view;
    const deepLink = '/compare?t=350582101,350582102,350582103&from=2025-W01';
    await page.goto(`${env.server.url}${deepLink}`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next'), 'the way back is kept').toBe(deepLink);
    const analyst = DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!;
    await page.getByTestId('login-username').fill(analyst.username);
    await page.getByTestId('login-password').fill(analyst.password);
    await page.getByTestId('login-submit').click();
    // The compare chunk (recharts) loads on first use: slow on a busy two-core machine.
    await page.waitForSelector('[data-testid="compare-table"]', { timeout: 60_000 });
    const url = new URL(page.url());
    expect(url.pathname, 'back on the deep link').toBe('/compare');
    expect(Object.fromEntries(url.searchParams), 'with its query string').toEqual({
      t: '350582101,350582102,350582103',
      from: '2025-W01',
    });
    expect(view.consoleErrors).toEqual([]);
    await view.context.close();
  });

  it('says 页面不存在 for an unknown address, navigates in place, and goes Back and Forward', async () => {
    const view = await openSignedInPage(env.browser, env.server.url, 1280, 800);
    const { page } = view;
    for (const path of ['/nope', '/township/abc', '/compound/a/b']) {
      await page.goto(`${env.server.url}${path}`);
      await expect.poll(() => page.getByTestId('not-found').textContent(), { message: path }).toContain('页面不存在');
    }

    // A mark on the window survives only navigation inside the page, not a reload.
    await page.evaluate(() => Object.assign(window, { routeMark: true }));
    await page.locator('nav.nav a[href="/review"]').click();
    await page.waitForSelector('[data-testid="review-page"]', { timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/review');
    expect(await page.evaluate(() => 'routeMark' in window), 'the nav link did not reload the page').toBe(true);
    expect(await page.locator('nav.nav a[aria-current="page"]').textContent()).toBe('晾晒榜');

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/compound/a/b');
    await page.getByTestId('not-found').waitFor();
    await page.goForward();
    await page.waitForURL((url) => url.pathname === '/review');
    await page.getByTestId('review-page').waitFor();
    expect(await page.evaluate(() => 'routeMark' in window), 'Back and Forward stayed in the page').toBe(true);
    expect(view.consoleErrors).toEqual([]);
    await view.context.close();
  });
});
