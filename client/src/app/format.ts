/** Number formatting shared by every screen. Rates are fractions; petitions per 1,000 households. */
import type { IndicatorKey } from '../features/layers/choropleth.ts';

export function formatIndicator(key: IndicatorKey, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return key === 'petitionRate' ? value.toFixed(2) : `${(value * 100).toFixed(1)}%`;
}

/** A signed change: percentage points for rates. */
export function formatDelta(key: IndicatorKey, delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  return key === 'petitionRate' ? `${sign}${size.toFixed(2)}` : `${sign}${(size * 100).toFixed(1)}pt`;
}

/** Is a change good news? (petitions: down is good) */
export function isImprovement(key: IndicatorKey, delta: number | null | undefined): boolean | null {
  if (delta === null || delta === undefined || Math.abs(delta) < 1e-12) return null;
  return key === 'petitionRate' ? delta < 0 : delta > 0;
}
