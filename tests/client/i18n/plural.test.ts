/**
 * Counts read as English: "1 compound", "3 compounds". Every English message is filled with 1 for
 * each of its numbers and must not say "1 compounds" (or any other plural noun after a one).
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../client/src/i18n/en.ts';
import { translate } from '../../../client/src/i18n/index.tsx';
import { zhCN, type MessageKey } from '../../../client/src/i18n/zh-CN.ts';

const PLACEHOLDER = /\{(\w+)[,}]/g;
const paramsOf = (template: string, value: number) =>
  Object.fromEntries([...template.matchAll(PLACEHOLDER)].map((m) => [m[1]!, value]));

/** Nouns that follow a count in the catalogue, in the plural. */
const PLURAL_AFTER_ONE =
  /(^|[^\d.,–])1 (compounds|townships|rows|records|days|weeks|results|warnings|entries|sessions|meetings|joint meetings|petitions|communities|items|supervision items|lagging compounds)\b/;

describe('plural forms in English', () => {
  it('says one compound and three compounds, and Chinese has one form', () => {
    expect(translate('en', 'supervision.compoundCount', { count: 1 })).toBe('(1 compound)');
    expect(translate('en', 'supervision.compoundCount', { count: 3 })).toBe('(3 compounds)');
    expect(translate('en', 'supervision.light.left', { days: 1 })).toBe('1 day left');
    expect(translate('en', 'search.results', { count: 1234 })).toBe('1,234 results');
    expect(translate('zh-CN', 'supervision.compoundCount', { count: 1 })).toBe(
      zhCN['supervision.compoundCount'].replace('{count}', '1'),
    );
  });

  it('no English message says “1 compounds” (or another plural after one)', () => {
    const wrong = (Object.keys(en) as MessageKey[])
      .map((key) => [key, translate('en', key, paramsOf(en[key], 1))] as const)
      .filter(([, text]) => PLURAL_AFTER_ONE.test(text));
    expect(wrong).toEqual([]);
  });

  it('every plural form is filled: no braces or # left over', () => {
    const left = (Object.keys(en) as MessageKey[])
      .filter((key) => en[key].includes(', plural,'))
      .flatMap((key) => [1, 2].map((n) => [key, translate('en', key, paramsOf(en[key], n))] as const))
      .filter(([, text]) => /[{}#]/.test(text));
    expect(left).toEqual([]);
  });
});
