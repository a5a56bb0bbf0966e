/**
 * Default rules of the weekly review (每周调度晾晒): how the composite score weighs the five
 * indicators, and who goes on the red and black lists (红黑榜). An administrator can change
 * them (stored in `review_settings`, key 'rules'); these are the values used until then, and
 * the values any setting left out falls back to. README.md § "红黑榜 rules" explains how the
 * defaults were chosen (the weekly list sizes they give on the demo city).
 *
 * A township is never on both lists: one that meets a black-list rule is left off the red list
 * whatever the settings (redBlackList.ts), so the lists never contradict each other.
 */
import type { ReviewRules } from '../shared/review/reviewRules.ts';

export type { ReviewRules };

export const DEFAULT_REVIEW_RULES: ReviewRules = {
  composite: {
    weights: { partyOrgCoverage: 1, committeeRate: 1, deliberationCoverage: 1, serviceQuality: 1, petitionRate: 1 },
  },
  redList: { topN: 3, minRankRise: 6 },
  blackList: {
    bottomN: 3,
    minOverdueShare: 0.4,
    minOverdueCount: 4,
    minDeliberationCoverage: 0.8,
    // On: 督办 without a consequence is a letter; it needs items to bite, so it changes nothing
    // until the department issues some. Two, so one item a day late is not yet a black mark.
    overdueSupervision: { enabled: true, minOverdueItems: 2 },
  },
  movers: { count: 3 },
};
