import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en';
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fills {name} placeholders; numbers are formatted for the locale. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = CATALOGUES[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined ? `{${name}}` : typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh-CN') return fromUrl;
  return window.localStorage.getItem('onemap.locale') === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem('onemap.locale', next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
