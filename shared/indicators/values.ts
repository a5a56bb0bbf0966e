/** From a numerator and a denominator to an indicator's value, and how it is written. */
import type { IndicatorMeta, Locale } from './definition.ts';
import type { Why } from './reasons.ts';
import { UNITS, type Unit } from './units.ts';

export interface IndicatorValue {
  /** null when it cannot be computed (then `reason` says why). */
  value: number | null;
  numerator: number;
  denominator: number;
  reason?: string;
}

/** Where one compound stands in one indicator on a day: in or out of numerator and denominator, and why. */
export interface Contribution {
  inDenominator: boolean;
  inNumerator: boolean;
  /** What this compound adds to the numerator (1 for rates; its petitions for a per-1,000 figure). */
  numeratorContribution: number;
  /** What it adds to the denominator (1 for rates; its households for a per-1,000 figure). */
  denominatorContribution: number;
  reason: string;
  /**
   * The reason without its particulars (dates, counts), so a list can be filtered by it:
   * "近30天无四方联席会议" for "近30天无四方联席会议（上次 2026-10-02）". The reason itself when absent.
   */
  reasonGroup?: string;
  /** The day the reason cites (the last meeting, the end of a committee's term), YYYY-MM-DD. */
  reasonDate?: string | null;
  /**
   * The reason's kind and particulars, as the indicator declares them (reasons.ts), to write it in
   * another language. The server's own: left out of what it sends (contributionIn). Absent from a
   * drill-through frozen before reasons were declared.
   */
  why?: Why;
}

type Meta = Pick<IndicatorMeta, 'unit' | 'direction' | 'noDenominatorReason'>;

export const unitOf = (meta: Pick<IndicatorMeta, 'unit'>): Unit => UNITS[meta.unit];

/** A numerator and denominator as the indicator's value (null with a reason when it has no denominator). */
export function valueOfFraction(meta: Meta, numerator: number, denominator: number): IndicatorValue {
  if (denominator === 0) return { value: null, numerator, denominator, reason: meta.noDenominatorReason };
  return { value: (numerator / denominator) * unitOf(meta).perDenominator, numerator, denominator };
}

export function formatValue(meta: Pick<IndicatorMeta, 'unit'>, value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : unitOf(meta).format(value);
}

/** A signed change: percentage points for rates. */
export function formatChange(
  meta: Pick<IndicatorMeta, 'unit'>,
  delta: number | null | undefined,
  locale?: Locale,
): string {
  if (delta === null || delta === undefined) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${unitOf(meta).formatChange(Math.abs(delta), locale)}`;
}

/** Is a change good news? null when there is no change (or none known). */
export function isImprovement(
  meta: Pick<IndicatorMeta, 'direction'>,
  delta: number | null | undefined,
): boolean | null {
  if (delta === null || delta === undefined || Math.abs(delta) < 1e-12) return null;
  return meta.direction === 'up' ? delta > 0 : delta < 0;
}

/** The best of some values, the way the indicator points. */
export function bestOf(meta: Pick<IndicatorMeta, 'direction'>, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return meta.direction === 'up' ? Math.max(...values) : Math.min(...values);
}

/** How far a value is short of its goal (0 when met), in the value's unit. */
export function shortfall(meta: Pick<IndicatorMeta, 'direction'>, value: number, target: number): number {
  return Math.max(0, meta.direction === 'up' ? target - value : value - target);
}
