/**
 * Suggested task texts and deadlines for a new supervision item, by what it is about: one of the
 * five indicators, or overdue resident issues. The values are data (data/supervision-rules.ts);
 * a screen prefills the form with them and the analyst may change both.
 */
import type { IndicatorKey } from '../indicators/keys.ts';
import { addDays } from '../time/dates.ts';

/** What an item can be about, for its suggestion: an indicator, or overdue issues (逾期诉求). */
export type SupervisionTopic = IndicatorKey | 'overdueIssues';

export interface SupervisionSuggestion {
  /** The problem as the item states it, e.g. "四方联席会议覆盖率未达标". */
  problem: string;
  /** What must be done. */
  task: string;
  /** Calendar days from the day of issue to the deadline (the deadline day included as in time). */
  days: number;
}

export type SupervisionSuggestions = Readonly<Record<SupervisionTopic, SupervisionSuggestion>>;

/** The prefilled item: problem, task and the deadline `days` after `today` (Asia/Shanghai days). */
export function suggestItem(
  suggestions: SupervisionSuggestions,
  topic: SupervisionTopic,
  today: string,
): { problem: string; task: string; deadline: string } {
  const s = suggestions[topic];
  return { problem: s.problem, task: s.task, deadline: addDays(today, s.days) };
}
