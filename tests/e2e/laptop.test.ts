/**
 * The analyst's pages on a laptop (1366×768) and a projector (1280×720), in Chromium on the
 * fixture city: the workbench shows a dozen rows and more with no header cut short, its map is
 * tall enough for the whole city, five polygon clicks all become vertices (two of them on the
 * drawing hint, which once swallowed them), a folded panel stays folded after a reload; on every
 * other page no table header is cut and no cell hides its text without a tooltip, and the top
 * bar holds one line; in English no header word is split at a letter.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { JINJIANG } from '../../data/cities/jinjiang.ts';
import { parseSelection } from '../../shared/workbench/spatialSelection.ts';
import { artifactPath, openSignedInPage, useFixtureServer } from '../support/browser.ts';
import { stillScreenshot, waitForMapDrawn } from '../support/settle.ts';

const TOWNSHIP = '350582103'; // 陈埭镇

async function workbenchReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="shown-count"][data-ready="true"]', { state: 'attached', timeout: 60_000 });
  await page.waitForSelector('[data-testid="compound-table"] tr[data-code]');
}

/**
 * Table cells a reader cannot read whole: a header whose text overflows its cell (cut, tooltip or
 * not), a body cell whose text overflows with no title to show it on hover. Only cells on screen.
 */
function cutCells(page: Page) {
  return page.evaluate(() => {
    const overflows = (cell: Element) =>
      [cell, ...cell.querySelectorAll('*')].some((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1);
    const titled = (cell: Element) => [cell, ...cell.querySelectorAll('[title]')].some((e) => e.getAttribute('title'));
    const cut: string[] = [];
    for (const cell of document.querySelectorAll('th, td')) {
      if (cell.getClientRects().length === 0) continue;
      const label = `${cell.tagName.toLowerCase()} “${(cell.textContent ?? '').trim().slice(0, 20)}”`;
      if (cell.tagName === 'TH' ? overflows(cell) : overflows(cell) && !titled(cell)) cut.push(label);
    }
    return cut;
  });
}

/** The top bar's links and buttons each on one line (a word broken in two reads as two items). */
function brokenTopBarItems(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.topbar a, .topbar button, .topbar h1')]
      .filter((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        const tops = [...range.getClientRects()].map((r) => r.top);
        // Text of one item on two lines: line boxes a line apart (mixed font sizes on one line differ by a few pixels).
        return tops.length > 0 && Math.max(...tops) - Math.min(...tops) > 12;
      })
      .map((e) => (e.textContent ?? '').trim()),
  );
}

/**
 * Header words split across two lines at a letter ("Townshi|p"): each piece of a word between its
 * soft hyphens must sit on one line; a break at a soft hyphen (shown as "Town-|ship") is English.
 */
function brokenHeaderWords(page: Page) {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const th of document.querySelectorAll('th')) {
      if (th.getClientRects().length === 0) continue;
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const piece of text.matchAll(/[^\s\u00ad]+/g)) {
          // Letter by letter, each letter's own box: a letter after a soft hyphen's break also
          // reports the hyphen drawn at the end of the line before.
          const tops = [...piece[0]].map((_, i) => {
            const range = document.createRange();
            range.setStart(node, piece.index + i);
            range.setEnd(node, piece.index + i + 1);
            const boxes = range.getClientRects();
            return Math.round(boxes[boxes.length - 1]!.top);
          });
          if (new Set(tops).size > 1) broken.push(text.replaceAll('\u00ad', ''));
        }
      }
    }
    return broken;
  });
}

/** Rows of the compound table wholly inside its scroll box. */
function rowsInView(page: Page) {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="compound-table"] .table-scroll')!;
    const head = box.querySelector('thead')!.getBoundingClientRect();
    const { bottom } = box.getBoundingClientRect();
    return [...box.querySelectorAll('tbody tr')].filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.top >= head.bottom - 1 && r.bottom <= bottom + 1;
    }).length;
  });
}

