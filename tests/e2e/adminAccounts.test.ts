/**
 * An administrator's accounts, wall screens and backups on /admin, in Chromium: a township staff
 * account made in the page signs in, must change its one-time password, then reaches its
 * township's page; a wall token is shown once (address and QR code), opens the wall, and once
 * revoked stops that wall with a Chinese line; a backup downloaded from the page restores with
 * `onemap restore` into an empty data directory with an identical compound export.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { compoundStatusAsOf } from '../../server/services/compounds/compoundStatus.ts';
import { compoundsToCsv } from '../../server/services/compounds/exportCompounds.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { artifactPath, openOfflinePage, signIn, useFixtureServer } from '../support/browser.ts';
import { runCli } from '../support/cli.ts';

const ADMIN = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;

describe('accounts, wall tokens and backups on /admin', () => {
  const env = useFixtureServer();

  it('makes a township staff account that signs in, changes its one-time password, then reaches its township', async () => {
    const admin = await openOfflinePage(env.browser, 1600, 900);
    await signIn(admin.page, env.server.url, ADMIN, '/admin');
    const form = admin.page.getByTestId('new-account');
    await admin.page.getByTestId('new-account-username').fill('li.na');
    await admin.page.getByTestId('new-account-name').fill('李娜');
    await admin.page.getByTestId('new-account-role').selectOption('township_staff');
    // Without a township the server refuses, in Chinese, and nothing is made.
    await admin.page.getByTestId('new-account-submit').click();
    await expect
      .poll(() => admin.page.getByTestId('new-account-error').textContent())
      .toContain('镇街工作人员须指定所属镇街');
    const township = admin.page.getByTestId('new-account-township');
    const code = await township.locator('option').nth(1).getAttribute('value');
    const townshipName = (await township.locator('option').nth(1).textContent())!;
    await township.selectOption(code!);
    await admin.page.getByTestId('new-account-submit').click();
    const oneTime = (await form.getByTestId('one-time-password-value').textContent())!;
    expect(oneTime).toMatch(/^\S{14}$/);
    const row = admin.page.locator('[data-testid="account-row"][data-username="li.na"]');
    expect(await row.textContent()).toContain(townshipName);
    expect(await row.getByTestId('account-state').textContent()).toContain('须修改密码');
    await admin.page.screenshot({ path: artifactPath('admin-account-created.png') });

    const staff = await openOfflinePage(env.browser, 1280, 800);
    await signIn(staff.page, env.server.url, { username: 'li.na', password: oneTime }, `/township/${code}`);
    await staff.page.waitForSelector('[data-testid="change-password-required"]');
    expect(await staff.page.getByTestId('township-page').count()).toBe(0);
    await staff.page.getByTestId('old-password').fill(oneTime);
    await staff.page.getByTestId('new-password').fill('Li#Na-Township-2026');
    await staff.page.getByTestId('repeat-password').fill('Li#Na-Township-2026');
    await staff.page.getByTestId('change-password-submit').click();
    await staff.page.waitForSelector('[data-testid="township-page"]', { timeout: 30_000 });
    expect(new URL(staff.page.url()).pathname).toBe(`/township/${code}`);
    expect(staff.consoleErrors, JSON.stringify(staff.consoleErrors)).toEqual([]);
    // The one refusal asked for above (no township) is the only failed request.
    expect(admin.consoleErrors).toEqual([expect.stringContaining('status of 400')]);
    expect(admin.blockedRequests).toEqual([]);
    await staff.context.close();
    await admin.context.close();
  }, 240_000);

  it('shows a wall token once with its address and QR code; revoking it stops the wall with a Chinese line', async () => {
    const admin = await openOfflinePage(env.browser, 1600, 900);
    await signIn(admin.page, env.server.url, ADMIN, '/admin');
    await admin.page.getByTestId('token-name').fill('大厅LED');
    await admin.page.getByTestId('token-create').click();
    const address = (await admin.page.getByTestId('token-address-value').textContent())!;
    expect(address).toMatch(new RegExp(`^${env.server.url}/wall\\?token=[A-Za-z0-9_-]{43}$`));
    const qr = admin.page.getByTestId('token-qr');
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await admin.page.getByTestId('token-address').scrollIntoViewIfNeeded();
    await admin.page.screenshot({ path: artifactPath('admin-token-created.png') });
    // Shown once: gone after 完成, and the list holds no address.
    await admin.page.getByTestId('token-address-done').click();
    expect(await admin.page.getByTestId('token-address').count()).toBe(0);
    expect(await admin.page.getByTestId('display-tokens').textContent()).not.toContain(address.split('=')[1]);

    const wall = await openOfflinePage(env.browser, 1920, 1080);
    await wall.page.goto(address);
    await wall.page.waitForSelector('[data-testid="wall"][data-ready="true"]', { timeout: 60_000 });
    await admin.page.reload();
    const token = admin.page.locator('[data-testid="token-row"]', { hasText: '大厅LED' });
    await expect.poll(() => token.getAttribute('data-state')).toBe('valid');
    expect(await token.textContent()).not.toContain('尚未使用');

    admin.page.once('dialog', (dialog) => void dialog.accept());
    await token.getByTestId('token-revoke').click();
    await expect.poll(() => token.getAttribute('data-state')).toBe('revoked');
    // The wall's live stream rechecks its token every 10 s.
    await wall.page.waitForSelector('[data-testid="wall-refused"]', { timeout: 40_000 });
    expect(await wall.page.getByTestId('wall-refused').textContent()).toContain('此大屏令牌已失效，请联系管理员');
    expect(await wall.page.getByTestId('wall').count()).toBe(0);
    await wall.page.screenshot({ path: artifactPath('wall-token-revoked.png') });
    // Reopened, it says so at once (and asks nobody to sign in).
    await wall.page.reload();
    await wall.page.waitForSelector('[data-testid="wall-bad-token"]', { timeout: 30_000 });
    expect(await wall.page.getByTestId('wall-bad-token').textContent()).toContain('此大屏令牌已失效，请联系管理员');
    expect(new URL(wall.page.url()).pathname).toBe('/wall');
    expect(admin.consoleErrors).toEqual([]);
    await wall.context.close();
    await admin.context.close();
  }, 240_000);

  it('downloads a backup that `onemap restore` puts into an empty data directory with an identical export', async () => {
    const admin = await openOfflinePage(env.browser, 1366, 768);
    await signIn(admin.page, env.server.url, ADMIN, '/admin');
    expect(await admin.page.getByTestId('restore-command').textContent()).toContain(
      'restore 备份文件.jsonl.gz --force',
    );
    const dir = await mkdtemp(join(tmpdir(), 'onemap-restore-'));
    try {
      const [download] = await Promise.all([
        admin.page.waitForEvent('download', { timeout: 60_000 }),
        admin.page.getByTestId('backup-download').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^onemap-\d{4}-\d{2}-\d{2}-\d{6}\.jsonl\.gz$/);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const dataDir = join(dir, 'db');
      const restored = await runCli(['restore', file], { ONEMAP_DATA_DIR: dataDir });
      expect(restored.stderr).toContain('已恢复');
      expect(restored.code).toBe(0);
      const asOf = todayInCity();
      const exported = await runCli(['export', 'compounds', '--format', 'csv', '--for-programs', '--as-of', asOf], {
        ONEMAP_DATA_DIR: dataDir,
      });
      expect(exported.code).toBe(0);
      const original = compoundsToCsv(await compoundStatusAsOf(env.database.db, asOf));
      expect(exported.stdout.length).toBeGreaterThan(10_000);
      expect(exported.stdout).toBe(original);
      expect(admin.consoleErrors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await admin.context.close();
    }
  }, 300_000);
});
