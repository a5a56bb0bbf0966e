/**
 * Default early-warning rules (预警, shared/supervision/warnings.ts). A business administrator can
 * change them (stored in `review_settings` under key 'warningRules'); these hold until then, and
 * for any setting left out. None issues items automatically by default: the department decides.
 *
 * - noMeeting 45 days: the 四方联席 indicator counts a meeting in 30 days; 45 days without one
 *   means a compound has missed its month by half a month again.
 * - termEnding 60 days: an election needs about a month of notices and a vote (the supervision
 *   suggestion gives 30 days), so two months ahead leaves time to act.
 * - issueOverdue 15 days: past the deadline by more than two weeks.
 * - ratingDrop 2 stars (or to 未达标).
 * - petitionSurge 5: more than five petitions and disputes in a compound in 28 days.
 * - indicatorUnmet 4 weeks: a month of weekly reviews in a row short of the goal.
 */
import type { WarningRules } from '../shared/supervision/warnings.ts';

export type { WarningRules };

export const DEFAULT_WARNING_RULES: WarningRules = {
  noMeeting: { enabled: true, threshold: 45, autoIssue: false },
  termEnding: { enabled: true, threshold: 60, autoIssue: false },
  issueOverdue: { enabled: true, threshold: 15, autoIssue: false },
  ratingDrop: { enabled: true, threshold: 2, autoIssue: false },
  petitionSurge: { enabled: true, threshold: 5, autoIssue: false },
  indicatorUnmet: { enabled: true, threshold: 4, autoIssue: false },
};
