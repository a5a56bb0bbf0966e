/**
 * 上周督办事项办理情况 on the review board: what became of the items issued at last week's review
 * (supervision/weekSummary.ts, counted as they stood at the end of this week's Sunday, or today
 * while it is still to come), the items themselves, and every item still open with its light —
 * what the board, the pack and the township's one-pager show. It is part of the board, so a week
 * marked reviewed keeps the section as it was shown (weekSource.ts `freeze`); boards frozen before
 * the section existed have none (`supervision` absent), and the screens say so.
 *
 * Also the black list's overdue-supervision rule's counts: per township, the items past their
 * deadline and not closed at the end of the week's value date, rebuilt from the events so a week
 * recomputed later reads the same (a close recorded after that day does not rewrite it).
 */
import { and, count, eq, lt, notExists, sql } from 'drizzle-orm';
import { supervisionItemEvents, supervisionItems } from '../../../data/schema/index.ts';
import { endOfCityDay } from '../../../shared/time/dates.ts';
import type { Db } from '../../db/connection.ts';
import { byUrgency, type SupervisionItemView } from '../supervision/itemView.ts';
import { listItems } from '../supervision/queries.ts';
import { supervisionWeekSummary, type SupervisionWeekSummary } from '../supervision/weekSummary.ts';

export interface BoardSupervision {
  /** The counts of last week's items, per township (those with items) and for the city. */
  summary: SupervisionWeekSummary;
  /** Last week's items, most urgent first, in their state on `summary.today`. */
  items: SupervisionItemView[];
  /** Every item not closed on `summary.today` (any week), most urgent first. */
  open: SupervisionItemView[];
}

/** The section for the board of a week whose previous week is `previousWeek` (null: none). */
export async function boardSupervision(
  db: Db,
  previousWeek: string | null,
  today: string,
): Promise<BoardSupervision | null> {
  if (previousWeek === null) return null;
  const [summary, items, ...open] = await Promise.all([
    supervisionWeekSummary(db, previousWeek, today),
    listItems(db, { week: previousWeek }, today),
    ...(['pending', 'answered', 'returned'] as const).map((state) => listItems(db, { state }, today)),
  ]);
  return { summary, items, open: open.flat().sort(byUrgency) };
}

/**
 * Items per township past their deadline and not closed at the end of `asOf` (Asia/Shanghai):
 * issued before then, deadline before `asOf`, no close event before then.
 */
export async function overdueSupervisionAsOf(db: Db, asOf: string): Promise<Map<string, number>> {
  const cutoff = new Date(endOfCityDay(asOf));
  const rows = await db
    .select({ code: supervisionItems.townshipCode, n: count() })
    .from(supervisionItems)
    .where(
      and(
        lt(supervisionItems.issuedAt, cutoff),
        lt(supervisionItems.deadline, asOf),
        notExists(
          db
            .select({ one: sql`1` })
            .from(supervisionItemEvents)
            .where(
              and(
                eq(supervisionItemEvents.itemId, supervisionItems.id),
                eq(supervisionItemEvents.toState, 'closed'),
                lt(supervisionItemEvents.at, cutoff),
              ),
            ),
        ),
      ),
    )
    .groupBy(supervisionItems.townshipCode);
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}
