/**
 * "A reviewed week stays as it was." Marking a week reviewed stores a snapshot (jsonb) of
 * everything the board, the township pages and the pack show for it (weekSource.ts `freeze`);
 * from then on they are produced from that snapshot, whatever happens to the records later —
 * back-dated edits, imports, changed review rules. Weeks not marked are recomputed from the
 * current records as of their value date. Only a week that has ended (its Sunday has passed)
 * can be marked; marking it again changes nothing. Marked by hand (the review page, the CLI) or on
 * a schedule (reviewScheduler.ts); either way the audit log names who or what froze it.
 */
import { said } from '../../../shared/language/said.ts';
import { desc, eq } from 'drizzle-orm';
import { auditLog, reviewedWeeks } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { BadInputError } from '../errors.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import type { ReviewStamp } from './rankingBoard.ts';
import { parseReviewWeek } from './reviewWeek.ts';
import { freeze, frozenWeekSource, liveWeekSource, type WeekSnapshot, type WeekSource } from './weekSource.ts';

export interface ReviewedWeek extends ReviewStamp {
  week: string;
  asOf: string;
}

const stamp = (row: { reviewedAt: Date | string; reviewedBy: string | null }): ReviewStamp => ({
  reviewedAt: new Date(row.reviewedAt).toISOString(),
  reviewedBy: row.reviewedBy,
});

/** The week's source: its snapshot when reviewed, otherwise the current records. */
export async function openReviewWeek(db: Db, week: string, options: { today?: string } = {}): Promise<WeekSource> {
  const today = options.today ?? todayInCity();
  const parsed = parseReviewWeek(week, today);
  const [row] = await db.select().from(reviewedWeeks).where(eq(reviewedWeeks.week, parsed.week));
  if (row) return frozenWeekSource(row.snapshot as WeekSnapshot, stamp(row));
  return liveWeekSource(db, parsed, today);
}

export async function markWeekReviewed(
  db: Db,
  week: string,
  options: { today?: string; reviewedBy?: string | null; userId?: number | null } = {},
): Promise<ReviewedWeek & { alreadyReviewed: boolean }> {
  const today = options.today ?? todayInCity();
  const parsed = parseReviewWeek(week, today);
  if (!parsed.ended)
    throw new BadInputError(
      said(
        `周次 ${parsed.week} 尚未结束（周日之后才能标记为已晾晒）`,
        `The week ${parsed.week} has not ended (it can be marked as reviewed after its Sunday)`,
      ),
    );
  const existing = await findReviewedWeek(db, parsed.week);
  if (existing) return { ...existing, alreadyReviewed: true };

  const snapshot = await freeze(liveWeekSource(db, parsed, today));
  const inserted = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(reviewedWeeks)
      .values({ week: parsed.week, asOf: parsed.asOf, reviewedBy: options.reviewedBy ?? null, snapshot })
      .onConflictDoNothing()
      .returning();
    if (rows[0]) {
      await tx.insert(auditLog).values({
        userId: options.userId ?? null,
        action: 'review',
        tableName: 'reviewed_weeks',
        recordId: parsed.week,
        after: { week: parsed.week, asOf: parsed.asOf, reviewedBy: options.reviewedBy ?? null },
      });
    }
    return rows[0];
  });
  // Someone else marked it in the meantime: theirs stands.
  if (!inserted) return { ...(await findReviewedWeek(db, parsed.week))!, alreadyReviewed: true };
  return { week: inserted.week, asOf: inserted.asOf, ...stamp(inserted), alreadyReviewed: false };
}

export async function findReviewedWeek(db: Db, week: string): Promise<ReviewedWeek | null> {
  const [row] = await db
    .select({
      week: reviewedWeeks.week,
      asOf: reviewedWeeks.asOf,
      reviewedAt: reviewedWeeks.reviewedAt,
      reviewedBy: reviewedWeeks.reviewedBy,
    })
    .from(reviewedWeeks)
    .where(eq(reviewedWeeks.week, week));
  return row ? { week: row.week, asOf: row.asOf, ...stamp(row) } : null;
}

/** Every reviewed week, latest first. */
export async function listReviewedWeeks(db: Db): Promise<ReviewedWeek[]> {
  const rows = await db
    .select({
      week: reviewedWeeks.week,
      asOf: reviewedWeeks.asOf,
      reviewedAt: reviewedWeeks.reviewedAt,
      reviewedBy: reviewedWeeks.reviewedBy,
    })
    .from(reviewedWeeks)
    .orderBy(desc(reviewedWeeks.week));
  return rows.map((r) => ({ week: r.week, asOf: r.asOf, ...stamp(r) }));
}
