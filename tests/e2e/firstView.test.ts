/**
 * The dashboard's first view carried by the page itself (issue #23), on the fixture city: a
 * signed-out visitor's page carries nothing, a signed-in person's exactly what the API gives that
 * person, the map draws without asking the API first, and the carried answers serve offline too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { FIRST_VIEW_ELEMENT_ID, type FirstViewPayload } from '../../shared/firstView.ts';
import { openOfflinePage, signIn, useFixtureServer } from '../support/browser.ts';

const env = useFixtureServer();

/** What the dashboard's first view needs (shared/firstView.ts). */
const FIRST_VIEW_CALL = /^(auth\.me|system\.info|geography\.townships|map\.view|metrics\.report)$/;

/** A full page load, as the browser asks for it (the server carries answers only then). */
async function pageHtml(cookie?: string): Promise<string> {
  const response = await fetch(`${env.server.url}/`, {
    headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
  });
  expect(response.headers.get('content-security-policy'), 'the page keeps its CSP').toContain("script-src 'self'");
  return response.text();
}

function payloadOf(html: string): FirstViewPayload | null {
  const match = html.match(
    new RegExp(`<script type="application/json" id="${FIRST_VIEW_ELEMENT_ID}">([^<]*)</script>`),
  );
  return match ? (JSON.parse(match[1]!) as FirstViewPayload) : null;
}

async function sessionCookie(role: string): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const response = await fetch(`${env.server.url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: env.server.url },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  expect(response.status, `${role} signs in`).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

/** The compounds the dashboard says it has, once the map has drawn them all. */
async function waitDrawn(page: Page): Promise<number> {
  await page.waitForSelector('[data-testid="compound-count"][data-ready="true"]', { state: 'attached' });
  const count = Number(await page.getByTestId('compound-count').textContent());
  await page.waitForSelector(`[data-testid="map"][data-drawn~="compounds:${count}"]`, { state: 'attached' });
  return count;
}

describe('the first view in the page', () => {
  it('carries nothing for a signed-out visitor, and for township staff exactly what the API gives them', async () => {
    expect(payloadOf(await pageHtml()), 'no data for nobody signed in').toBeNull();
    const cookie = await sessionCookie('township_staff');
    const payload = payloadOf(await pageHtml(cookie));
    expect(payload?.answers.map((a) => a.path)).toEqual([
      'auth.me',
      'system.info',
      'geography.townships',
      'map.view',
      'metrics.report',
    ]);
    for (const answer of payload!.answers) {
      const input = answer.input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(answer.input))}`;
      const response = await fetch(`${env.server.url}/api/trpc/${answer.path}${input}`, { headers: { cookie } });
      const body = (await response.json()) as { result: { data: unknown } };
      expect(answer.data, `${answer.path} as the API answers the same person`).toEqual(body.result.data);
    }
    expect(payload!.answers[0]!.data).toMatchObject({ role: 'township_staff' });
  });

  it('draws the map without asking the API first, and again offline from the answers it carried', async () => {
    const { page, context, consoleErrors } = await openOfflinePage(env.browser, 1280, 800);
    // Signed in on a page other than the map: the map's answers come only from the page itself.
    await signIn(
      page,
      env.server.url,
      DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!,
      '/compare',
    );
    await page.goto(`${env.server.url}/`);
    const count = await waitDrawn(page);
    expect(count).toBeGreaterThan(0);
    const asked = await page.evaluate(() => {
      const drawn = performance
        .getEntriesByName('onemap:drawn')
        .find((m) => /\bcompounds:\d+/.test(String((m as PerformanceMark).detail)));
      return performance
        .getEntriesByType('resource')
        .filter(
          (e) => e.startTime < (drawn?.startTime ?? Infinity) && new URL(e.name).pathname.startsWith('/api/trpc/'),
        )
        .map((e) => new URL(e.name).pathname.slice('/api/trpc/'.length));
    });
    // The goal is at most two round trips before the map has drawn; the page carries what the
    // first view needs, so none of those is asked (the top bar's inbox count goes its own way).
    expect(asked.length, `API requests before the map drew every compound: ${asked.join(' · ')}`).toBeLessThanOrEqual(
      2,
    );
    const firstViewCalls = asked.flatMap((batch) => batch.split(',')).filter((call) => FIRST_VIEW_CALL.test(call));
    expect(firstViewCalls, 'the first view asked nothing of its own').toEqual([]);

    // The service worker keeps each carried answer a moment after the page opened.
    const keptCalls = () =>
      page.evaluate(
        async () =>
          (await (await caches.open('onemap-data-v1')).keys()).filter((r) => r.url.includes('onemap-call=')).length,
      );
    await expect.poll(keptCalls, { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    await context.setOffline(true);
    await page.reload();
    expect(await waitDrawn(page), 'the same compounds offline').toBe(count);
    await expect
      .poll(() => page.getByTestId('offline-banner').textContent(), { timeout: 20_000 })
      .toMatch(/^离线：显示的是 \d{2}:\d{2} 的数据$/);
    await context.setOffline(false);
    expect(consoleErrors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await context.close();
  });
});
