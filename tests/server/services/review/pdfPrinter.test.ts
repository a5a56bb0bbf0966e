/**
 * The print queue with a fake browser whose pages finish when the test says: at most 2 print at
 * once, 4 wait, the rest are refused at once; one launch shared by concurrent first prints; a
 * failed launch is tried again on the next print.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ServiceBusyError } from '../../../../server/services/errors.ts';
import { PdfPrinter } from '../../../../server/services/review/pdfPrinter.ts';

/** A browser whose page.pdf() waits for `finish()`; counts pages printing now and at most. */
function fakeBrowser() {
  const state = { printing: 0, most: 0, pending: [] as (() => void)[], closed: false };
  const page = {
    setContent: async () => {},
    emulateMedia: async () => {},
    pdf: async () => {
      state.printing++;
      state.most = Math.max(state.most, state.printing);
      await new Promise<void>((resolve) => state.pending.push(resolve));
      state.printing--;
      return Buffer.from('%PDF-fake');
    },
  };
  const context = {
    setDefaultTimeout: () => {},
    route: async () => {},
    newPage: async () => page,
    close: async () => {},
  };
  const browser = {
    isConnected: () => !state.closed,
    on: () => browser,
    newContext: async () => context,
    close: async () => {
      state.closed = true;
    },
  };
  return { browser: browser as unknown as Browser, state };
}

/** Resolves when `condition` holds (checked after each turn of the event loop). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('the PDF print queue', () => {
  it('prints 2 at once, lets 4 wait, refuses the rest at once, and serves the waiting in turn', async () => {
    const { browser, state } = fakeBrowser();
    let launches = 0;
    const printer = new PdfPrinter({ launch: async () => (launches++, browser) });
    const jobs = Array.from({ length: 6 }, () => printer.print('<p>x</p>'));
    expect(() => printer.admit()).toThrow(ServiceBusyError);
    await expect(printer.print('<p>y</p>')).rejects.toThrow('系统繁忙，请稍后再试');
    await until(() => state.pending.length === 2);
    expect(state.printing).toBe(2);
    for (let finished = 0; finished < jobs.length; finished++) {
      await until(() => state.pending.length > 0);
      expect(state.printing).toBeLessThanOrEqual(2);
      state.pending.shift()!();
    }
    const pdfs = await Promise.all(jobs);
    expect(pdfs.map((b) => b.toString())).toEqual(Array(6).fill('%PDF-fake'));
    expect(state.most).toBe(2);
    expect(launches).toBe(1);
    // The queue is free again.
    const again = printer.print('<p>z</p>');
    await until(() => state.pending.length === 1);
    state.pending.shift()!();
    await again;
    await printer.close();
    expect(state.closed).toBe(true);
  });

  it('gives the place back when a pack fails before printing, and retries a launch that failed', async () => {
    const { browser, state } = fakeBrowser();
    let attempts = 0;
    const printer = new PdfPrinter({
      maxPrinting: 1,
      maxWaiting: 0,
      launch: async () => (++attempts === 1 ? Promise.reject(new Error('no chromium')) : browser),
    });
    const ticket = printer.admit();
    expect(() => printer.admit()).toThrow(ServiceBusyError);
    ticket.release();
    ticket.release();
    await expect(printer.print('<p>x</p>')).rejects.toThrow('no chromium');
    const job = printer.print('<p>x</p>');
    await until(() => state.pending.length === 1);
    state.pending.shift()!();
    expect((await job).toString()).toBe('%PDF-fake');
    expect(attempts).toBe(2);
  });
});
