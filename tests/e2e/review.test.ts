/** The weekly review screens (晾晒榜 and a township's page) in Chromium, offline, on the fixture city. */
import { describe, expect, it } from 'vitest';
import { STATUS_COLOURS } from '../../shared/colours/judgement.ts';
import { INDICATOR_KEYS } from '../../shared/indicators/index.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { artifactPath, useFixtureServer, openOfflinePage, signIn } from '../support/browser.ts';

const analyst = DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!;
import { callerAs } from '../support/callers.ts';
import { stillScreenshot } from '../support/settle.ts';
import { shanghaiDateTime } from '../../shared/time/dates.ts';
import { weekLabel } from '../../shared/time/weeks.ts';

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
    // Which week, with its dates, and where it is in its life (issue #17).
    expect(await page.getByTestId('review-week-label').textContent()).toBe('2026-W40（9月28日—10月4日）');
    expect(await page.getByTestId('week-state').textContent()).toBe(
      board.reviewed
        ? `已晾晒，快照冻结于 ${shanghaiDateTime(board.reviewed.reviewedAt)}`
        : '已结束，待晾晒（仍可更正）',
    );
    expect(await page.getByTestId('previous-week').textContent()).toBe(
      `上周 = ${weekLabel('2026-W39')}（2026-09-27 周日数据）`,
    );
    // 上周督办事项办理情况 opens the board: W39's items of the demo history, counted as the board has them.
    const city = page.getByTestId('supervision-outcome').locator('tr[data-township="city"] td');
    expect(await city.allTextContents()).toEqual([
      '全市',
      ...[board.supervision!.summary.city].flatMap((c) =>
        [c.issued, c.closed - c.closedLate, c.closedLate, c.answered, c.returned, c.pending, c.overdueAsOf].map(String),
      ),
    ]);
    expect(board.supervision!.summary.city.issued, 'the demo history has items for W39').toBeGreaterThan(0);
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

  it('prints a reviewed week’s freeze time in Asia/Shanghai, and the next week compares with its snapshot', async () => {
    const admin = await callerAs(env.database, 'admin');
    const marked = await admin.review.markReviewed({ week: '2026-W37' });
    const frozenAt = shanghaiDateTime(marked.reviewedAt);
    const view = await openOfflinePage(env.browser, 1920, 1080);
    const { page } = view;
    await signIn(page, env.server.url, analyst, '/review?week=2026-W37');
    await page.getByTestId('week-life').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('week-state').textContent()).toBe(`已晾晒，快照冻结于 ${frozenAt}`);
    expect(await page.getByTestId('reviewed-stamp').textContent()).toContain(frozenAt);
    await page.goto(`${env.server.url}/review?week=2026-W38`);
    await page.waitForSelector('[data-testid="week-life"][data-state="ended"]', { timeout: 30_000 });
    expect(await page.getByTestId('previous-week').textContent()).toBe(
      `上周 = ${weekLabel('2026-W37')}（已晾晒快照，冻结于 ${frozenAt}）`,
    );
    await view.context.close();
  });

  it('colours the target tracker by verdict: only townships that meet the goal are green', async () => {
    const caller = await callerAs(env.database, 'analyst');
    const report = await caller.metrics.report({ week: '2026-W40' });
    const view = await openOfflinePage(env.browser, 1920, 1080);
    const { page } = view;
    const green = STATUS_COLOURS.met.dark.toLowerCase();
    let short = 0;
    await signIn(page, env.server.url, analyst, '/review?week=2026-W40');
    for (const key of INDICATOR_KEYS) {
      await page.goto(`${env.server.url}/review?week=2026-W40&indicator=${key}`);
      const bars = page.locator('.tracker .recharts-bar-rectangle path');
      await expect.poll(() => bars.count(), { timeout: 30_000 }).toBe(19);
      const fills = (await bars.evaluateAll((els) => els.map((el) => el.getAttribute('fill') ?? ''))).map((f) =>
        f.toLowerCase(),
      );
      const met = report.townships.filter((t) => t.indicators[key].met === true).length;
      short += report.townships.filter((t) => t.indicators[key].met === false).length;
      expect(fills.filter((f) => f === green).length, `${key}: green bars are the townships that meet the goal`).toBe(
        met,
      );
      expect(await page.getByTestId('tracker-legend-met').textContent(), key).toMatch(new RegExp(`\\b${met}$`));
    }
    expect(short, 'some townships fall short in 2026-W40, so the test can fail').toBeGreaterThan(0);
    expect(view.consoleErrors).toEqual([]);
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
