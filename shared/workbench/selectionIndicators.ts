/**
 * The five indicators of any set of compounds "as if it were a township": the sums of the
 * compounds' numerator and denominator contributions. Pure, shared by the client (for a
 * filtered or drawn selection) and by tests (which check it against the engine).
 */
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey } from '../indicators/index.ts';
import { valueOfFraction, type Contribution, type IndicatorValue } from '../indicators/values.ts';

export function selectionIndicators(
  rows: readonly { contributions: Record<IndicatorKey, Contribution> }[],
): Record<IndicatorKey, IndicatorValue> {
  const out = {} as Record<IndicatorKey, IndicatorValue>;
  for (const key of INDICATOR_KEYS) {
    let numerator = 0;
    let denominator = 0;
    for (const row of rows) {
      numerator += row.contributions[key].numeratorContribution;
      denominator += row.contributions[key].denominatorContribution;
    }
    out[key] =
      rows.length === 0
        ? { value: null, numerator: 0, denominator: 0, reason: '未选中任何小区' }
        : valueOfFraction(INDICATORS[key], numerator, denominator);
  }
  return out;
}
