/**
 * The five indicators, each declared once in its own module. Everything on either side of the
 * wire that needs an indicator's name, unit, direction or formatting reads it from here; the
 * server adds each one's counting and per-compound classification (server/services/metrics/
 * indicators/).
 */
import { committeeRate } from './committeeRate.ts';
import type { IndicatorMeta, Locale } from './definition.ts';
import { deliberationCoverage } from './deliberationCoverage.ts';
import { INDICATOR_KEYS, type IndicatorKey } from './keys.ts';
import { partyOrgCoverage } from './partyOrgCoverage.ts';
import { petitionRate } from './petitionRate.ts';
import { serviceQuality } from './serviceQuality.ts';

export { INDICATOR_KEYS, type IndicatorKey } from './keys.ts';
export type { Direction, IndicatorMeta, IndicatorNames, Locale } from './definition.ts';
export { STATUSES, statusLabelZh, statusSeverity, type GoalKind, type IndicatorStatus } from './status.ts';
export { UNITS, type Unit, type UnitKey } from './units.ts';
export * from './values.ts';
export { DELIBERATION_WINDOW_DAYS, PETITION_WINDOW_DAYS } from './windows.ts';

export const INDICATORS: { readonly [K in IndicatorKey]: IndicatorMeta & { key: K } } = {
  partyOrgCoverage,
  committeeRate,
  deliberationCoverage,
  serviceQuality,
  petitionRate,
};

/** Display order: the order of INDICATOR_KEYS. */
export const INDICATOR_ORDER: readonly IndicatorKey[] = INDICATOR_KEYS;

export const isIndicatorKey = (value: unknown): value is IndicatorKey =>
  (INDICATOR_KEYS as readonly unknown[]).includes(value);

type IndicatorMessageKey = `indicator.${IndicatorKey}` | `indicator.short.${IndicatorKey}` | `wall.col.${IndicatorKey}`;

/** The indicators' names as message-catalogue entries (client/src/i18n), from the definitions. */
export function indicatorMessages(locale: Locale): Record<IndicatorMessageKey, string> {
  const out = {} as Record<IndicatorMessageKey, string>;
  for (const key of INDICATOR_KEYS) {
    const names = INDICATORS[key].names[locale];
    out[`indicator.${key}`] = names.full;
    out[`indicator.short.${key}`] = names.short;
    out[`wall.col.${key}`] = names.column;
  }
  return out;
}

/** The five in display order, for code that works on any list of indicators. */
export const INDICATOR_LIST: readonly IndicatorMeta[] = INDICATOR_KEYS.map((key) => INDICATORS[key]);
