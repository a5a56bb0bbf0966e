/**
 * Headless Chromium for printing the review pack (through the shared printer, pdfPrinter.ts) and
 * for the browser tests and the benchmarks: Debian's Chromium (CHROMIUM_PATH to override) driven
 * by playwright-core.
 */
import type { Browser } from 'playwright-core';
import { ShownError } from '../../../shared/errors.ts';
import { PRINT_WORDS } from './printWords.ts';

/**
 * Chromium could not be started: a problem an operator can act on (not a bad request). Says it
 * in both languages; its message is the Chinese, as the command line prints it.
 */
export class ChromiumError extends ShownError {
  override name = 'ChromiumError';
}

export const CHROMIUM_PATH = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `extraArgs`: more Chromium switches (the soak benchmark passes `--js-flags=…` to compare V8 tiers). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new ChromiumError(PRINT_WORDS.noPlaywright);
  }
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...extraArgs,
        // Playwright gives every launch a fresh temporary --user-data-dir of its own.
      ],
    });
  } catch (error) {
    const first = (error as Error).message.split('\n')[0] ?? '';
    throw new ChromiumError(PRINT_WORDS.cannotLaunch(CHROMIUM_PATH(), first));
  }
}
