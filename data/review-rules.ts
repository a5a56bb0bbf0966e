/**
 * Default rules of the weekly review (每周调度晾晒): how the composite score weighs the five
 * indicators, and who goes on the red and black lists (红黑榜). An administrator can change
 * them (stored in `review_settings`, key 'rules'); these are the values used until then, and
 * the values any setting left out falls back to. README.md § "Weekly review" explains them.
 */
import type { IndicatorKey } from './schema/admin.ts';

export interface ReviewRules {
  composite: {
    /**
     * Weight of each indicator in the composite score (≥ 0). The composite is the weighted mean
     * of the per-indicator scores (0–100) the township has; 0 leaves an indicator out.
     */
    weights: Record<IndicatorKey, number>;
  };
  redList: {
    /** The best N by composite rank (ties included). 0 = no such clause. */
    topN: number;
    /** Also every township whose composite rank rose by at least this many places; null = off. */
    minRankRise: number | null;
    /**
     * true: a township that meets a black-list rule is left off the red list. Default false: the
     * two lists are judged independently, and a township can be on both (each with its reasons).
     */
    excludeBlackListed: boolean;
  };
  blackList: {
    /** The worst N by composite rank (ties included). 0 = no such clause. */
    bottomN: number;
    /** Also every township with at least this many overdue resident issues; null = off. */
    minOverdueIssues: number | null;
    /** Also every township whose deliberation coverage is below this fraction; null = off. */
    minDeliberationCoverage: number | null;
  };
  /** How many gainers and fallers the board lists. */
  movers: { count: number };
}

export const DEFAULT_REVIEW_RULES: ReviewRules = {
  composite: {
    weights: { partyOrgCoverage: 1, committeeRate: 1, deliberationCoverage: 1, serviceQuality: 1, petitionRate: 1 },
  },
  redList: { topN: 3, minRankRise: 3, excludeBlackListed: false },
  blackList: { bottomN: 3, minOverdueIssues: 5, minDeliberationCoverage: 0.8 },
  movers: { count: 3 },
};
