import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../../shared/language/index.ts';
import { activeLocale, setActiveLocale } from './activeLocale.ts';
import { en } from './en.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type { Locale } from '../../../shared/language/index.ts';
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

/**
 * Fills {name} placeholders; numbers are formatted for the locale. A count's noun follows it with
 * ICU's plural form, `{count, plural, one {# compound} other {# compounds}}` (`#` is the number),
 * chosen by Intl.PluralRules: English says "1 compound", Chinese has one form and never needs it.
 */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = CATALOGUES[locale][key];
  if (!params) return template;
  const shown = (value: string | number) => (typeof value === 'number' ? value.toLocaleString(locale) : value);
  return template
    .replace(PLURAL, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      const form = new Intl.PluralRules(locale).select(Number(value)) === 'one' ? one : other;
      return form.replaceAll('#', shown(value));
    })
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      return value === undefined ? `{${name}}` : shown(value);
    });
}

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(activeLocale);
  const setLocale = useCallback((next: Locale) => {
    setActiveLocale(next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.title = translate(locale, 'app.title');
  }, [locale]);
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
