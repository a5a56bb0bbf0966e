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
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey } from '../metrics/definitions.ts';
import { rankScopes } from '../metrics/ranking.ts';

export type IndicatorValues = Record<IndicatorKey, number | null>;

/** Scores 0–100 of every township on every indicator, for one week's values. */
export function indicatorScores(values: ReadonlyMap<string, IndicatorValues>): Map<string, IndicatorValues> {
  const scores = new Map<string, IndicatorValues>([...values.keys()].map((code) => [code, {} as IndicatorValues]));
  for (const key of INDICATOR_KEYS) {
    const present = [...values.values()].map((v) => v[key]).filter((v): v is number => v !== null);
    const best = present.length
      ? INDICATORS[key].direction === 'down'
        ? Math.min(...present)
        : Math.max(...present)
      : 0;
    const worst = present.length
      ? INDICATORS[key].direction === 'down'
        ? Math.max(...present)
        : Math.min(...present)
      : 0;
    for (const [code, v] of values) {
      const value = v[key];
      scores.get(code)![key] = value === null ? null : scoreOf(key, value, best, worst);
    }
  }
  return scores;
}

function scoreOf(key: IndicatorKey, value: number, best: number, worst: number): number {
  if (INDICATORS[key].unit === 'rate') return value * 100;
  if (best === worst) return 100;
  return ((worst - value) / (worst - best)) * 100;
}

/** The weighted mean of the scores a township has; null when it has none with a weight. */
export function compositeOf(scores: IndicatorValues, weights: ReviewRules['composite']['weights']): number | null {
  let sum = 0;
  let weight = 0;
  for (const key of INDICATOR_KEYS) {
    const s = scores[key];
    if (s === null || weights[key] <= 0) continue;
    sum += weights[key] * s;
    weight += weights[key];
  }
  return weight > 0 ? sum / weight : null;
}

export interface CompositeResult {
  scores: Map<string, IndicatorValues>;
  composite: Map<string, number | null>;
  rank: Map<string, number | null>;
}

/** Scores, composites and composite ranks (1 = best) for one week. */
export function compositeRanking(
  values: ReadonlyMap<string, IndicatorValues>,
  weights: ReviewRules['composite']['weights'],
): CompositeResult {
  const scores = indicatorScores(values);
  const composite = new Map([...scores].map(([code, s]) => [code, compositeOf(s, weights)]));
  return { scores, composite, rank: rankScopes(composite, 'up') };
}

/** Places moved up since last week (positive = rose); null when either rank is missing. */
export function rankChange(rank: number | null, previousRank: number | null): number | null {
  return rank === null || previousRank === null ? null : previousRank - rank;
}
