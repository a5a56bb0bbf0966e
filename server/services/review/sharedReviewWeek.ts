/**
 * The week the review screens read, shared between requests. A week not reviewed is recomputed
 * from the records (weekSource.ts), and after a record changes the analysts on the review pages
 * and the wall screens ask again at once: the week's parts (the previous week as shown, the
 * engine's report, the 晾晒榜) and each township's week are computed once per week and data
 * revision, and identical requests arriving meanwhile share that computation (live/revisionMemo.ts),
 * so the board also serves every township page of its week.
 *
 * What the board reads besides the data tables (every change to them bumps the revision, and the
 * audit rows listed as corrections are written in the edits' own transactions): the review rules
 * (read first, part of the key, and the ones applied), whether the previous week is reviewed (its
 * stamp is part of the key), and today (part of the key). A reviewed week is its snapshot, opened
 * as before.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { revisionMemo } from '../live/revisionMemo.ts';
import type { ReviewBoard } from './rankingBoard.ts';
import { openReviewWeek } from './reviewedWeeks.ts';
import { readReviewRules } from './reviewRules.ts';
import { checkTownshipCodeForm, parseReviewWeek } from './reviewWeek.ts';
import { townshipReviewFrom, type TownshipReview } from './townshipReview.ts';
import { liveWeekSource, type WeekSource } from './weekSource.ts';

interface SharedSource {
  source: WeekSource;
  /** The memo key of the week's shared parts; null for a reviewed week (its snapshot). */
  key: string | null;
}

async function openShared(db: Db, week: string, today: string): Promise<SharedSource> {
  const parsed = parseReviewWeek(week, today);
  const [row] = await queryRows<{ reviewed: boolean; previous: string | null }>(
    db,
    sql`select exists (select 1 from reviewed_weeks where week = ${parsed.week}) as reviewed,
      (select reviewed_at::text from reviewed_weeks where week = ${parsed.previousWeek}) as previous`,
  );
  if (row?.reviewed) return { source: await openReviewWeek(db, week, { today }), key: null };
  const rules = await readReviewRules(db);
  const key = `review.week ${parsed.week} ${today} ${row?.previous ?? 'unreviewed'} ${JSON.stringify(rules)}`;
  return {
    source: liveWeekSource(db, parsed, today, {
      rules,
      keep: (part, compute) => revisionMemo(db, `${key} ${part}`, compute),
    }),
    key,
  };
}

/** The week's 晾晒榜 (in Chinese, as stored): its snapshot when reviewed. */
export async function sharedReviewBoard(db: Db, week: string, options: { today?: string } = {}): Promise<ReviewBoard> {
  const { source } = await openShared(db, week, options.today ?? todayInCity());
  return source.board();
}

/** A township's week (in Chinese, as stored) and the board it stands on. */
export async function sharedTownshipReview(
  db: Db,
  code: string,
  week: string,
  options: { today?: string } = {},
): Promise<{ review: TownshipReview; board: ReviewBoard }> {
  checkTownshipCodeForm(code);
  const { source, key } = await openShared(db, week, options.today ?? todayInCity());
  const review =
    key === null
      ? townshipReviewFrom(source, code)
      : revisionMemo(db, `${key} township ${code}`, () => townshipReviewFrom(source, code));
  return { review: await review, board: await source.board() };
}
