/**
 * Waiting for the state a browser test needs instead of sleeping: the map has drawn the layers it
 * was last handed (MapAdapter's `data-layers-version` / `data-drawn-version` test hook), and the
 * page has stopped changing before a screenshot (chart animations and a software-WebGL frame end
 * at no fixed time on a shared two-core machine).
 */
import { writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** How many layer hand-overs the map `testId` has drawn so far (0 before its first). */
export async function mapDrawnVersion(page: Page, testId = 'map'): Promise<number> {
  return Number((await page.getByTestId(testId).getAttribute('data-drawn-version')) ?? 0);
}

/**
 * Waits until the map `testId` has drawn a hand-over later than `after` (a value read with
 * mapDrawnVersion before the action) and has none pending: what it shows is its latest layers.
 */
export async function waitForMapDrawn(
  page: Page,
  { after = 0, testId = 'map', timeout = 30_000 }: { after?: number; testId?: string; timeout?: number } = {},
): Promise<void> {
  await page.waitForFunction(
    ([id, since]) => {
      const map = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      const drawn = Number(map?.dataset.drawnVersion ?? 0);
      return drawn > since && drawn === Number(map?.dataset.layersVersion);
    },
    [testId, after] as const,
    { timeout },
  );
}

/**
 * A screenshot of `target` once two consecutive ones are identical — the condition Playwright's own
 * toHaveScreenshot waits for — written to `path` if given. Throws if it is still changing after
 * `timeout` ms, which a picture taken mid-animation would otherwise hide.
 */
export async function stillScreenshot(
  target: Page | Locator,
  { path, timeout = 20_000 }: { path?: string; timeout?: number } = {},
): Promise<Buffer> {
  const deadline = Date.now() + timeout;
  const shoot = () => target.screenshot({ animations: 'disabled' });
  let previous = await shoot();
  for (;;) {
    const next = await shoot();
    if (next.equals(previous)) {
      if (path) writeFileSync(path, next);
      return next;
    }
    if (Date.now() > deadline) throw new Error(`the picture was still changing after ${timeout} ms`);
    previous = next;
  }
}
