/**
 * The product under its own Content-Security-Policy: the dashboard (maplibre's blob: workers,
 * deck.gl, the charts) and a wall screen load and draw their maps in Chromium without one
 * policy violation, and the built page has no inline script for the policy to allow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLIENT_DIST } from '../../server/http/server.ts';
import { createDisplayToken } from '../../server/services/auth/displayTokens.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { openOfflinePage, signIn, useFixtureServer, type OfflinePage } from '../support/browser.ts';

/** Opens an offline page that records every CSP violation the browser reports. */
async function watchedPage(
  env: ReturnType<typeof useFixtureServer>,
): Promise<OfflinePage & { violations: () => Promise<string[]> }> {
  const view = await openOfflinePage(env.browser, 1440, 900);
  // Init scripts come through the DevTools protocol, outside the page's policy.
  await view.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    ...view,
    violations: () => view.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

/** Pixels of the element that are a bright colour: drawn points and areas, not an empty canvas. */
async function colouredPixels(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).first().screenshot();
  return page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 60)
        coloured++;
    return coloured;
  }, png.toString('base64'));
}

describe('the Content-Security-Policy in the browser', () => {
  const env = useFixtureServer();

  it('leaves no inline script in the built page', () => {
    const html = readFileSync(join(CLIENT_DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes, 'every script is a file').toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('draws the dashboard map without a policy violation', { timeout: 120_000 }, async () => {
    const view = await watchedPage(env);
    try {
      const response = await view.page.goto(`${env.server.url}/login`);
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
      await signIn(
        view.page,
        env.server.url,
        DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!,
        '/',
      );
      await view.page.waitForSelector('[data-testid="compound-count"][data-ready="true"]', {
        state: 'attached',
        timeout: 60_000,
      });
      await expect
        .poll(() => colouredPixels(view.page, '[data-testid="map"]'), {
          timeout: 30_000,
          message: 'the map drew its compounds',
        })
        .toBeGreaterThan(500);
      expect(await view.violations()).toEqual([]);
      expect(view.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    } finally {
      await view.context.close();
    }
  });

  it('draws a wall screen without a policy violation', { timeout: 120_000 }, async () => {
    const { token } = await createDisplayToken(env.database.db, null, 'CSP 测试大屏');
    const view = await watchedPage(env);
    try {
      await view.page.goto(`${env.server.url}/wall?token=${token}&interval=600`);
      await view.page.waitForSelector('[data-testid="wall"][data-ready="true"]', { timeout: 60_000 });
      await expect
        .poll(() => colouredPixels(view.page, '[data-testid="wall-map"]'), {
          timeout: 30_000,
          message: 'the wall drew its map',
        })
        .toBeGreaterThan(500);
      expect(await view.violations()).toEqual([]);
      expect(view.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    } finally {
      await view.context.close();
    }
  });
});
