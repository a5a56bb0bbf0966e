/**
 * The language chosen, outside React: the tRPC client sends it with every request (the server
 * writes its sentences in it) and `<html lang>` follows it, so screen readers, hyphenation and
 * the browser's fonts read the page in the right language. ?lang= wins over the stored choice
 * (a wall screen's address says its language) and becomes it.
 */
import { DEFAULT_LOCALE, localeOf, type Locale } from '../../../shared/language/index.ts';

const STORAGE_KEY = 'onemap.locale';

/** ?lang= is a choice like the switch: kept for the pages that follow (the login's next page). */
function initialLocale(): Locale {
  // Outside a browser (the fast tests import the dictionaries through i18n/index.tsx): Chinese.
  if (typeof window === 'undefined') return DEFAULT_LOCALE;
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh-CN') {
    window.localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return localeOf(window.localStorage.getItem(STORAGE_KEY));
}

let active: Locale = initialLocale();
if (typeof document !== 'undefined') document.documentElement.lang = active;
const listeners = new Set<(locale: Locale) => void>();

export const activeLocale = (): Locale => active;

export function setActiveLocale(next: Locale): void {
  window.localStorage.setItem(STORAGE_KEY, next);
  if (next === active) return;
  active = next;
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

/** Called after every change of language (the query cache refetches what the server wrote). */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
