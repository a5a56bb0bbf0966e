/**
 * Targets as the targets screen shows and takes them: values in the indicator's display unit
 * (percent for rates, per 1,000 households as stored) from the definitions in shared/indicators,
 * statuses in the words of the review pack, Asia/Shanghai times.
 */
import {
  INDICATORS,
  statusLabelZh,
  UNITS,
  type IndicatorKey,
  type IndicatorStatus,
} from '../../../../shared/indicators/index.ts';

export const unitOf = (indicator: IndicatorKey) => UNITS[INDICATORS[indicator].target];

export const formatTarget = (indicator: IndicatorKey, value: number | null) =>
  value === null ? '—' : unitOf(indicator).format(value);

/** The stored value from what the person typed in the display unit (75 → 0.75 for a rate). */
export const fromDisplay = (indicator: IndicatorKey, typed: number) => typed / unitOf(indicator).displayScale;
export const toDisplay = (indicator: IndicatorKey, value: number) =>
  Math.round(value * unitOf(indicator).displayScale * 1000) / 1000;

export const statusText = (indicator: IndicatorKey, status: IndicatorStatus | null) =>
  statusLabelZh(status, INDICATORS[indicator].goal);

export { shanghaiMinute } from '../../../../shared/audit/auditLabels.ts';
