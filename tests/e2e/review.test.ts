/** The weekly review screens (晾晒榜 and a township's page) in Chromium, offline, on the fixture city. */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { artifactPath, useFixtureServer, openOfflinePage, signIn } from '../support/browser.ts';

const analyst = DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!;
import { callerAs } from '../support/callers.ts';
import { stillScreenshot } from '../support/settle.ts';

describe('the weekly review screens', () => {
  const env = useFixtureServer();

  it('shows the 晾晒榜 in composite order, then a township page, at 1920×1080', async () => {
    const caller = await callerAs(env.database, 'analyst');
    const board = await caller.review.board({ week: '2026-W40' });
    const view = await openOfflinePage(env.browser, 1920, 1080);
    const { page } = view;
    await signIn(page, env.server.url, analyst, '/review?week=2026-W40');
    const rows = page.getByTestId('board').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(19);
    const names = await rows.locator('td:nth-child(3)').allTextContents();
    expect(names).toEqual(board.townships.map((t) => t.name));
    const sentences = await page.getByTestId('summary').locator('li').allTextContents();
    expect(sentences).toEqual(board.summary.city.map((s) => s.text));
    // The 红黑榜 as the board has it, nobody on both, and the rules in words beside them.
    const listed = (list: 'redList' | 'blackList') => page.locator(`.list.${list} li strong`).allTextContents();
    expect(await listed('redList')).toEqual(board.redList.map((e) => e.name));
    expect(await listed('blackList')).toEqual(board.blackList.map((e) => e.name));
    expect((await listed('redList')).filter((n) => board.blackList.some((e) => e.name === n))).toEqual([]);
    const rules = (await page.getByTestId('list-rules').locator('li').allTextContents()).join('\n');
    expect(rules).toContain('红榜：综合排名前3名');
    expect(rules).toContain('超期诉求占本镇街未办结诉求的40%及以上');
    expect(rules).toContain('同一镇街不会同时上红榜和黑榜');
    await page.waitForSelector('.recharts-surface', { timeout: 20_000 });
    await stillScreenshot(page, { path: artifactPath('review-1920x1080.png') });

    await rows.first().getByRole('link').click();
    await page.waitForSelector('[data-testid="township-page"] [data-testid="lagging"]', { timeout: 30_000 });
    expect(await page.locator('h2').first().textContent()).toBe(board.townships[0]!.name);
    expect(await page.locator('[data-testid^="history-"]').count()).toBe(5);
    await stillScreenshot(page, { path: artifactPath('township-1920x1080.png') });

    // A week whose top-3 township is black-listed says why it is not on the red list.
    const withheldWeek = await caller.review.board({ week: '2026-W39' });
    expect(withheldWeek.redWithheld?.length, 'the fixture has such a week').toBeGreaterThan(0);
    await page.goto(`${env.server.url}/review?week=2026-W39`);
    await expect
      .poll(() => page.getByTestId('red-withheld').textContent(), { timeout: 30_000 })
      .toContain(withheldWeek.redWithheld![0]!.name);
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  });

  it('opens the default view with a notice when a link has been tampered with', async () => {
    const view = await openOfflinePage(env.browser, 1280, 800);
    await signIn(view.page, env.server.url, analyst, '/?layer=nonsense&week=2099-W99');
    await view.page.waitForSelector('[data-testid="invalid-url-notice"]', { timeout: 30_000 });
    await view.page.waitForSelector('[data-testid="compound-count"][data-ready="true"]', {
      state: 'attached',
      timeout: 60_000,
    });
    expect(await view.page.getByTestId('layer-party').getAttribute('aria-checked')).toBe('true');
    await view.context.close();
  });
});
