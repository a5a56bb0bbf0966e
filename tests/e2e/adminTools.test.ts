/**
 * The administrator's tools on /admin in Chromium: a township's target changed (its effect shown
 * before saving) and its status on the dashboard follows; the black-list rule changed, previewed
 * beside the present board, then the review board after saving; and the page reads in Chinese —
 * no raw JSON, no English identifiers.
 */
import { describe, expect, it } from 'vitest';
import { metricsReport } from '../../server/services/metrics/metricsReport.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { INDICATOR_KEYS, UNITS, INDICATORS } from '../../shared/indicators/index.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { artifactPath, openOfflinePage, signIn, useFixtureServer } from '../support/browser.ts';

const ADMIN = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
/** Words of the code that must never reach the page: actions, tables, JSON. */
const IDENTIFIERS =
  /\b(insert|update|delete|forbidden|resident_issues|review_settings|targets|townshipCode|null)\b|\{"/;

describe('administrator tools', () => {
  const env = useFixtureServer();

  it("changes a township's target, sees the effect first, then the status on the dashboard", async () => {
    // A township and a rate indicator it does not meet today, as the engine sees it.
    const report = await metricsReport(env.database.db, { asOf: todayInCity() });
    const rates = INDICATOR_KEYS.filter((k) => INDICATORS[k].target === 'rate');
    const [township, indicator] = report.townships
      .flatMap((t) => rates.map((k) => [t, k] as const))
      .find(([t, k]) => t.indicators[k].status !== 'met' && (t.indicators[k].value ?? 0) > 0.2)!;
    const row = INDICATOR_KEYS.indexOf(indicator);

    const view = await openOfflinePage(env.browser, 1920, 1080);
    const { page } = view;
    await signIn(page, env.server.url, ADMIN, `/?township=${township.code}`);
    const badge = page.getByTestId('township-card').locator('tbody tr').nth(row).locator('[data-status]');
    await expect.poll(() => badge.getAttribute('data-status'), { timeout: 30_000 }).not.toBe('met');

    await page.goto(`${env.server.url}/admin`);
    const panel = page.getByTestId('targets');
    await panel.getByTestId('targets-indicator').selectOption(indicator);
    await panel
      .getByTestId('targets-applicable')
      .locator('tr', { hasText: township.name })
      .getByRole('button', { name: '设镇街目标' })
      .click();
    const editor = page.getByTestId('target-editor');
    expect(await editor.getByTestId('target-scope').inputValue()).toBe(township.code);
    // Half of today's value, in percent as the form takes it: met whatever the day shown.
    const goal = Math.floor(township.indicators[indicator].value! * 50);
    expect(UNITS[INDICATORS[indicator].target].symbol).toBe('%');
    await editor.getByTestId('target-value').fill(String(goal));
    await editor.getByTestId('target-deadline').fill('2027-06-30');
    const effect = editor.getByTestId('target-effects').locator('tr', { hasText: township.name });
    await expect.poll(() => effect.textContent(), { timeout: 30_000 }).toMatch(/→ 达标$/);
    expect(await effect.textContent()).toContain(`${goal.toFixed(1)}%`);
    await page.screenshot({ path: artifactPath('admin-target-effect.png') });
    await editor.getByTestId('target-save').click();
    await expect.poll(() => page.getByTestId('target-editor').count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => panel.getByTestId(`status-${township.code}`).textContent(), { timeout: 30_000 })
      .toBe('达标');

    await page.goto(`${env.server.url}/?township=${township.code}`);
    await expect.poll(() => badge.getAttribute('data-status'), { timeout: 30_000 }).toBe('met');
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  }, 240_000);

  it('changes the black-list rule: the preview beside the present board, then the review board', async () => {
    const view = await openOfflinePage(env.browser, 1366, 768);
    const { page } = view;
    await signIn(page, env.server.url, ADMIN, '/admin');
    const rules = page.getByTestId('review-rules');
    const present = rules.getByTestId('board-present').getByTestId('black-names');
    const proposed = rules.getByTestId('board-proposed').getByTestId('black-names');
    await expect.poll(() => present.textContent(), { timeout: 60_000 }).not.toBe('');
    const before = (await present.textContent())!.split('、');
    await rules.getByTestId('bottomN').fill('6');
    await expect
      .poll(async () => (await proposed.textContent())!.split('、').length, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(6);
    const after = (await proposed.textContent())!.split('、');
    for (const name of before) expect(after, 'the worst three stay on the list').toContain(name);
    expect((await present.textContent())!.split('、')).toEqual(before);
    expect(await rules.locator('tr.changed').count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('admin-rules-preview.png') });

    // The page says everything in Chinese: no raw JSON, no identifiers of the code.
    const text = await page.getByTestId('admin-page').innerText();
    expect(text).not.toMatch(IDENTIFIERS);

    await rules.getByTestId('save-rules').click();
    await expect.poll(() => rules.locator('.form-result.ok').count(), { timeout: 30_000 }).toBe(1);
    await page.goto(`${env.server.url}/review`);
    const black = page.locator('.list.blackList strong');
    await expect.poll(() => black.allTextContents(), { timeout: 60_000 }).toEqual(after);
    expect(view.consoleErrors).toEqual([]);
    await view.context.close();
  }, 240_000);
});
