/** From counts to indicator values: rates as fractions, petitions per 1,000 households. */
import { valueOfFraction, type IndicatorValue } from '../../../shared/indicators/values.ts';
import type { IndicatorKey } from '../../../shared/indicators/index.ts';
import { SERVER_INDICATORS, type ServerIndicator } from './indicators/index.ts';
import type { ScopeCounts } from './scopeCounts.ts';

export { valueOfFraction, type IndicatorValue } from '../../../shared/indicators/values.ts';

/** One indicator's value in a scope, from the scope's counts. */
export function valueOfCounts(indicator: ServerIndicator, counts: ScopeCounts): IndicatorValue {
  const [numerator, denominator] = indicator.fraction(counts);
  return valueOfFraction(indicator, numerator, denominator);
}

export function indicatorValue(key: IndicatorKey, counts: ScopeCounts): IndicatorValue {
  return valueOfCounts(SERVER_INDICATORS[key], counts);
}
