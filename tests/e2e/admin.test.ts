/** The ledger upload page in Chromium: every problem shown, a dry run, then the import; the 演示数据 badge goes. */
import { describe, expect, it } from 'vitest';
import * as schema from '../../data/schema/index.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { artifactPath, useFixtureServer, openOfflinePage, signIn } from '../support/browser.ts';
import { goodRows, ledgerCsv } from '../support/ledgers.ts';

describe('the ledger upload page', () => {
  const env = useFixtureServer();

  it('shows every problem, then a clean dry run, then imports over the demonstration', async () => {
    const view = await openOfflinePage(env.browser, 1600, 900);
    const { page } = view;
    await signIn(page, env.server.url, DEMO_ACCOUNTS.find((a) => a.role === 'admin')!, '/admin');
    await page.waitForSelector('[data-testid="demo-badge"]', { timeout: 30_000 });

    const rows = goodRows(8);
    const bad = rows.map((r, i) => (i === 2 ? { ...r, 户数: '一百' } : i === 5 ? { ...r, 小区类型: '别墅', 纳入台账日期: '2024-02-30' } : r));
    await page.getByTestId('ledger-file').setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(ledgerCsv(bad)) });
    await page.getByTestId('ledger-import').getByRole('checkbox').check();
    await page.getByTestId('dry-run').click();
    const problems = page.getByTestId('ledger-problems').locator('tbody tr');
    await expect.poll(() => problems.count(), { timeout: 30_000 }).toBe(3);
    expect(await problems.first().textContent()).toContain('户数');
    expect(await page.getByTestId('import').isDisabled()).toBe(true);
    await page.screenshot({ path: artifactPath('admin-problems.png') });

    await page.getByTestId('ledger-file').setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(ledgerCsv(rows)) });
    await page.getByTestId('dry-run').click();
    const changes = page.getByTestId('ledger-changes').locator('tbody tr');
    await expect.poll(() => changes.count(), { timeout: 30_000 }).toBe(8);
    expect((await env.database.db.select().from(schema.compounds)).length).toBe(347);
    await page.getByTestId('import').click();
    await expect.poll(() => page.getByTestId('ledger-report').locator('h3').textContent(), { timeout: 60_000 }).toContain('已导入');
    await expect.poll(() => page.locator('[data-testid="demo-badge"]').count(), { timeout: 30_000 }).toBe(0);
    expect((await env.database.db.select().from(schema.compounds)).length).toBe(8);
    await page.screenshot({ path: artifactPath('admin-imported.png') });
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  }, 240_000);
});
