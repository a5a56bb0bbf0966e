/** The shared indicator definitions: one per key, and the formatting every screen uses. */
import { describe, expect, it } from 'vitest';
import {
  bestOf,
  formatChange,
  formatValue,
  INDICATOR_KEYS,
  INDICATOR_LIST,
  INDICATORS,
  indicatorMessages,
  isImprovement,
  shortfall,
  valueOfFraction,
} from '../../shared/indicators/index.ts';

const { committeeRate, petitionRate } = INDICATORS;

describe('the indicator definitions', () => {
  it('declare each key once, under its own key, in display order', () => {
    expect(INDICATOR_LIST.map((i) => i.key)).toEqual([...INDICATOR_KEYS]);
    for (const key of INDICATOR_KEYS) expect(INDICATORS[key].key, key).toBe(key);
  });

  it('give every indicator a name in both languages, as catalogue entries', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const messages = indicatorMessages(locale);
      expect(Object.keys(messages), locale).toHaveLength(3 * INDICATOR_KEYS.length);
      for (const key of INDICATOR_KEYS) {
        expect(messages[`indicator.${key}`], `${locale} ${key}`).toBe(INDICATORS[key].names[locale].full);
        expect(messages[`indicator.short.${key}`].length, `${locale} ${key}`).toBeGreaterThan(0);
        expect(messages[`wall.col.${key}`].length, `${locale} ${key}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('values and their formatting', () => {
  it.each([
    { meta: committeeRate, numerator: 7, denominator: 8, value: 0.875, text: '87.5%' },
    { meta: petitionRate, numerator: 3, denominator: 2400, value: 1.25, text: '1.25' },
  ])('$meta.key: $numerator / $denominator is $text', ({ meta, numerator, denominator, value, text }) => {
    const v = valueOfFraction(meta, numerator, denominator);
    expect(v).toEqual({ value, numerator, denominator });
    expect(formatValue(meta, v.value)).toBe(text);
  });

  it('has no value without a denominator, and says why', () => {
    expect(valueOfFraction(petitionRate, 0, 0)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: '在册小区户数为0，无法计算',
    });
    expect(formatValue(petitionRate, null)).toBe('—');
  });

  it.each([
    { meta: committeeRate, delta: 0.032, text: '+3.2pt', good: true },
    { meta: committeeRate, delta: -0.01, text: '−1.0pt', good: false },
    { meta: petitionRate, delta: -0.05, text: '−0.05', good: true },
    { meta: petitionRate, delta: 0.2, text: '+0.20', good: false },
    { meta: petitionRate, delta: 0, text: '±0.00', good: null },
  ])('$meta.key: a change of $delta is $text (good news: $good)', ({ meta, delta, text, good }) => {
    expect(formatChange(meta, delta)).toBe(text);
    // In Chinese a rate's change is in 个百分点, never the Latin "pt" (the tiles' 较上周).
    expect(formatChange(meta, delta, 'zh-CN')).toBe(text.replace('pt', '个百分点'));
    expect(formatChange(meta, delta, 'zh-CN')).not.toMatch(/pt/);
    expect(isImprovement(meta, delta)).toBe(good);
  });

  it('finds the best value and the shortfall the way the indicator points', () => {
    expect(bestOf(committeeRate, [0.5, 0.9, 0.7])).toBe(0.9);
    expect(bestOf(petitionRate, [0.5, 0.9, 0.7])).toBe(0.5);
    expect(bestOf(petitionRate, [])).toBeNull();
    expect(shortfall(committeeRate, 0.7, 0.8)).toBeCloseTo(0.1, 12);
    expect(shortfall(committeeRate, 0.9, 0.8)).toBe(0);
    expect(shortfall(petitionRate, 1.2, 0.8)).toBeCloseTo(0.4, 12);
    expect(shortfall(petitionRate, 0.5, 0.8)).toBe(0);
  });
});
