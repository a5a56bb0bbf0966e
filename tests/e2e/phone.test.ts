/**
 * Township staff on a phone (390×844, touch, a mobile browser): sign-in, their township page with
 * its forms and a compound's file fit the screen with no sideways scrolling; the top bar folds into
 * a menu; touch targets are at least 44 px; a compound is found by its pinyin initials and an issue
 * by "超期", overdue ones listed first.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { activeCity } from '../../server/services/city/activeCity.ts';
import { pinyinInitials } from '../../server/services/compounds/initials.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { isoWeekOf } from '../../shared/time/weeks.ts';
import { artifactPath, openOfflinePage, signIn, useFixtureServer } from '../support/browser.ts';
import { callerAs } from '../support/callers.ts';
import { hexToRgb, STATUS_COLOURS } from '../../shared/colours/judgement.ts';
import type { IndicatorStatus } from '../../shared/indicators/index.ts';

const PHONE = { width: 390, height: 844 };

/** Widths the person would have to scroll sideways to see: the document's and every scroller's but tables' cards. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      found.push(`document ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const box = el.getBoundingClientRect();
      // A visible element reaching past the screen's right edge (an element inside a card that scrolls is clipped by it).
      if (box.width > 0 && box.right > window.innerWidth + 1 && el.closest('.panel') === null)
        found.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(box.right)}`);
    }
    return found.slice(0, 5);
  });
}

/** Buttons, inputs and links of the element smaller than a fingertip (44 CSS px high). */
async function smallTouchTargets(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>('button, input:not([type=checkbox]):not([type=radio]), select, a')]
        .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < 44)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()} "${el.textContent?.trim() ?? ''}" ${el.getBoundingClientRect().height}px`,
        ),
    );
}

/** What the printed page shows, read under print media: hidden parts, colours, charts that spill out of their card. */
async function printedPage(page: Page) {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() => {
    const shown = (sel: string) =>
      [...document.querySelectorAll<HTMLElement>(sel)].filter((el) => getComputedStyle(el).display !== 'none').length;
    const spilling = [...document.querySelectorAll<SVGElement>('.panel svg.recharts-surface')].filter((svg) => {
      const card = svg.closest('.panel')!.getBoundingClientRect();
      const box = svg.getBoundingClientRect();
      return box.width === 0 || box.right > card.right + 1 || box.left < card.left - 1;
    }).length;
    const badges = [...document.querySelectorAll<HTMLElement>('.status')].map((el) => ({
      status: [...el.classList].find((c) => c.startsWith('status-'))!.slice('status-'.length),
      color: getComputedStyle(el).color,
    }));
    return {
      badges,
      background: getComputedStyle(document.body).backgroundColor,
      ink: getComputedStyle(document.querySelector('h2')!).color,
      topbar: shown('header.topbar'),
      forms: shown('form, .editing-panel'),
      buttons: shown('button:not(.entry-date)'),
      charts: document.querySelectorAll('.panel svg.recharts-surface').length,
      spilling,
    };
  });
}

describe('township staff on a phone and on paper', () => {
  const env = useFixtureServer();

  it('signs in, finds a compound and an overdue issue on the township page and opens a compound file, never scrolling sideways', async () => {
    const code = activeCity().demoStaffTownship;
    const staff = DEMO_ACCOUNTS.find((a) => a.role === 'township_staff')!;
    const records = await (await callerAs(env.database, 'township_staff')).editing.township({ code });
    const { page } = await openOfflinePage(env.browser, PHONE.width, PHONE.height, { phone: true });

    await page.goto(`${env.server.url}/login`);
    await page.getByTestId('login-username').waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await signIn(page, env.server.url, staff, `/township/${code}`);
    await page.waitForSelector('[data-testid="township-page"] [data-testid="lagging"]', { timeout: 30_000 });
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('phone-township-390x844.png') });

    // The top bar is one line; its links are behind the menu button.
    const navLink = page.getByTestId('nav-my-township');
    expect(await navLink.isVisible()).toBe(false);
    expect((await page.locator('header.topbar').boundingBox())!.height).toBeLessThanOrEqual(64);
    await page.getByTestId('menu-toggle').tap();
    expect(await navLink.isVisible()).toBe(true);
    expect(await smallTouchTargets(page, '#topbar-menu')).toEqual([]);
    await page.getByTestId('menu-toggle').tap();
    expect(await navLink.isVisible()).toBe(false);

    // The form is one column of fields a finger can hit.
    expect(await smallTouchTargets(page, '[data-testid="meeting-form"]')).toEqual([]);
    const fieldLefts = await page
      .locator('[data-testid="meeting-form"] .field')
      .evaluateAll((fields) => fields.map((f) => Math.round(f.getBoundingClientRect().left)));
    expect(new Set(fieldLefts).size).toBe(1);

    // Typing a compound's pinyin initials chooses it when they name only that compound.
    const unique = records.compounds.find(
      (c) => records.compounds.filter((o) => o.initials.includes(pinyinInitials(c.name))).length === 1,
    )!;
    await page.getByTestId('meeting-compound-filter').fill(pinyinInitials(unique.name));
    expect(await page.getByTestId('meeting-compound').inputValue()).toBe(unique.code);

    // Issues: "超期" leaves the overdue ones, and they head the unfiltered list too.
    const overdue = records.issues.filter((i) => i.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    await page.getByTestId('edit-tab-issue').tap();
    const options = page.getByTestId('issue-choice').locator('option:not([value=""])');
    const firstLabels = await options.evaluateAll((o, n) => o.slice(0, n).map((x) => x.textContent), overdue.length);
    expect(firstLabels.every((l) => l?.startsWith('【超期】'))).toBe(true);
    await page.getByTestId('issue-choice-filter').fill('超期');
    expect(await options.count()).toBe(overdue.length);
    expect(await sidewaysOverflow(page)).toEqual([]);

    // A compound's file from the phone.
    await page.goto(`${env.server.url}/compound/${unique.code}`);
    await page.getByRole('heading', { name: unique.name }).waitFor({ timeout: 30_000 });
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('phone-compound-390x844.png') });
  });

  it('prints the township page and a compound file as a handout: no bar, form or buttons, dark on white, charts inside their cards', async () => {
    const code = activeCity().demoStaffTownship;
    const staff = DEMO_ACCOUNTS.find((a) => a.role === 'township_staff')!;
    const { page } = await openOfflinePage(env.browser, 1280, 900);
    await signIn(page, env.server.url, staff, `/township/${code}`);
    await page.waitForSelector('[data-testid="township-page"] .recharts-surface', { timeout: 30_000 });
    const township = await printedPage(page);
    expect(township).toMatchObject({
      background: 'rgb(255, 255, 255)',
      ink: 'rgb(17, 17, 17)',
      topbar: 0,
      forms: 0,
      buttons: 0,
      spilling: 0,
    });
    expect(township.charts).toBe(5);
    // Verdicts in the colour language's print set: only a met goal is green on paper too.
    const metInk = `rgb(${hexToRgb(STATUS_COLOURS.met.print).join(', ')})`;
    expect(township.badges.length).toBe(5);
    for (const badge of township.badges) {
      const want = `rgb(${hexToRgb(STATUS_COLOURS[badge.status as IndicatorStatus].print).join(', ')})`;
      expect(badge.color, badge.status).toBe(want);
      if (badge.status !== 'met') expect(badge.color, badge.status).not.toBe(metInk);
    }
    // The week it shows is still printed (the picker's buttons are not: its label prints as text).
    const printedWeek = page.locator('.page-bar .week-picker-printed').first();
    expect(await printedWeek.isVisible()).toBe(true);
    expect(await printedWeek.textContent()).toMatch(/^第\d+周 · \d+月\d+日/);
    await page.pdf({ path: artifactPath('township-print-a4.pdf'), format: 'A4', printBackground: true });

    await page.emulateMedia({ media: 'screen' });
    const compound = (await (await callerAs(env.database, 'township_staff')).editing.township({ code })).compounds[0]!;
    await page.goto(`${env.server.url}/compound/${compound.code}`);
    await page.getByRole('heading', { name: compound.name }).waitFor({ timeout: 30_000 });
    const file = await printedPage(page);
    expect(file).toMatchObject({ background: 'rgb(255, 255, 255)', topbar: 0, forms: 0, buttons: 0 });
    // Each dated entry keeps its date (a button on screen, text on paper).
    expect(await page.locator('.timeline-entry .entry-date').first().isVisible()).toBe(true);
  });

  it('shows the week in progress, live: a meeting recorded today from the phone takes the compound off the lagging list at once', async () => {
    const code = activeCity().demoStaffTownship;
    const staff = DEMO_ACCOUNTS.find((a) => a.role === 'township_staff')!;
    const week = isoWeekOf(todayInCity());
    const before = await (await callerAs(env.database, 'township_staff')).review.township({ code, week });
    const target = before.lagging.find((c) => c.reasons.includes('noMeeting'));
    expect(target, 'the fixture township has a compound without a meeting in 30 days').toBeDefined();

    const { page } = await openOfflinePage(env.browser, PHONE.width, PHONE.height, { phone: true });
    await signIn(page, env.server.url, staff, `/township/${code}`);
    // The week in progress is offered (the default stays the last ended week, the review's).
    await page.getByTestId('review-week-open').tap();
    await page
      .getByTestId('review-week-calendar')
      .locator(`tr[data-week="${week}"] button:not([disabled])`)
      .first()
      .tap();
    await page.waitForSelector('[data-testid="week-life"][data-state="in-progress"]', { timeout: 30_000 });
    expect(await page.getByTestId('week-state').textContent()).toMatch(/^本周进行中，截至 /);
    const row = page.getByTestId('lagging').locator('tr', { hasText: target!.name });
    expect(await row.textContent()).toContain('30天内未召开四方联席会议');

    await page.getByTestId('meeting-compound').selectOption(target!.code);
    await page.getByTestId('meeting-attendees').fill('8');
    await page.getByTestId('meeting-topics').fill('楼道堆物清理');
    await page.getByTestId('meeting-submit').tap();
    await expect
      .poll(() => page.getByTestId('edit-saved').textContent(), { timeout: 15_000 })
      .toBe('已保存：四方联席会议');
    // Read again without leaving the page: the compound no longer lags for want of a meeting.
    await expect
      .poll(async () => ((await row.count()) === 0 ? '' : await row.textContent()), { timeout: 30_000 })
      .not.toContain('30天内未召开四方联席会议');
    expect(await page.getByTestId('review-week').getAttribute('data-week')).toBe(week);
  });
});
