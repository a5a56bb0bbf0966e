/**
 * Number formatting shared by every screen, from each indicator's definition
 * (shared/indicators): rates are fractions shown as percentages, petitions per 1,000 households.
 */
import {
  formatChange,
  formatValue,
  INDICATORS,
  isImprovement as improves,
  unitOf,
  type IndicatorKey,
  type Locale,
  type Unit,
} from '../../../shared/indicators/index.ts';

export function formatIndicator(key: IndicatorKey, value: number | null | undefined): string {
  return formatValue(INDICATORS[key], value);
}

/** A signed change: percentage points for rates ("pt" in English, 个百分点 in Chinese: never "pt" there). */
export function formatDelta(key: IndicatorKey, delta: number | null | undefined, locale: Locale): string {
  return formatChange(INDICATORS[key], delta, locale);
}

/** Is a change good news? (the indicator's direction decides: fewer petitions is good) */
export function isImprovement(key: IndicatorKey, delta: number | null | undefined): boolean | null {
  return improves(INDICATORS[key], delta);
}

/** The indicator's unit: display scale (100 for percentages), symbol, ceiling. */
export const unitOfKey = (key: IndicatorKey): Unit => unitOf(INDICATORS[key]);

/** Lower is better: screens say so beside the figure. */
export const lowerIsBetter = (key: IndicatorKey): boolean => INDICATORS[key].direction === 'down';

/**
 * A chart's value axis for an indicator: a rate's axis ends at 100 % (recharts' 'auto' rounds
 * up to 104 % or 120 %) and starts at the tens below the lowest value; the unit is on the ticks.
 */
export function indicatorAxis(key: IndicatorKey): {
  domain: [(min: number) => number, number | 'auto'];
  unit: string;
} {
  const unit = unitOfKey(key);
  return unit.ceiling === null
    ? { domain: [() => 0, 'auto'], unit: unit.symbol }
    : {
        domain: [(min: number) => Math.max(0, Math.floor(min / 10) * 10), unit.ceiling * unit.displayScale],
        unit: unit.symbol,
      };
}
