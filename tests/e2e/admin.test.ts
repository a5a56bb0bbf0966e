/**
 * The upload panels of /admin in Chromium. Boundaries (边界导入): a dry run lists the townships
 * matched, then the import. The ledger: every problem shown, a dry run that says first, in red,
 * what replacing the demonstration deletes, the import only once the city's name is typed; the
 * 演示数据 badge goes and the demo accounts are disabled. Files go as uploads (multipart/form-data).
 * Then a person whose password an administrator chose changes it before anything else.
 */
import { describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import * as schema from '../../data/schema/index.ts';
import { approximateTownshipBoundaries } from '../../server/services/geo/townshipBoundaries.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { addUser } from '../../server/services/auth/users.ts';
import { artifactPath, useFixtureServer, openOfflinePage, signIn } from '../support/browser.ts';
import { goodRows, ledgerCsv } from '../support/ledgers.ts';

describe('the ledger upload page', () => {
  const env = useFixtureServer();

  // A dry run only: the boundaries stay approximate for the test after it.
  it('reports a boundary dry run and refuses a bad file in English for a reader in English', async () => {
    const view = await openOfflinePage(env.browser, 1600, 900);
    const { page } = view;
    await page.goto(`${env.server.url}/login?lang=en`);
    await signIn(
      page,
      env.server.url,
      DEMO_ACCOUNTS.find((a) => a.role === 'admin')!,
      '/admin',
    );
    const townships = approximateTownshipBoundaries().features;
    const file = (name: string, json: unknown) => ({
      name,
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(json)),
    });
    const panel = page.getByTestId('boundary-import');
    await page.getByTestId('boundary-file').setInputFiles(
      file('towns.geojson', {
        type: 'FeatureCollection',
        features: [
          ...townships
            .slice(0, 2)
            .map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { CODE: f.properties.code } })),
          { type: 'Feature', geometry: townships[2]!.geometry, properties: { NAME: '火星' } },
        ],
      }),
    );
    await page.getByTestId('boundary-dry-run').click();
    const matched = page.getByTestId('boundary-matched').locator('tbody tr');
    await expect.poll(() => matched.count(), { timeout: 30_000 }).toBe(2);
    const report = (await page.getByTestId('boundary-report').textContent()) ?? '';
    expect(report).toContain('Dry run (nothing written)');
    expect(report).toContain('Skipped features (no township of the city): 1');
    expect(report).toContain('Feature 3: NAME: 火星');
    // Township names and the file's own values are data; every other word is English.
    const words = [...townships.map((f) => f.properties.name), '火星'].reduce(
      (text, name) => text.replaceAll(name, ''),
      report,
    );
    expect(words, 'no Chinese outside the data').not.toMatch(/[\u4e00-\u9fff（）：，]/);
    await page
      .getByTestId('boundary-report')
      .locator('details')
      .first()
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await page.screenshot({ path: artifactPath('admin-boundaries-report-en.png') });

    await page.getByTestId('boundary-file').setInputFiles(
      file('points.geojson', {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { CODE: townships[0]!.properties.code },
            geometry: { type: 'Point', coordinates: [118.6, 24.8] },
          },
        ],
      }),
    );
    await page.getByTestId('boundary-dry-run').click();
    await expect
      .poll(() => panel.getByRole('alert').textContent(), { timeout: 30_000 })
      .toBe('Feature 1 is a Point: a township boundary is a Polygon or MultiPolygon');
    await page.screenshot({ path: artifactPath('admin-boundaries-refused-en.png') });
    // The refusal's 400 is the one error the browser notes.
    expect(view.consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  }, 240_000);

  // Before the ledger: the ledger test replaces the demonstration (and its accounts may go with it).
  it('checks official boundaries in a dry run, then imports them', async () => {
    const view = await openOfflinePage(env.browser, 1600, 900);
    const { page } = view;
    await signIn(
      page,
      env.server.url,
      DEMO_ACCOUNTS.find((a) => a.role === 'admin')!,
      '/admin',
    );
    const chosen = approximateTownshipBoundaries().features.slice(0, 3);
    const geojson = {
      type: 'FeatureCollection',
      features: chosen.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { 名称: f.properties.name } })),
    };
    const panel = page.getByTestId('boundary-import');
    await page.getByTestId('boundary-file').setInputFiles({
      name: '镇街边界.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(geojson)),
    });
    await page.getByTestId('boundary-dry-run').click();
    const matched = page.getByTestId('boundary-matched').locator('tbody tr');
    await expect.poll(() => matched.count(), { timeout: 30_000 }).toBe(3);
    expect(await matched.first().textContent()).toContain(chosen[0]!.properties.name);
    expect(await panel.locator('h3').nth(1).textContent()).toContain('试运行');
    // The map of old and new outlines: the three townships of the file drawn anew.
    expect(await panel.getByTestId('boundary-preview').locator('path.outline-after').count()).toBe(3);
    const sources = async () =>
      (
        await env.database.db
          .select()
          .from(schema.townships)
          .where(
            inArray(
              schema.townships.code,
              chosen.map((f) => f.properties.code),
            ),
          )
      ).map((t) => t.boundarySource);
    expect(await sources()).toEqual(['approximate', 'approximate', 'approximate']);
    await page.getByTestId('boundary-import-button').click();
    await expect
      .poll(() => page.getByTestId('boundary-report').locator('h3').textContent(), { timeout: 30_000 })
      .toContain('已导入');
    expect(await sources()).toEqual(['official', 'official', 'official']);
    await page.screenshot({ path: artifactPath('admin-boundaries.png') });
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  }, 240_000);

  it('shows every problem, then a clean dry run, then imports over the demonstration', async () => {
    const view = await openOfflinePage(env.browser, 1600, 900);
    const { page } = view;
    // A real administrator imports: the demo accounts go with the demonstration.
    const administrator = { username: 'ledger.admin', password: 'Ledger#Admin-2025' };
    await addUser(
      env.database.db,
      null,
      { ...administrator, displayName: '台账管理员', role: 'admin' },
      { mustChangePassword: false },
    );
    await signIn(page, env.server.url, administrator, '/admin');
    await page.waitForSelector('[data-testid="demo-badge"]', { timeout: 30_000 });

    const rows = goodRows(8);
    const bad = rows.map((r, i) =>
      i === 2 ? { ...r, 户数: '一百' } : i === 5 ? { ...r, 小区类型: '别墅', 纳入台账日期: '2024-02-30' } : r,
    );
    await page
      .getByTestId('ledger-file')
      .setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(ledgerCsv(bad)) });
    await page.getByTestId('ledger-import').getByRole('checkbox').check();
    await page.getByTestId('dry-run').click();
    const problems = page.getByTestId('ledger-problems').locator('tbody tr');
    await expect.poll(() => problems.count(), { timeout: 30_000 }).toBe(3);
    expect(await problems.first().textContent()).toContain('户数');
    expect(await page.getByTestId('import').isDisabled()).toBe(true);
    await page.screenshot({ path: artifactPath('admin-problems.png') });

    await page
      .getByTestId('ledger-file')
      .setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(ledgerCsv(rows)) });
    await page.getByTestId('dry-run').click();
    const changes = page.getByTestId('ledger-changes').locator('tbody tr');
    await expect.poll(() => changes.count(), { timeout: 30_000 }).toBe(8);
    expect((await env.database.db.select().from(schema.compounds)).length).toBe(347);
    // Before anything else, in red: what the import deletes; it waits for the city's name typed.
    expect(await page.getByTestId('deletion-warning').locator('strong').textContent()).toBe(
      '将删除全部 347 个演示小区及其全部历史记录',
    );
    expect(await page.getByTestId('import').isDisabled()).toBe(true);
    await page.getByTestId('confirm-city').fill('晋江');
    expect(await page.getByTestId('import').isDisabled()).toBe(true);
    await page.getByTestId('confirm-city').fill('晋江市');
    expect(await page.getByTestId('import').isDisabled()).toBe(false);
    expect((await env.database.db.select().from(schema.compounds)).length, 'nothing deleted before the click').toBe(
      347,
    );
    await page.screenshot({ path: artifactPath('admin-confirm-import.png') });
    await page.getByTestId('import').click();
    await expect
      .poll(() => page.getByTestId('ledger-report').locator('h3').textContent(), { timeout: 60_000 })
      .toContain('已导入');
    await expect.poll(() => page.locator('[data-testid="demo-badge"]').count(), { timeout: 30_000 }).toBe(0);
    expect((await env.database.db.select().from(schema.compounds)).length).toBe(8);
    const demo = await env.database.db
      .select({ disabled: schema.users.disabled })
      .from(schema.users)
      .where(
        inArray(
          schema.users.username,
          DEMO_ACCOUNTS.map((a) => a.username),
        ),
      );
    expect(demo.map((a) => a.disabled)).toEqual(DEMO_ACCOUNTS.map(() => true));
    await page.screenshot({ path: artifactPath('admin-imported.png') });
    expect(view.consoleErrors).toEqual([]);
    expect(view.blockedRequests).toEqual([]);
    await view.context.close();
  }, 240_000);

  it('shows only the change-password form to a person whose password an administrator chose, then goes on', async () => {
    const view = await openOfflinePage(env.browser, 1280, 800);
    const { page } = view;
    await addUser(env.database.db, null, {
      username: 'new.analyst',
      displayName: '新分析员',
      role: 'analyst',
      password: 'Chosen#By-Admin-1',
    });
    await signIn(page, env.server.url, { username: 'new.analyst', password: 'Chosen#By-Admin-1' }, '/compare');
    await page.waitForSelector('[data-testid="change-password-required"]', { timeout: 30_000 });
    expect(await page.getByTestId('compare-page').count()).toBe(0);
    await page.getByTestId('old-password').fill('Chosen#By-Admin-1');
    await page.getByTestId('new-password').fill('Admin@123456');
    await page.getByTestId('repeat-password').fill('Admin@123456');
    await page.getByTestId('change-password-submit').click();
    await expect
      .poll(() => page.getByTestId('change-password-error').textContent(), { timeout: 30_000 })
      .toBe('密码过于常见，请换一个');
    await page.getByTestId('new-password').fill('Own#Choice-River-8');
    await page.getByTestId('repeat-password').fill('Own#Choice-River-8');
    await page.getByTestId('change-password-submit').click();
    await page.waitForSelector('[data-testid="compare-page"]', { timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/compare');
    await page.screenshot({ path: artifactPath('password-changed.png') });
    await view.context.close();
  }, 240_000);
});
