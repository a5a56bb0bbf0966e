/**
 * The language a person reads the product in. The client sends its choice with every request
 * (LANGUAGE_HEADER; a wall's event stream as the connection parameter `lang`), so the sentences
 * the server writes — summaries, reasons, change lines, export sheets, the PDF — come back in it.
 * Chinese is the default and the official wording: anything not asked for in English is Chinese.
 */
import type { Locale } from '../indicators/definition.ts';

export type { Locale } from '../indicators/definition.ts';

export const LANGUAGE_HEADER = 'x-onemap-lang';

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Every language the product is read in (the command line's --lang takes one). */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Anything but exactly "en" is Chinese: an unknown value must not break a request. */
export function localeOf(value: unknown): Locale {
  return value === 'en' ? 'en' : DEFAULT_LOCALE;
}

/** A phrase in both languages, for builders that write one sentence per language from the same facts. */
export type Phrased<Args extends unknown[]> = Record<Locale, (...args: Args) => string>;
