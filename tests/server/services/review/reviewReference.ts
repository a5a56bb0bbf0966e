/**
 * The review's composite score recomputed independently from the engine's report, straight
 * from the rule in README.md: a rate scores value × 100, the petition rate 100 at the week's
 * lowest township and 0 at its highest (linear between), the composite is the weighted mean of
 * the scores a township has, and rank = 1 + the number of townships with a higher composite.
 */
import type { MetricsReport } from '../../../../server/services/metrics/metricsReport.ts';

export const KEYS = [
  'partyOrgCoverage',
  'committeeRate',
  'deliberationCoverage',
  'serviceQuality',
  'petitionRate',
] as const;
export type Key = (typeof KEYS)[number];
export type Weights = Record<Key, number>;

export function referenceComposite(
  report: MetricsReport,
  weights: Weights,
): Map<string, { score: number | null; rank: number | null }> {
  const petitions = report.townships.map((t) => t.indicators.petitionRate.value).filter((v): v is number => v !== null);
  const lo = Math.min(...petitions);
  const hi = Math.max(...petitions);
  const scores = new Map<string, number | null>();
  for (const t of report.townships) {
    let sum = 0;
    let weight = 0;
    for (const key of KEYS) {
      const v = t.indicators[key].value;
      if (v === null || weights[key] === 0) continue;
      const s = key === 'petitionRate' ? (hi === lo ? 100 : (100 * (hi - v)) / (hi - lo)) : 100 * v;
      sum += weights[key] * s;
      weight += weights[key];
    }
    scores.set(t.code, weight ? sum / weight : null);
  }
  const all = [...scores.values()].filter((s): s is number => s !== null);
  return new Map(
    [...scores].map(([code, score]) => [
      code,
      { score, rank: score === null ? null : 1 + all.filter((o) => o > score + 1e-9).length },
    ]),
  );
}
