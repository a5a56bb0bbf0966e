/**
 * How the review writes numbers in Chinese, in one place so the sentences, the PDF and the
 * tests agree: rates as percentages with one decimal ("85.3%"), changes of rates in percentage
 * points with one decimal ("3.2个百分点"), the petition rate per 1,000 households with two
 * decimals ("每千户1.23件"), rank changes as ↑n / ↓n / – (and / when there is nothing to compare).
 */
import {
  INDICATORS,
  statusLabelZh,
  type IndicatorKey,
  type IndicatorStatus,
} from '../../../shared/indicators/index.ts';

/** A fraction as a percentage with one decimal: 0.8531 → "85.3%". */
export function percent(fraction: number): string {
  return `${fixed(fraction * 100, 1)}%`;
}

/** Rounds for display without ever writing "-0.0". */
export function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

export function per1000(value: number): string {
  return `每千户${fixed(value, 2)}件`;
}

/** The same in English: "1.23 per 1,000 households". */
export function per1000En(value: number): string {
  return `${fixed(value, 2)} per 1,000 households`;
}

/** An indicator's value in English; "—" when it cannot be computed. */
export function formatValueEn(key: IndicatorKey, value: number | null): string {
  if (value === null) return '—';
  return INDICATORS[key].unit === 'rate' ? percent(value) : per1000En(value);
}

/** An indicator's value as people read it; "—" when it cannot be computed. */
export function formatValue(key: IndicatorKey, value: number | null): string {
  if (value === null) return '—';
  return INDICATORS[key].unit === 'rate' ? percent(value) : per1000(value);
}

/** Decimals a change is written with: rates in percentage points (1), petitions per 1,000 (2). */
export function deltaDecimals(key: IndicatorKey): number {
  return INDICATORS[key].unit === 'rate' ? 1 : 2;
}

/** The size of a change as written in a sentence: |Δ|×100 for rates, |Δ| for petitions. */
export function deltaMagnitude(key: IndicatorKey, delta: number): string {
  return fixed(Math.abs(INDICATORS[key].unit === 'rate' ? delta * 100 : delta), deltaDecimals(key));
}

/** A change as shown in tables: "+3.2个百分点", "-0.05件", "0.0个百分点". */
export function formatDelta(key: IndicatorKey, delta: number | null): string {
  if (delta === null) return '—';
  const size = deltaMagnitude(key, delta);
  const sign = Number(size) === 0 ? '' : delta > 0 ? '+' : '-';
  return `${sign}${size}${INDICATORS[key].unit === 'rate' ? '个百分点' : '件'}`;
}

export function rankChangeLabel(change: number | null): string {
  if (change === null) return '/';
  if (change > 0) return `↑${change}`;
  if (change < 0) return `↓${-change}`;
  return '–';
}

/** 达标 first; a goal not met is 按期推进 / 有风险 / 滞后, a standing rule not met 未达标. */
export function statusLabel(key: IndicatorKey, status: IndicatorStatus | null): string {
  return statusLabelZh(status, INDICATORS[key].goal);
}

/** A composite score with one decimal: "86.2分". */
export function points(score: number): string {
  return `${fixed(score, 1)}分`;
}
