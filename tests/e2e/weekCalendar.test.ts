/**
 * The week calendar (issue #21, point 3): weeks with their dates, a month view with ISO weeks as
 * rows; a click on a row, or the keyboard, picks the week, the address follows and the page shows
 * that week's figures; weeks outside the data cannot be picked.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { artifactPath, openOfflinePage, signIn, useFixtureServer } from '../support/browser.ts';
import { callerAs } from '../support/callers.ts';

const analyst = DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!;

describe('the week calendar', () => {
  const env = useFixtureServer();

  it('picks a week on /review by a click on its row and by the keyboard; the URL and the board follow', async () => {
    const caller = await callerAs(env.database, 'analyst');
    const view = await openOfflinePage(env.browser, 1366, 768);
    const { page } = view;
    await signIn(page, env.server.url, analyst, '/review?week=2026-W40');
    const rows = page.getByTestId('board').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(19);
    const label = page.getByTestId('review-week-text');
    expect(await label.textContent(), 'the week reads with its dates, not its code').toBe('第40周 · 9月28日–10月4日');

    // The calendar opens on the month of the week's Thursday (1 October), the week marked.
    await page.getByTestId('review-week-open').click();
    const calendar = page.getByTestId('review-week-calendar');
    await calendar.waitFor();
    expect(await calendar.getByRole('status').first().textContent()).toBe('2026年10月');
    expect(await calendar.locator('tr[data-picked="true"]').getAttribute('data-week')).toBe('2026-W40');
    await page.screenshot({ path: artifactPath('week-calendar-1366x768.png') });

    // Back a month; a click on a day of the row of 7–13 September picks week 37.
    await calendar.locator('.rdp-button_previous').click();
    await expect.poll(() => calendar.getByRole('status').first().textContent()).toBe('2026年9月');
    await calendar.locator('tr[data-week="2026-W37"] button').nth(3).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('week')).toBe('2026-W37');
    expect(await calendar.count(), 'the calendar closes on a pick').toBe(0);
    expect(await label.textContent()).toBe('第37周 · 9月7日–13日');
    const board37 = await caller.review.board({ week: '2026-W37' });
    const board40 = await caller.review.board({ week: '2026-W40' });
    const composite = (b: typeof board37) =>
      b.townships.map((t) => `${t.name} ${t.composite.score === null ? '—' : t.composite.score.toFixed(1)}`);
    expect(composite(board37), 'the two weeks differ, so the page must change').not.toEqual(composite(board40));
    const shown = async () =>
      (await rows.evaluateAll((trs) =>
        trs.map((tr) => `${tr.children[2]?.textContent} ${tr.children[3]?.textContent}`),
      )) as string[];
    await expect.poll(shown, { timeout: 30_000 }).toEqual(composite(board37));

    // The keyboard: the calendar takes the focus on the chosen week; ↓ is a week later, Enter picks it.
    await page.getByTestId('review-week-open').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-week')))
      .toBe('2026-W37');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('week')).toBe('2026-W38');
    expect(await label.textContent()).toBe('第38周 · 9月14日–20日');
    // Previous / next step a week; Escape closes the calendar and gives the focus back.
    await page.getByTestId('review-week-previous').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('week')).toBe('2026-W37');
    await page.getByTestId('review-week-open').click();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('review-week-calendar').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('review-week-open');

    // Weeks outside the data: before 2024-W01 the months stop; after the week in progress, rows are greyed and cannot be picked.
    await page.goto(`${env.server.url}/review?week=2024-W01`);
    await page.getByTestId('review-week-open').click();
    expect(await calendar.locator('.rdp-button_previous').getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    const { today } = await caller.system.info();
    await page.goto(`${env.server.url}/review`);
    await page.getByTestId('review-week-open').click();
    while ((await calendar.locator('.rdp-button_next').getAttribute('aria-disabled')) !== 'true')
      await calendar.locator('.rdp-button_next').click();
    const offered = await calendar.locator('tr[data-offered="true"]').count();
    expect(offered, `the last month (${today}) has weeks that can be picked`).toBeGreaterThan(0);
    for (const row of await calendar.locator('tr[data-offered="false"]').all())
      for (const day of await row.locator('button').all()) expect(await day.isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    // A week outside the data in the address is said on a township page too, not silently reset (issue #21, point 6).
    const township = board40.townships[0]!.code;
    await page.goto(`${env.server.url}/township/${township}?week=2023-W01`);
    await page.getByTestId('week-outside').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('week-outside').textContent()).toMatch(
      /地址中的周次 2023-W01 不在数据范围内（2024-W01 至 \d{4}-W\d{2}），已显示 \d{4}年第\d+周 · /,
    );
    await page
      .getByTestId('week-outside')
      .getByRole('button', { name: /查看最近的有效周次 2024年第1周/ })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('week')).toBe('2024-W01');
    expect(await page.getByTestId('week-outside').count()).toBe(0);
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  });

  it('replays a range of weeks on the dashboard at 12 weeks a second, a press on the map pauses it, and the link keeps the range', async () => {
    const view = await openOfflinePage(env.browser, 1920, 1080);
    const { page } = view;
    await signIn(page, env.server.url, analyst, '/');
    const count = page.getByTestId('compound-count');
    const ready = (week: string) =>
      page.waitForSelector(`[data-testid="compound-count"][data-week="${week}"][data-ready="true"]`, {
        state: 'attached',
        timeout: 60_000,
      });
    await page.waitForSelector('[data-testid="compound-count"][data-ready="true"]', {
      state: 'attached',
      timeout: 60_000,
    });
    const control = page.getByTestId('week-control');
    await page.getByTestId('replay-settings').click();
    await page.getByTestId('replay-speed').selectOption('12');
    // From 2024-W03 (the calendar opens on January 2024, the range's start) …
    await page.getByTestId('replay-from-open').click();
    await page.getByTestId('replay-from-calendar').locator('tr[data-week="2024-W03"] button').first().click();
    // … to 2024-W05: the "to" calendar opens on this month; the month buttons walk back to January 2024.
    await page.getByTestId('replay-to-open').click();
    const toCalendar = page.getByTestId('replay-to-calendar');
    for (let i = 0; i < 60 && (await toCalendar.getByRole('status').first().textContent()) !== '2024年1月'; i++)
      await toCalendar.locator('.rdp-button_previous').click();
    await toCalendar.locator('tr[data-week="2024-W05"] button').first().click();
    expect(await page.getByTestId('replay-from-text').textContent()).toBe('2024年第3周 · 1月15日–21日');
    expect(await page.getByTestId('replay-to-text').textContent()).toBe('2024年第5周 · 1月29日–2月4日');
    await page.getByTestId('replay-settings').click();

    // Play: from the range's start to its end, then it stops there by itself.
    await page.getByTestId('week-play').click();
    await expect.poll(() => control.getAttribute('data-playing'), { timeout: 60_000 }).toBe('false');
    expect(await page.getByTestId('week-picker').getAttribute('data-week')).toBe('2024-W05');
    expect(new URL(page.url()).searchParams.get('week'), 'the address follows the replay').toBe('2024-W05');
    await ready('2024-W05');
    // The address keeps the range and the speed: a copied link replays the same (opened below).
    const link = new URL(page.url());
    expect(['replayFrom', 'replayTo', 'replaySpeed'].map((p) => link.searchParams.get(p))).toEqual([
      '2024-W03',
      '2024-W05',
      '12',
    ]);

    // At a week a second, a press on the map pauses it on the week shown.
    await page.getByTestId('replay-settings').click();
    await page.getByTestId('replay-speed').selectOption('1');
    await page.getByTestId('replay-settings').click();
    await page.getByTestId('week-play').click();
    await ready('2024-W03');
    expect(await control.getAttribute('data-playing')).toBe('true');
    const box = (await page.locator('.map-area').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await control.getAttribute('data-playing')).toBe('false');
    const paused = (await count.getAttribute('data-week'))!;
    expect(['2024-W03', '2024-W04']).toContain(paused);
    // Paused means no step in a step's time (a second at this speed): nothing to await but the clock.
    await page.waitForTimeout(1500);
    expect(await count.getAttribute('data-week')).toBe(paused);

    // The copied link opens with the same range and speed, and no bad-link notice.
    await page.goto(link.href);
    await ready('2024-W05');
    await page.getByTestId('replay-settings').click();
    expect(await page.getByTestId('replay-speed').inputValue()).toBe('12');
    expect(await page.getByTestId('replay-from-text').textContent()).toBe('2024年第3周 · 1月15日–21日');
    expect(await page.getByTestId('replay-to-text').textContent()).toBe('2024年第5周 · 1月29日–2月4日');
    expect(await page.getByTestId('invalid-url-notice').count()).toBe(0);
    expect(view.consoleErrors).toEqual([]);
    await view.context.close();
  });
});
