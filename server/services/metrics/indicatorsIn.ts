/**
 * An indicator report in the reader's language. Its only sentence is the reason a value cannot
 * be computed (no denominator), declared by each indicator in Chinese (`noDenominatorReason`) and
 * in English (`packEn.noDenominatorReason`); the figures are the same in both.
 */
import { INDICATORS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import type { Locale } from '../../../shared/language/index.ts';
import type { Indicators, MetricsReport } from './metricsReport.ts';

/** The pack's words begin in lower case, inside its own sentence; on screen the reason stands alone. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function indicatorsIn(indicators: Indicators, locale: Locale): Indicators {
  if (locale === 'zh-CN') return indicators;
  const entries = Object.entries(indicators).map(([key, report]) => [
    key,
    report.reason === undefined
      ? report
      : { ...report, reason: sentence(INDICATORS[key as IndicatorKey].packEn.noDenominatorReason) },
  ]);
  return Object.fromEntries(entries) as Indicators;
}

/** A metrics report (the city and every township) in the reader's language. */
export function metricsReportIn<R extends MetricsReport>(report: R, locale: Locale): R {
  if (locale === 'zh-CN') return report;
  return {
    ...report,
    city: { ...report.city, indicators: indicatorsIn(report.city.indicators, locale) },
    townships: report.townships.map((t) => ({ ...t, indicators: indicatorsIn(t.indicators, locale) })),
  };
}
