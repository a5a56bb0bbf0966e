/**
 * The shape of the weekly review's rules (composite weights, 红黑榜 thresholds): a type both the
 * server (which applies them) and the client (which shows them in words) know. The defaults are
 * data: data/review-rules.ts.
 */
import type { IndicatorKey } from '../indicators/keys.ts';

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
  };
  blackList: {
    /** The worst N by composite rank (ties included). 0 = no such clause. */
    bottomN: number;
    /**
     * Also every township where at least this share (0–1] of its open resident issues is
     * overdue — scaled to the township, so a large township is not listed for its size; null = off.
     */
    minOverdueShare: number | null;
    /**
     * The overdue-share rule needs at least this many overdue issues, so that one late issue
     * out of two open ones in a small township is not a trend.
     */
    minOverdueCount: number;
    /** Also every township whose deliberation coverage is below this fraction; null = off. */
    minDeliberationCoverage: number | null;
    /**
     * Also every township with at least `minOverdueItems` supervision items (督办事项) past their
     * deadline and not closed at the end of the week's value date: an item ignored past its
     * deadline is answered at the next review. Absent from rules stored or frozen before it existed.
     */
    overdueSupervision: { enabled: boolean; minOverdueItems: number };
  };
  /** How many gainers and fallers the board lists. */
  movers: { count: number };
}
