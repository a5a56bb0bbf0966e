/**
 * Targets as the targets screen shows and takes them: values in the indicator's display unit
 * (percent for rates, per 1,000 households as stored) from the definitions in shared/indicators,
 * statuses in the reader's language, Asia/Shanghai times.
 */
import { INDICATORS, UNITS, type IndicatorKey, type IndicatorStatus } from '../../../../shared/indicators/index.ts';
import type { Translate } from '../../i18n/index.tsx';
import { statusMessage } from '../indicators/StatusBadge.tsx';

export const unitOf = (indicator: IndicatorKey) => UNITS[INDICATORS[indicator].target];

export const formatTarget = (indicator: IndicatorKey, value: number | null) =>
  value === null ? '—' : unitOf(indicator).format(value);

/** The stored value from what the person typed in the display unit (75 → 0.75 for a rate). */
export const fromDisplay = (indicator: IndicatorKey, typed: number) => typed / unitOf(indicator).displayScale;
export const toDisplay = (indicator: IndicatorKey, value: number) =>
  Math.round(value * unitOf(indicator).displayScale * 1000) / 1000;

/** The verdict in the reader's language (the pack's words in Chinese). */
export const statusText = (t: Translate, indicator: IndicatorKey, status: IndicatorStatus | null) =>
  status === null ? '—' : t(statusMessage(indicator, status));

export { shanghaiMinute } from '../../../../shared/audit/auditLabels.ts';
