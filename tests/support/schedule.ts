/**
 * The order test files start in (vitest hands them to its workers first come, first served). A
 * run is as long as its busiest worker, so: the longest files first, the many short ones last to
 * even out the end; and browser files, which take turns among themselves (browserTurn.ts), one
 * after the other from the start beside the database tests, never two queued at once to wait for
 * each other's turn. The lengths are estimates from an earlier run (testDurations.json).
 */

export interface PlannedFile<T> {
  item: T;
  /** Estimated seconds. */
  seconds: number;
  /** Takes turns with the other browser files. */
  browser: boolean;
}

/**
 * Simulates `workers` workers taking files in the returned order (each free worker the next file)
 * and, whenever a worker frees up, picks for it: a browser file if none is running (the longest
 * left), else the longest other file; only browser files left, the next of them.
 */
export function planOrder<T>(files: readonly PlannedFile<T>[], workers: number): T[] {
  const browser = files.filter((f) => f.browser).sort((a, b) => b.seconds - a.seconds);
  const other = files.filter((f) => !f.browser).sort((a, b) => b.seconds - a.seconds);
  const freeAt = Array.from({ length: Math.max(1, workers) }, () => 0);
  let browserFreeAt = 0;
  const order: T[] = [];
  while (browser.length > 0 || other.length > 0) {
    const worker = freeAt.indexOf(Math.min(...freeAt));
    const now = freeAt[worker]!;
    const takeBrowser = browser.length > 0 && (now >= browserFreeAt || other.length === 0);
    const next = (takeBrowser ? browser : other).shift()!;
    const start = takeBrowser ? Math.max(now, browserFreeAt) : now;
    freeAt[worker] = start + next.seconds;
    if (takeBrowser) browserFreeAt = freeAt[worker]!;
    order.push(next.item);
  }
  return order;
}
