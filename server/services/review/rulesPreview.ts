/**
 * The administrator's preview of changed review rules: a week's board under the rules in force
 * and under the proposed ones, both computed live from the current records (a reviewed week's
 * frozen board keeps the rules of then, so it would not show the change), so that the two differ
 * only by the rules. Nothing is written.
 */
import type { Db } from '../../db/connection.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import type { ReviewBoard } from './rankingBoard.ts';
import { readReviewRules, rulesWithPatch } from './reviewRules.ts';
import { defaultReviewWeek, parseReviewWeek } from './reviewWeek.ts';
import { liveWeekSource } from './weekSource.ts';

export interface RulesPreview {
  week: string;
  present: ReviewBoard;
  proposed: ReviewBoard;
}

export async function previewReviewRules(
  db: Db,
  rawPatch: unknown,
  options: { week?: string; today?: string } = {},
): Promise<RulesPreview> {
  const today = options.today ?? todayInCity();
  const proposedRules = rulesWithPatch(await readReviewRules(db), rawPatch);
  const week = parseReviewWeek(options.week ?? defaultReviewWeek(today), today);
  // One after the other: PGlite runs one query at a time, and the second reuses the cached counts.
  const present = await liveWeekSource(db, week, today).board();
  const proposed = await liveWeekSource(db, week, today, { rules: proposedRules }).board();
  return { week: week.week, present, proposed };
}
