/**
 * Which week a review is about, checked the way every entry point (tRPC, CLI) needs it: a
 * well-formed ISO week from 2024-W01 to the current week, read on its value date (its Sunday, or
 * today for the week in progress), compared with the previous week as it was shown
 * (shownPrevious.ts): read on its Sunday — for the week in progress too, where today − 7 would be
 * a weekday no one was shown.
 */
import { PLACE_WORDS } from '../compounds/placeWords.ts';
import { activeCity } from '../city/activeCity.ts';
import { eq } from 'drizzle-orm';
import { townships } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { BadInputError } from '../errors.ts';
import { addDays, HISTORY_START, todayInCity } from '../../../shared/time/dates.ts';
import { isoWeekOf, mondayOf, parseWeek, weekSunday, weekValueDate } from '../../../shared/time/weeks.ts';
import { TIME_WORDS } from '../../../shared/time/timeWords.ts';

export interface ReviewWeek {
  week: string;
  /** The day the week's figures are read on. */
  asOf: string;
  /** The previous week, or null for the first week of the history (2024-W01). */
  previousWeek: string | null;
  /** The previous week's Sunday (its value date), or null for 2024-W01. */
  previousAsOf: string | null;
  /** The week's Sunday has passed, so it may be marked reviewed. */
  ended: boolean;
}

/** Throws BadInputError (Chinese) for a malformed week, one before 2024-W01 or one not yet begun. */
export function parseReviewWeek(week: string, today: string = todayInCity()): ReviewWeek {
  if (typeof week !== 'string' || week.length > 20) throw new BadInputError(TIME_WORDS.malformedWeek);
  parseWeek(week, today);
  const asOf = weekValueDate(week, today);
  const previous = addDays(weekSunday(week), -7);
  const first = previous < HISTORY_START;
  return {
    week,
    asOf,
    previousWeek: first ? null : isoWeekOf(previous),
    previousAsOf: first ? null : previous,
    ended: weekSunday(week) < today,
  };
}

/** The week a review meeting normally looks at: the last one that has ended. */
export function defaultReviewWeek(today: string = todayInCity()): string {
  const lastSunday = addDays(mondayOf(today), -1);
  return lastSunday < HISTORY_START ? isoWeekOf(today) : isoWeekOf(lastSunday);
}

const TOWNSHIP_CODE = /^\d{9}$/;

/** Checks a township code's form without the database (the CLI checks before opening it). */
export function checkTownshipCodeForm(code: string): string {
  if (!TOWNSHIP_CODE.test(code))
    throw new BadInputError(PLACE_WORDS.malformedTownship(code, activeCity().demoStaffTownship));
  return code;
}

/** The township's name; BadInputError when no such township exists. */
export async function resolveTownship(db: Db, code: string): Promise<{ code: string; name: string }> {
  checkTownshipCodeForm(code);
  const [found] = await db
    .select({ code: townships.code, name: townships.name })
    .from(townships)
    .where(eq(townships.code, code));
  if (!found) throw new BadInputError(PLACE_WORDS.unknownTownship(code));
  return found;
}
