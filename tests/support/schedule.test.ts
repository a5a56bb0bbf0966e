/** The order test files start in (schedule.ts): longest first, browser files one after another beside the rest. */
import { describe, expect, it } from 'vitest';
import { planOrder, type PlannedFile } from './schedule.ts';

const file = (item: string, seconds: number, browser = false): PlannedFile<string> => ({ item, seconds, browser });

/** Replays the order on `workers` first-come workers, a browser file waiting for the one before it. */
function replay(order: string[], files: PlannedFile<string>[], workers: number) {
  const byName = new Map(files.map((f) => [f.item, f]));
  const freeAt = Array.from({ length: workers }, () => 0);
  let browserFreeAt = 0;
  let waited = 0;
  for (const name of order) {
    const f = byName.get(name)!;
    const worker = freeAt.indexOf(Math.min(...freeAt));
    const start = f.browser ? Math.max(freeAt[worker]!, browserFreeAt) : freeAt[worker]!;
    waited += start - freeAt[worker]!;
    freeAt[worker] = start + f.seconds;
    if (f.browser) browserFreeAt = freeAt[worker]!;
  }
  return { end: Math.max(...freeAt), waited };
}

describe('planOrder', () => {
  it('starts the longest files first and leaves the short ones for the end', () => {
    const files = [file('a', 1), file('b', 50), file('c', 5), file('d', 20), file('e', 1)];
    expect(planOrder(files, 2)).toEqual(['b', 'd', 'c', 'a', 'e']);
  });

  it('runs the browser files one after another from the start, beside the others, without waiting', () => {
    const files = [
      ...['w', 'x', 'y', 'z'].map((n, i) => file(n, 30 - i, true)),
      ...Array.from({ length: 30 }, (_, i) => file(`s${i}`, 2 + (i % 7))),
      file('long', 60),
    ];
    const order = planOrder(files, 2);
    expect(order.slice(0, 2)).toEqual(['w', 'long']);
    expect(new Set(order)).toEqual(new Set(files.map((f) => f.item)));
    expect(order).toHaveLength(files.length);
    const { end, waited } = replay(order, files, 2);
    expect(waited).toBe(0);
    // 319 s of files over two workers: 160 s at best.
    expect(end).toBeLessThanOrEqual(162);
    // As vitest ordered them (browser files last, in series after the rest): far longer.
    const browserLast = [...files.filter((f) => !f.browser), ...files.filter((f) => f.browser)].map((f) => f.item);
    expect(replay(browserLast, files, 2).end).toBeGreaterThan(end + 20);
  });

  it('queues the remaining browser files last when nothing else is left', () => {
    const files = [file('p', 10, true), file('q', 10, true), file('r', 1)];
    expect(planOrder(files, 2)).toEqual(['p', 'r', 'q']);
  });
});
