/**
 * The ledger upload on /admin read in English (issue 21): the problems of a dry run — their
 * columns and reasons — and the changes of a clean one come from the server in English, and the
 * panel's own labels and punctuation are English; nothing is imported. Chinese is left only in
 * what the ledger itself holds: the values quoted, the names, and the Chinese column headers.
 */
import { describe, expect, it } from 'vitest';
import { TOWNSHIPS } from '../../data/geography/jinjiang.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { artifactPath, openOfflinePage, signIn, useFixtureServer } from '../support/browser.ts';
import { chineseOutsideData, visibleTexts } from '../support/languageCheck.ts';
import { goodRows, ledgerCsv } from '../support/ledgers.ts';

describe('the ledger upload in English', () => {
  const env = useFixtureServer();

  it('shows the problems and the changes of a dry run in English', async () => {
    const view = await openOfflinePage(env.browser, 1600, 900);
    const { page } = view;
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    await page.goto(`${env.server.url}/login?lang=en`);
    await page.getByTestId('login-submit').waitFor();
    await signIn(page, env.server.url, admin, '/admin');
    await page.waitForSelector('[data-testid="ledger-import"]', { timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    const rows = goodRows(8);
    const bad = rows.map((r, i) =>
      i === 2 ? { ...r, 户数: '一百' } : i === 5 ? { ...r, 小区类型: '别墅', 纳入台账日期: '2024-02-30' } : r,
    );
    const cells = rows.flatMap((r) => Object.values(r)).filter((v): v is string => typeof v === 'string');
    const data = [...cells, ...TOWNSHIPS.map((t) => t.name), '晋江市'];
    /** The report's texts with a Chinese character outside the quoted values and the data. */
    const leaks = async () => {
      const texts = (await visibleTexts(page))
        .filter((t) => t.where.startsWith('ledger-') || t.where.startsWith('deletion-'))
        .map((t) => ({ ...t, text: t.text.replace(/"[^"]*"/g, '""') }));
      expect(texts.length, 'the report is read').toBeGreaterThan(20);
      return chineseOutsideData(texts, data).map((t) => `${t.where}: ${t.text}`);
    };

    const upload = (csv: string) =>
      page
        .getByTestId('ledger-file')
        .setInputFiles({ name: 'ledger.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await upload(ledgerCsv(bad));
    await page.getByTestId('ledger-import').getByRole('checkbox').check();
    await page.getByTestId('dry-run').click();
    const problems = page.getByTestId('ledger-problems').locator('tbody tr');
    await expect.poll(() => problems.count(), { timeout: 30_000 }).toBe(3);
    expect(await problems.first().locator('td').allTextContents()).toEqual([
      '4',
      '"户数" (households)',
      'should be a whole number, not "一百"',
    ]);
    expect(await leaks()).toEqual([]);
    await page.screenshot({ path: artifactPath('ledger-problems-en.png') });

    await upload(ledgerCsv(rows));
    await page.getByTestId('dry-run').click();
    const changes = page.getByTestId('ledger-changes').locator('tbody tr');
    await expect.poll(() => changes.count(), { timeout: 30_000 }).toBe(8);
    expect(await leaks()).toEqual([]);
    expect(view.consoleErrors).toEqual([]);
    await view.context.close();
  }, 240_000);
});
