/**
 * The composite score of the 晾晒榜 (documented in README.md § "Weekly review"):
 *
 *   composite = Σ wₖ·sₖ / Σ wₖ over the indicators k the township has a value for,
 *
 * where sₖ, the indicator's score, is 0–100:
 * - rates where up is better (party organisation, committee, deliberation, service quality):
 *   value × 100 — a coverage of 87.5 % scores 87.5;
 * - the petition rate (down is better): linear between the week's best (lowest) township, 100,
 *   and its worst (highest), 0; when every township has the same rate all score 100.
 * An indicator a township has no value for (e.g. no evaluated compound under property
 * management) drops out of its mean, weight and all; no value at all → no composite, no rank.
 * Ranks are standard competition ranks (ties share, the next rank skips), from rankScopes.
 */
import type { ReviewRules } from '../../../data/review-rules.ts';
import { INDICATOR_LIST, type IndicatorMeta } from '../../../shared/indicators/index.ts';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import { rankScopes } from '../metrics/ranking.ts';

export type IndicatorValues = Record<IndicatorKey, number | null>;
/** Values or scores by indicator key: the five, and any indicator added in code. */
export type ValuesByKey = Partial<Record<string, number | null>>;

/** Scores 0–100 of every township on every indicator, for one week's values. */
export function indicatorScores(
  values: ReadonlyMap<string, ValuesByKey>,
  indicators: readonly IndicatorMeta[] = INDICATOR_LIST,
): Map<string, ValuesByKey> {
  const scores = new Map<string, ValuesByKey>([...values.keys()].map((code) => [code, {}]));
  for (const indicator of indicators) {
    const present = [...values.values()].map((v) => v[indicator.key] ?? null).filter((v): v is number => v !== null);
    const best = present.length ? (indicator.direction === 'down' ? Math.min(...present) : Math.max(...present)) : 0;
    const worst = present.length ? (indicator.direction === 'down' ? Math.max(...present) : Math.min(...present)) : 0;
    for (const [code, v] of values) {
      const value = v[indicator.key] ?? null;
      scores.get(code)![indicator.key] = value === null ? null : scoreOf(indicator, value, best, worst);
    }
  }
  return scores;
}

function scoreOf(indicator: IndicatorMeta, value: number, best: number, worst: number): number {
  if (indicator.unit === 'rate') return value * 100;
  if (best === worst) return 100;
  return ((worst - value) / (worst - best)) * 100;
}

/** The weighted mean of the scores a township has; null when it has none with a weight. */
export function compositeOf(scores: ValuesByKey, weights: ReviewRules['composite']['weights']): number | null {
  let sum = 0;
  let weight = 0;
  // The weights name the indicators that make the composite (an indicator without one is shown, not scored).
  for (const key of INDICATOR_KEYS) {
    const s = scores[key] ?? null;
    if (s === null || weights[key] <= 0) continue;
    sum += weights[key] * s;
    weight += weights[key];
  }
  return weight > 0 ? sum / weight : null;
}

export interface CompositeResult {
  scores: Map<string, ValuesByKey>;
  composite: Map<string, number | null>;
  rank: Map<string, number | null>;
}

/** Scores, composites and composite ranks (1 = best) for one week. */
export function compositeRanking(
  values: ReadonlyMap<string, ValuesByKey>,
  weights: ReviewRules['composite']['weights'],
  indicators: readonly IndicatorMeta[] = INDICATOR_LIST,
): CompositeResult {
  const scores = indicatorScores(values, indicators);
  const composite = new Map([...scores].map(([code, s]) => [code, compositeOf(s, weights)]));
  return { scores, composite, rank: rankScopes(composite, 'up') };
}

/** Places moved up since last week (positive = rose); null when either rank is missing. */
export function rankChange(rank: number | null, previousRank: number | null): number | null {
  return rank === null || previousRank === null ? null : previousRank - rank;
}