describe('laptop and projector screens', () => {
  const env = useFixtureServer();

  it('at 1366×768 the workbench shows at least 12 rows, no header cut, and a map tall enough for the city', async () => {
    const { context, page } = await openSignedInPage(env.browser, env.server.url, 1366, 768, 'analyst', '/workbench');
    try {
      await workbenchReady(page);
      expect(await rowsInView(page), 'rows wholly in view').toBeGreaterThanOrEqual(12);
      expect(await cutCells(page)).toEqual([]);
      expect(await brokenTopBarItems(page)).toEqual([]);
      // Jinjiang is taller than wide: a map strip a third as high as it is wide left it a quarter of the view.
      const map = (await page.getByTestId('map').boundingBox())!;
      expect(map.height, 'the map takes the height beside the table').toBeGreaterThan(550);
      expect(map.width).toBeGreaterThan(330);
      await waitForMapDrawn(page);
      await stillScreenshot(page, { path: artifactPath('laptop-workbench-1366x768.png') });
      // In English the headers are longer words: still none cut, none split at a letter.
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.waitForFunction(() => document.querySelector('.compound-table th')?.textContent === 'Compound');
      expect(await brokenHeaderWords(page)).toEqual([]);
      expect(await cutCells(page)).toEqual([]);
      expect(await rowsInView(page), 'rows wholly in view, in English').toBeGreaterThanOrEqual(12);
      await stillScreenshot(page, { path: artifactPath('laptop-workbench-1366x768-en.png') });
    } finally {
      await context.close();
    }
  });

  it('lands all five polygon clicks, two of them on the drawing hint', async () => {
    const { context, page } = await openSignedInPage(env.browser, env.server.url, 1366, 768, 'analyst', '/workbench');
    try {
      await workbenchReady(page);
      await waitForMapDrawn(page);
      await page.getByTestId('draw-polygon').click();
      const hint = (await page.getByTestId('draw-hint').boundingBox())!;
      const map = (await page.getByTestId('map').boundingBox())!;
      expect(hint.y + hint.height, 'the hint sits in the map’s top corner').toBeLessThan(map.y + 90);
      const clicks: [number, number][] = [
        [hint.x + hint.width * 0.3, hint.y + hint.height / 2],
        [hint.x + hint.width * 0.9, hint.y + hint.height / 2],
        [map.x + map.width * 0.85, map.y + map.height * 0.45],
        // Clear of the legend in the bottom-left corner, a panel of its own.
        [map.x + map.width * 0.8, map.y + map.height * 0.75],
        [map.x + map.width * 0.45, map.y + map.height * 0.55],
      ];
      for (const [i, [x, y]] of clicks.entries()) {
        await page.mouse.click(x, y);
        // Each click is taken before the next (the map draws the vertices so far), as in workbench.test.ts.
        await page.waitForFunction(
          (n) =>
            document
              .querySelector<HTMLElement>('[data-testid="map"]')
              ?.dataset.drawn?.split(' ')
              .includes(`selection-vertices:${n}`) ?? false,
          i + 1,
        );
      }
      await page.getByTestId('draw-finish').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('sel')).toMatch(/^poly:/);
      const selection = parseSelection(new URL(page.url()).searchParams.get('sel')!, JINJIANG.bounds)!;
      expect(selection.kind === 'polygon' && selection.ring, 'five vertices').toHaveLength(5);
      // The table follows the selection: fewer than the whole city, more than none.
      await expect
        .poll(async () => Number(await page.getByTestId('compound-table').getAttribute('data-rows')))
        .toBeLessThan(347);
      expect(Number(await page.getByTestId('compound-table').getAttribute('data-rows'))).toBeGreaterThan(0);
      await stillScreenshot(page, { path: artifactPath('laptop-workbench-polygon-1366x768.png') });
    } finally {
      await context.close();
    }
  });

  it('folds a side panel to a rail, gives the room to the table, and remembers it after a reload', async () => {
    const { context, page } = await openSignedInPage(env.browser, env.server.url, 1280, 720, 'analyst', '/workbench');
    try {
      await workbenchReady(page);
      const panel = page.getByTestId('panel-workbench-filters');
      expect(await panel.getAttribute('data-open')).toBe('true');
      const before = (await page.getByTestId('compound-table').boundingBox())!.width;
      await page.getByTestId('panel-workbench-filters-toggle').click();
      expect(await panel.getAttribute('data-open')).toBe('false');
      expect((await panel.boundingBox())!.width).toBeLessThan(50);
      await expect
        .poll(async () => (await page.getByTestId('compound-table').boundingBox())!.width)
        .toBeGreaterThan(before + 150);
      await page.reload();
      await workbenchReady(page);
      expect(await page.getByTestId('panel-workbench-filters').getAttribute('data-open'), 'still folded').toBe('false');
      expect(await cutCells(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('at 1280×720 no page cuts a table header or hides a cell’s text without a tooltip', async () => {
    const analyst = await openSignedInPage(env.browser, env.server.url, 1280, 720, 'analyst', '/workbench');
    const admin = await openSignedInPage(env.browser, env.server.url, 1280, 720, 'admin', '/admin');
    try {
      await workbenchReady(analyst.page);
      const compound = (await analyst.page
        .locator('[data-testid="compound-table"] tr[data-code]')
        .first()
        .getAttribute('data-code'))!;
      const pages: [Page, string, string][] = [
        [analyst.page, '/workbench', '[data-testid="compound-table"] tr[data-code]'],
        [analyst.page, '/', '[data-testid="ranking"] li'],
        [analyst.page, '/review', 'table tbody tr'],
        [analyst.page, `/township/${TOWNSHIP}`, '[data-testid="township-title"]'],
        [analyst.page, `/compare?t=${TOWNSHIP},350582001`, 'table tbody tr'],
        [analyst.page, '/supervision', 'main'],
        [analyst.page, `/compound/${encodeURIComponent(compound)}`, 'main h2'],
        [admin.page, '/admin', 'table tbody tr'],
      ];
      const problems: Record<string, string[]> = {};
      for (const [page, path, ready] of pages) {
        await page.goto(`${env.server.url}${path}`);
        await page.waitForSelector(ready, { timeout: 60_000 });
        // Settled: a page still loading its figures shows fewer cells than it will.
        await page.waitForFunction(() => !document.body.textContent?.includes('正在加载'), undefined, {
          timeout: 60_000,
        });
        const cut = await cutCells(page);
        const broken = await brokenTopBarItems(page);
        if (cut.length + broken.length > 0) problems[path] = [...cut, ...broken.map((b) => `top bar “${b}”`)];
        const name = path === '/' ? 'dashboard' : path.split('/')[1]!.split('?')[0]!;
        await page.screenshot({ path: artifactPath(`laptop-${name}-1280x720.png`) });
      }
      expect(problems).toEqual({});
    } finally {
      await analyst.context.close();
      await admin.context.close();
    }
  }, 300_000);
});
