/**
 * Township staff at work, in Chromium: signing in through /login, recording a 四方联席 meeting in
 * their own township through the form on its page, and seeing the page change with it.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { activeCity } from '../../server/services/city/activeCity.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { defaultReviewWeek, parseReviewWeek } from '../../server/services/review/reviewWeek.ts';
import { artifactPath, useFixtureServer, openOfflinePage, signIn } from '../support/browser.ts';
import { callerAs } from '../support/callers.ts';

describe('township staff editing their records', () => {
  const env = useFixtureServer();

  it('records a meeting in their township through the form and sees it on the township page', async () => {
    const week = defaultReviewWeek();
    const { asOf } = parseReviewWeek(week);
    const analyst = await callerAs(env.database, 'analyst');
    const before = await analyst.review.township({ code: activeCity().demoStaffTownship, week });
    // A compound lagging for want of a meeting, else any whose last meeting was before the week's end.
    const target =
      before.lagging.find((c) => c.reasons.includes('noMeeting')) ??
      (await compoundStatusAsOf(env.database.db, asOf, activeCity().demoStaffTownship)).find(
        (c) => c.lastMeetingDate !== null && c.lastMeetingDate < asOf,
      )!;

    const view = await openOfflinePage(env.browser, 1920, 1080);
    const { page } = view;
    await signIn(
      page,
      env.server.url,
      DEMO_ACCOUNTS.find((a) => a.role === 'township_staff')!,
      '/',
    );
    expect(await page.getByTestId('user-role').textContent()).toBe('镇街工作人员');
    await page.getByTestId('nav-my-township').click();
    await page.waitForSelector('[data-testid="township-page"] [data-testid="lagging"]', { timeout: 30_000 });
    expect(await page.locator('h2').first().textContent()).toBe(before.name);

    await page.getByTestId('meeting-compound').selectOption(target.code);
    await page.getByTestId('meeting-date').fill(asOf);
    await page.getByTestId('meeting-attendees').fill('9');
    await page.getByTestId('meeting-topics').fill('电动车充电桩选址');
    await page.getByTestId('meeting-submit').click();
    await expect
      .poll(() => page.getByTestId('edit-saved').textContent(), { timeout: 15_000 })
      .toBe('已保存：四方联席会议');

    // The page reads its week again: the compound's meeting is among this week's changes.
    const changes = page.locator('ul.changes li', { hasText: target.name });
    await expect
      .poll(() => changes.allTextContents(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining(`召开四方联席会议（${asOf}）`)]));
    const lagging = await page.getByTestId('lagging').locator('tr', { hasText: target.name }).allTextContents();
    expect(lagging.join('')).not.toContain('四方联席');
    await page.screenshot({ path: artifactPath('township-editing-1920x1080.png') });

    // Another township's page has no form for them.
    await page.goto(`${env.server.url}/township/350582101`);
    await page.waitForSelector('[data-testid="township-page"] [data-testid="lagging"]', { timeout: 30_000 });
    expect(await page.getByTestId('editing-panel').count()).toBe(0);
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  });
});
