/**
 * Debian's Chromium driven by playwright-core, with every request that leaves localhost
 * blocked (the product must work with no internet) and console errors collected.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { openFixtureDatabase, type TestDatabase } from './databases.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import type { Role } from '../../server/services/auth/roles.ts';
import { launchChromium } from '../../server/services/review/chromium.ts';
import { clientBuildIsStale } from '../../server/cli/commands/serve.ts';

export const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

export function ensureClientBuilt(): void {
  if (clientBuildIsStale())
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
}

/** The same launch the product uses to print PDFs (flags required on these machines). */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export interface OfflinePage {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  blockedRequests: string[];
}

/** A phone as township staff hold it: touch, a mobile user agent (政务微信's browser on Android), 3× pixels. */
const PHONE = {
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36 wxwork/4.1.30',
};

export async function openOfflinePage(
  browser: Browser,
  width: number,
  height: number,
  options: { phone?: boolean } = {},
): Promise<OfflinePage> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(options.phone ? PHONE : {}),
  });
  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['127.0.0.1', 'localhost'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:')
      return route.continue();
    blockedRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  // Fail in seconds with a message rather than at the test's timeout.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return { context, page, consoleErrors, blockedRequests };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** Signs in through the real /login page and waits until the app has gone on to `next`. */
export async function signIn(
  page: Page,
  baseUrl: string,
  account: { username: string; password: string },
  next = '/',
): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId('login-username').fill(account.username);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  // Attached, not visible: on a phone the person's menu is folded behind the menu button.
  await page.waitForSelector('[data-testid="user-menu"]', { state: 'attached', timeout: 30_000 });
  const path = next.split('?')[0]!;
  await page.waitForURL((url) => url.pathname === path, { timeout: 30_000 });
}

/** An offline page signed in as the demo account of `role`, left on `next` (a light page by default). */
export async function openSignedInPage(
  browser: Browser,
  baseUrl: string,
  width: number,
  height: number,
  role: Role = 'analyst',
  next = '/compare',
): Promise<OfflinePage> {
  const view = await openOfflinePage(browser, width, height);
  await signIn(
    view.page,
    baseUrl,
    DEMO_ACCOUNTS.find((a) => a.role === role)!,
    next,
  );
  return view;
}

export interface FixtureServer {
  database: TestDatabase;
  server: RunningServer;
  browser: Browser;
}

/**
 * For one e2e test file: its own copy of the fixture city on PGlite behind a real server on a
 * free port, and a Chromium; all closed after the file. Read the fields inside tests (they are set
 * in beforeAll).
 */
export function useFixtureServer(): FixtureServer {
  const env = {} as FixtureServer;
  beforeAll(async () => {
    ensureClientBuilt();
    env.database = await openFixtureDatabase('pglite');
    env.server = await startServer({ database: env.database, port: 0 });
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
    await env.database?.dispose();
  });
  return env;
}
