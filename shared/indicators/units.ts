/**
 * How an indicator's value is made from its numerator and denominator, and how it is shown.
 * Rates are stored as fractions 0–1 and shown as percentages; per-1,000 figures are stored and
 * shown as they are.
 */
import type { Locale } from './definition.ts';

export type UnitKey = 'rate' | 'per1000';

export interface Unit {
  key: UnitKey;
  /** value = numerator / denominator × perDenominator. */
  perDenominator: number;
  /** Factor from the stored value to the displayed number (100 for percentages). */
  displayScale: number;
  /** Appended to a displayed number ('%' for rates). */
  symbol: string;
  /** The largest possible value (1 for a rate); null when unbounded. */
  ceiling: number | null;
  format(value: number): string;
  /**
   * A signed change's size (no sign): percentage points for rates, "pt" in English and 个百分点
   * in Chinese (as the server's sentences say it).
   */
  formatChange(size: number, locale?: Locale): string;
}

export const UNITS: Record<UnitKey, Unit> = {
  rate: {
    key: 'rate',
    perDenominator: 1,
    displayScale: 100,
    symbol: '%',
    ceiling: 1,
    format: (value) => `${(value * 100).toFixed(1)}%`,
    formatChange: (size, locale) => `${(size * 100).toFixed(1)}${locale === 'zh-CN' ? '个百分点' : 'pt'}`,
  },
  per1000: {
    key: 'per1000',
    perDenominator: 1000,
    displayScale: 1,
    symbol: '',
    ceiling: null,
    format: (value) => value.toFixed(2),
    formatChange: (size) => size.toFixed(2),
  },
};
