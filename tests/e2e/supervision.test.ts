/**
 * The 督办 loop in Chromium, offline, on the fixture city: an analyst issues an item from the
 * black list on /review (prefilled from the rules), the township's staff answer it on their
 * phone-sized township page, the analyst accepts it (销号) on /supervision, and the item shows as
 * 已销号 there and on the township page; the wall's supervision scene (display token) lists it
 * by township while it is open.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERVISION_SUGGESTIONS } from '../../data/supervision-rules.ts';
import { defaultReviewWeek } from '../../server/services/review/reviewWeek.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { isoWeekOf } from '../../shared/time/weeks.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { createDisplayToken } from '../../server/services/auth/displayTokens.ts';
import { issueItem } from '../../server/services/supervision/issue.ts';
import { artifactPath, openOfflinePage, signIn, useFixtureServer } from '../support/browser.ts';
import { callerAs, TEST_PASSWORD, testUser } from '../support/callers.ts';
import { stillScreenshot } from '../support/settle.ts';

const analyst = DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!;

describe('督办 on screen', () => {
  const env = useFixtureServer();

  it('walks the loop: issued from the black list, answered by the township, accepted, shown closed', async () => {
    const caller = await callerAs(env.database, 'analyst');
    // This week's review looks at the last week that ended; the next review is the week in progress.
    const week = defaultReviewWeek();
    const nextWeek = isoWeekOf(todayInCity());
    const board = await caller.review.board({ week });
    const entry = board.blackList[0];
    expect(entry, 'the fixture week has a black list').toBeDefined();
    const staff = await testUser(env.database, 'township_staff', entry!.code);

    // 1. The analyst issues an item from the black-list entry; the form is prefilled from the rules.
    const desk = await openOfflinePage(env.browser, 1920, 1080);
    await signIn(desk.page, env.server.url, analyst, `/review?week=${week}`);
    await desk.page.locator(`[data-testid="sv-black-issue"][data-code="${entry!.code}"]`).click();
    const task = desk.page.getByTestId('sv-task');
    await task.waitFor();
    const suggested = Object.values(DEFAULT_SUPERVISION_SUGGESTIONS).map((s) => s.task);
    expect(suggested).toContain(await task.inputValue());
    expect(await desk.page.getByTestId('sv-dialog').locator('h2').textContent()).toContain(entry!.name);
    // An empty task is refused in Chinese and nothing is issued.
    await task.fill('');
    await desk.page.getByTestId('sv-submit').click();
    expect(await desk.page.getByTestId('sv-error').textContent()).toBe('请填写督办任务（要求做什么）');
    await task.fill('组织召开四方联席会议，报送会议纪要');
    await stillScreenshot(desk.page, { path: artifactPath('supervision-issue-1920x1080.png') });
    await desk.page.getByTestId('sv-submit').click();
    await expect.poll(() => desk.page.getByTestId('sv-issued').textContent()).toContain(entry!.name);
    // The fixture's demo history has items of its own: the new one is the latest issued.
    const issued = (await caller.supervision.list({ townshipCode: entry!.code })).sort((a, b) => b.id - a.id)[0];
    expect(issued).toMatchObject({ task: '组织召开四方联席会议，报送会议纪要', reviewWeek: week, state: 'pending' });

    // 2. The township's staff answer it on a phone-sized screen.
    const phone = await openOfflinePage(env.browser, 390, 844, { phone: true });
    await signIn(
      phone.page,
      env.server.url,
      { username: staff.username, password: TEST_PASSWORD },
      `/township/${entry!.code}`,
    );
    // Their township's open warnings (the seed ran the rules) are on the page, and the menu's badge
    // counts what waits for them: items to answer and open warnings.
    const openWarnings = await caller.warnings.list({ townshipCode: entry!.code, state: 'open' });
    const waiting = (await caller.supervision.list({ townshipCode: entry!.code })).filter(
      (i) => i.state === 'pending' || i.state === 'returned',
    ).length;
    await expect
      .poll(() => phone.page.getByTestId('warning-item').count(), { timeout: 20_000 })
      .toBe(openWarnings.length);
    await expect
      .poll(() => phone.page.getByTestId('inbox-badge-menu').textContent(), { timeout: 20_000 })
      .toBe(String(waiting + openWarnings.length));
    const card = phone.page.locator(`[data-testid="sv-item"][data-item-id="${issued!.id}"]`);
    expect(await card.getByTestId('sv-light').textContent()).toMatch(/^(剩余\d+天|今日到期)$/);
    await card.getByTestId('sv-answer').click();
    await card.getByTestId('sv-move-text').fill('10月9日已召开四方联席会议，纪要已上传');
    await card.getByTestId('sv-move-submit').click();
    await phone.page.locator(`[data-testid="sv-item"][data-item-id="${issued!.id}"][data-state="answered"]`).waitFor();
    // Staff cannot accept their own answer: no such button for them.
    expect(await card.getByTestId('sv-accept').count()).toBe(0);

    // 3. The analyst accepts it on /supervision; it shows as 已销号 there …
    await desk.page.goto(`${env.server.url}/supervision?township=${entry!.code}`);
    const row = desk.page.locator(`[data-testid="sv-item"][data-item-id="${issued!.id}"]`);
    expect(await row.textContent()).toContain('10月9日已召开四方联席会议');
    await row.getByTestId('sv-accept').click();
    await desk.page.locator(`[data-testid="sv-item"][data-item-id="${issued!.id}"][data-state="closed"]`).waitFor();
    expect(await row.getByTestId('sv-state').textContent()).toBe('已销号');
    expect(await desk.page.getByTestId('sv-count-closed').textContent()).toContain('1');
    await row.getByTestId('sv-expand').click();
    // The history loads when opened: wait for its lines rather than reading an empty list.
    await expect
      .poll(async () =>
        (await row.getByTestId('sv-history').locator('li').allTextContents()).map(
          (h) => h.match(/(交办|反馈|销号)/)?.[1],
        ),
      )
      .toEqual(['交办', '反馈', '销号']);

    // … and on the township page.
    await phone.page.reload();
    const closed = phone.page.locator(`[data-testid="sv-item"][data-item-id="${issued!.id}"]`);
    expect(await closed.getByTestId('sv-state').textContent()).toBe('已销号');
    expect(await closed.getByTestId('sv-light').textContent()).toBe('按期销号');

    // 4. The next week's review opens with last week's items: this one among the closed on time.
    const before = (await caller.review.board({ week: nextWeek })).supervision!.summary.townships.find(
      (tw) => tw.code === entry!.code,
    )!;
    expect(before.closed - before.closedLate, 'the engine counts it closed on time').toBeGreaterThanOrEqual(1);
    await desk.page.goto(`${env.server.url}/review?week=${nextWeek}`);
    const outcome = desk.page.locator(`[data-testid="supervision-outcome-table"] tr[data-township="${entry!.code}"]`);
    await outcome.waitFor();
    expect(await outcome.locator('[data-column="supervisionOutcome.closedOnTime"]').textContent()).toBe(
      String(before.closed - before.closedLate),
    );
    expect(await outcome.locator('[data-column="supervisionOutcome.issued"]').textContent()).toBe(
      String(before.issued),
    );

    for (const view of [desk, phone]) {
      expect(view.consoleErrors).toEqual([]);
      expect(view.blockedRequests).toEqual([]);
      await view.context.close();
    }
  });

  it('shows open and overdue items by township on the wall with a display token', async () => {
    const caller = await callerAs(env.database, 'analyst');
    const board = await caller.review.board({ week: '2026-W40' });
    const [a, b] = board.townships;
    // One overdue (issued in January with a week to do it: backdated through the service), one in time.
    await issueItem(
      env.database.db,
      null,
      { townshipCode: a!.code, task: '限期办结逾期诉求并回访', deadline: '2026-01-05' },
      { at: new Date('2025-12-29T02:00:00Z'), today: '2025-12-29' },
    );
    await caller.supervision.issue({ townshipCode: b!.code, task: '推进业委会组建或换届', deadline: '2099-01-01' });
    const token = (await createDisplayToken(env.database.db, null, '督办大屏')).token;
    const view = await openOfflinePage(env.browser, 1920, 1080);
    await view.page.goto(`${env.server.url}/wall?token=${token}&scenes=supervision`);
    await view.page.getByTestId('wall-scene-supervision').waitFor({ timeout: 30_000 });
    const townships = await view.page.getByTestId('wall-sv-township').allTextContents();
    // The fixture's demo history has open items of its own: a's row is there with its overdue item.
    expect(townships.find((t) => t.includes(a!.name))).toMatch(/逾期[1-9]/);
    expect(townships.some((t) => t.includes(b!.name))).toBe(true);
    expect(await view.page.getByTestId('wall-sv-item').first().textContent()).toMatch(
      new RegExp(`^${a!.name}逾期\\d+天限期办结逾期诉求并回访$`),
    );
    expect(view.consoleErrors).toEqual([]);
    await view.context.close();
  });
});
