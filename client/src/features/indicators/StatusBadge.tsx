/**
 * An indicator's verdict as a small label: 达标 (met, the only green), else the pace verdict
 * (按期推进 / 有风险 / 滞后), or 未达标 for a standing rule (no pace). `data-status` carries the
 * status for tests and print styles.
 */
import { INDICATORS, type IndicatorKey, type IndicatorStatus } from '../../../../shared/indicators/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

export function statusMessage(key: IndicatorKey, status: IndicatorStatus): MessageKey {
  return INDICATORS[key].goal === 'standing' && status !== 'met' ? 'status.unmet' : `status.${status}`;
}

export function StatusBadge({
  indicator,
  status,
  className = 'status',
}: {
  indicator: IndicatorKey;
  status: IndicatorStatus | null;
  className?: string;
}) {
  const { t } = useI18n();
  if (status === null) return null;
  return (
    <span className={`${className} status-${status}`} data-status={status}>
      {t(statusMessage(indicator, status))}
    </span>
  );
}
