/**
 * PDF printing through one shared headless Chromium, with a small queue. A browser costs
 * ~10 processes and ~150 MB: started for every pack, a few parallel requests made dozens of
 * processes. Here the browser is launched on the first print, reused by the next ones (each page
 * in its own context), launched again if it died, and closed when the server stops. At most
 * `maxPrinting` pages print at once and `maxWaiting` more wait; past that a request is refused at
 * once with "系统繁忙，请稍后再试" (ServiceBusyError → SERVICE_UNAVAILABLE, HTTP 503) rather than
 * piling up memory.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { ServiceBusyError } from '../errors.ts';
import { launchChromium } from './chromium.ts';

export interface PdfPrinterOptions {
  /** Starts a browser (a fake in tests). */
  launch?: () => Promise<Browser>;
  /** Pages printing at once. @default 2 */
  maxPrinting?: number;
  /** Requests admitted beyond those printing. @default 4 */
  maxWaiting?: number;
  /** Longest a page may take to load and print, in milliseconds. @default 60000 */
  pageTimeoutMs?: number;
}

/** A place in the queue, taken before the pack's figures are collected and given back after printing. */
export interface PrintTicket {
  print(html: string): Promise<Buffer>;
  release(): void;
}

export class PdfPrinter {
  /** Browsers launched so far (the tests check that parallel packs share one). */
  launches = 0;
  private browser: Promise<Browser> | null = null;
  private admitted = 0;
  private printing = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly launch: () => Promise<Browser>;
  private readonly maxPrinting: number;
  private readonly maxWaiting: number;
  private readonly pageTimeoutMs: number;

  constructor(options: PdfPrinterOptions = {}) {
    this.launch = options.launch ?? (() => launchChromium());
    this.maxPrinting = options.maxPrinting ?? 2;
    this.maxWaiting = options.maxWaiting ?? 4;
    this.pageTimeoutMs = options.pageTimeoutMs ?? 60_000;
  }

  /** A place in the queue, or ServiceBusyError when printing and waiting places are all taken. */
  admit(): PrintTicket {
    if (this.admitted >= this.maxPrinting + this.maxWaiting) throw new ServiceBusyError();
    this.admitted++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.admitted--;
    };
    return { print: (html) => this.printAdmitted(html), release };
  }

  /** Admits, prints and gives the place back. */
  async print(html: string): Promise<Buffer> {
    const ticket = this.admit();
    try {
      return await ticket.print(html);
    } finally {
      ticket.release();
    }
  }

  /** Closes the browser (server stop, end of a CLI command); the next print launches a new one. */
  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser)
      await browser.then(
        (b) => b.close(),
        () => undefined,
      );
  }

  private async printAdmitted(html: string): Promise<Buffer> {
    if (this.printing >= this.maxPrinting) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.printing++;
    try {
      const context = await this.newContext();
      try {
        context.setDefaultTimeout(this.pageTimeoutMs);
        // Nothing leaves the machine, and a missing resource cannot hang the print.
        await context.route('**/*', (route) =>
          route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient'),
        );
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      // The printing place passes straight to the next in line, if any.
      const next = this.waiting.shift();
      if (next) next();
      else this.printing--;
    }
  }

  /**
   * A fresh context on the shared browser. A browser killed a moment ago may not have reported
   * its disconnection yet: then it is dropped and one new browser is tried.
   */
  private async newContext(): Promise<BrowserContext> {
    const options = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
    const browser = await this.sharedBrowser();
    try {
      return await browser.newContext(options);
    } catch {
      if (this.browser && (await this.browser.catch(() => null)) === browser) this.browser = null;
      await browser.close().catch(() => undefined);
      return (await this.sharedBrowser()).newContext(options);
    }
  }

  /** The running browser, launched once for concurrent first prints and again after it died. */
  private async sharedBrowser(): Promise<Browser> {
    const existing = this.browser;
    if (existing) {
      const current = await existing.catch(() => null);
      if (current?.isConnected()) return current;
      if (this.browser === existing) this.browser = null;
    }
    if (!this.browser) {
      this.launches++;
      const launching = this.launch();
      this.browser = launching;
      launching.then(
        (b) =>
          b.on('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          }),
        () => {
          if (this.browser === launching) this.browser = null;
        },
      );
    }
    return this.browser;
  }
}

/** The server's printer (review packs); `onemap report` closes it when done. */
export const sharedPdfPrinter = new PdfPrinter();
