/**
 * Every page in each language, as a reader sees it: in English no Chinese character outside
 * data (names of places, compounds, companies and people, and what people wrote — read from the
 * database), and `<html lang="en">`; in Chinese no Latin-only identifier ("pt", a table name, an
 * enum value like open/overdue, a camelCase or snake_case key, a bare ISO week) and
 * `<html lang="zh-CN">`. One sign-in per language; the wall's every scene with a display token.
 * Slow in software WebGL, so few page loads: each page once per language.
 */
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { createDisplayToken } from '../../server/services/auth/displayTokens.ts';
import { WALL_SCENES } from '../../client/src/features/wall/wallParams.ts';
import { artifactPath, openOfflinePage, signIn, useFixtureServer, type OfflinePage } from '../support/browser.ts';
import {
  chineseOutsideData,
  latinIdentifiers,
  schemaIdentifiers,
  visibleTexts,
  type SeenText,
} from '../support/languageCheck.ts';

/** What people and the ledger wrote: names and free text, shown as they are in either language. */
const DATA_TEXT = sql`
  select name as s from cities union all select name from townships union all select name from communities
  union all select name from compounds union all select address from compounds
  union all select name from property_companies union all select name from party_organisations
  union all select display_name from users union all select name from display_tokens
  union all select topics from meetings union all select summary from resident_issues
  union all select problem from supervision_items union all select task from supervision_items
  union all select issued_by_name from supervision_items union all select answer from supervision_items
  union all select answered_by_name from supervision_items union all select closed_by_name from supervision_items
  union all select returned_reason from supervision_items union all select actor_name from supervision_item_events
  union all select text from supervision_item_events union all select note from targets`;

interface Stop {
  path: string;
  /** Shown when the page has its data. */
  ready: string;
}

const TOWNSHIP = '350582103';

/** The wall's header at a size: its three parts neither overflow nor overlap, inside the screen. */
async function wallHeaderFits(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const box = (s) => { const e = document.querySelector(s); const b = e.getBoundingClientRect(); return { s, left: b.left, right: b.right, over: e.scrollWidth - e.clientWidth }; };
    const parts = ['.wall-brand', '.wall-scene-title', '.wall-status'].map(box);
    const header = box('.wall-header');
    const problems = parts.filter((p) => p.over > 1).map((p) => p.s + ' overflows by ' + p.over + 'px');
    for (let i = 1; i < parts.length; i++)
      if (parts[i].left < parts[i - 1].right - 1) problems.push(parts[i].s + ' overlaps ' + parts[i - 1].s);
    if (header.over > 1) problems.push('the header overflows by ' + header.over + 'px');
    return problems;
  })()`);
}

/** Rows of a raw query, on either driver (PGlite returns { rows }, postgres.js the array). */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

const STOPS = (compound: string): Stop[] => [
  { path: '/', ready: '[data-testid="compound-count"][data-ready="true"]' },
  { path: '/workbench', ready: '[data-testid="shown-count"][data-ready="true"]' },
  { path: '/review', ready: '[data-testid="week-life"]' },
  {
    path: `/township/${TOWNSHIP}`,
    ready: '[data-testid="township-page"] [data-testid="township-changes"], [data-testid="township-page"] table',
  },
  { path: '/compare?t=350582101,350582102,350582103', ready: '[data-testid="compare-table"]' },
  { path: '/supervision', ready: '[data-testid="supervision-page"]' },
  { path: compound, ready: '[data-testid="compound-state"]' },
  { path: '/admin', ready: '[data-testid="admin-page"]' },
];

/** The page's visible text once `ready` shows and nothing is loading. */
async function readPage(page: Page, stop: Stop): Promise<SeenText[]> {
  await page.waitForSelector(stop.ready, { state: 'attached', timeout: 60_000 });
  await page.waitForFunction(
    () => !document.body.innerText.includes('加载中') && !/Loading…/.test(document.body.innerText),
    null,
    {
      timeout: 30_000,
    },
  );
  return visibleTexts(page);
}

const show = (found: SeenText[]) => found.map((f) => `${f.where}: ${f.text}`).join('\n');

describe('language on every page', () => {
  const env = useFixtureServer();
  let data: string[];
  let compound: string;
  let token: string;

  beforeAll(async () => {
    // First the token, whose name (typed by a person) is data like the rest.
    token = (await createDisplayToken(env.database.db, null, '大厅LED')).token;
    data = rowsOf<{ s: string | null }>(await env.database.db.execute(DATA_TEXT)).flatMap((r) => (r.s ? [r.s] : []));
    const first = rowsOf<{ code: string }>(
      await env.database.db.execute(
        sql`select code from compounds where township_code = ${TOWNSHIP} order by code limit 1`,
      ),
    );
    compound = `/compound/${first[0]!.code}`;
  });

  async function visitAll(
    view: OfflinePage,
    lang: 'en' | 'zh-CN',
    check: (texts: SeenText[]) => SeenText[],
  ): Promise<Record<string, string>> {
    const { page } = view;
    const leaks: Record<string, string> = {};
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    await page.goto(`${env.server.url}/login?lang=${lang}`);
    await page.getByTestId('login-submit').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang), 'the login page says its language').toBe(lang);
    const login = check(await visibleTexts(page));
    if (login.length) leaks['/login'] = show(login);
    await signIn(page, env.server.url, admin, '/');
    for (const stop of STOPS(compound)) {
      if (stop.path !== '/') await page.goto(`${env.server.url}${stop.path}`);
      const found = check(await readPage(page, stop));
      if (found.length) leaks[stop.path] = show(found);
      expect(await page.evaluate(() => document.documentElement.lang), stop.path).toBe(lang);
      if (stop.path === '/' || stop.path === '/review')
        await page.screenshot({ path: artifactPath(`language-${lang}${stop.path.replace(/\//g, '-')}.png`) });
    }
    // The wall, with its display token: every scene of its round, stepped through with the arrow key.
    await page.goto(`${env.server.url}/wall?token=${token}&interval=600`);
    await page.waitForSelector('[data-testid="wall"][data-ready="true"]', { timeout: 60_000 });
    const round = await page.locator('[data-testid="wall-scene-indicator"] > span:not(.wall-dots-text)').count();
    expect(round, 'the wall has scenes').toBeGreaterThan(1);
    for (let i = 0; i < round; i++) {
      const scene = (await page.getByTestId('wall').getAttribute('data-scene'))!;
      expect(WALL_SCENES).toContain(scene);
      const found = check(await visibleTexts(page));
      if (found.length) leaks[`/wall ${scene}`] = show(found);
      if (i === 0) {
        // Every wall size, on the same page: the canvas follows the viewport.
        for (const [width, height] of [
          [3840, 1080],
          [5760, 1080],
          [3840, 2160],
          [1920, 1080],
        ] as const) {
          await page.setViewportSize({ width, height });
          await expect.poll(() => wallHeaderFits(page), { message: `the header at ${width}×${height}` }).toEqual([]);
          await page.screenshot({ path: artifactPath(`language-${lang}-wall-${width}x${height}.png`) });
        }
      }
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector(`[data-testid="wall"]:not([data-scene="${scene}"])`);
    }
    return leaks;
  }

  it('in English: no Chinese outside data, and <html lang="en">', async () => {
    const view = await openOfflinePage(env.browser, 1920, 1080);
    const leaks = await visitAll(view, 'en', (texts) => chineseOutsideData(texts, data));
    expect(leaks, 'Chinese text outside data, by page').toEqual({});
    expect(view.consoleErrors).toEqual([]);
    await view.context.close();
  }, 600_000);

  it('in Chinese: no Latin-only identifier, and <html lang="zh-CN">', async () => {
    const identifiers = schemaIdentifiers();
    const view = await openOfflinePage(env.browser, 1920, 1080);
    const leaks = await visitAll(view, 'zh-CN', (texts) => latinIdentifiers(texts, identifiers));
    expect(leaks, 'Latin-only identifiers in Chinese, by page').toEqual({});
    expect(view.consoleErrors).toEqual([]);
    await view.context.close();
  }, 600_000);
});
