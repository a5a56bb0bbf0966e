/**
 * 上周督办事项办理情况: what became of the items of one week, per township and for the city — what
 * the next week's review opens with.
 *
 * Which items: those whose week is `week` (their review week; for an item not from a review, the
 * ISO week of its day of issue, Asia/Shanghai).
 *
 * "As of": the items of week W are handled during the week after it and looked at by the review
 * of week W+1, which reads its figures up to W+1's Sunday. So the states are counted as they stood
 * at the end (24:00 Asia/Shanghai) of `asOf` = the Sunday of W+1, or today while that Sunday is
 * still to come (then `final` is false and the counts can still change). They are rebuilt from
 * the items' events, so a summary asked for later gives the same figures as on that Sunday:
 * a move made after it does not rewrite last week's review. `overdueNow` alone is about today.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import { supervisionItemEvents, supervisionItems, townships } from '../../../data/schema/index.ts';
import { closedLate } from '../../../shared/supervision/deadlines.ts';
import type { SupervisionState } from '../../../shared/supervision/states.ts';
import { addDays, endOfCityDay, todayInCity } from '../../../shared/time/dates.ts';
import { isoWeekOf, parseWeek, weekMonday, weekValueDate } from '../../../shared/time/weeks.ts';
import type { Db } from '../../db/connection.ts';
import { cityDayOf, itemWeekSql } from './itemView.ts';

export interface SupervisionCounts {
  /** Items of the week. */
  issued: number;
  /** Their state at the end of `asOf` (the four add up to `issued`). */
  pending: number;
  answered: number;
  returned: number;
  closed: number;
  /** Of `closed`: closed after the deadline day. */
  closedLate: number;
  /** Not closed at the end of `asOf` and past the deadline on `asOf`. */
  overdueAsOf: number;
  /** Not closed now and past the deadline today. */
  overdueNow: number;
}

export interface TownshipSupervisionCounts extends SupervisionCounts {
  code: string;
  name: string;
}

export interface SupervisionWeekSummary {
  week: string;
  /** The day the states are counted at the end of: the next week's Sunday, or today before it. */
  asOf: string;
  /** True once that Sunday has passed: the counts (but overdueNow) no longer change. */
  final: boolean;
  today: string;
  /** Townships with items in the week, by code. */
  townships: TownshipSupervisionCounts[];
  city: SupervisionCounts;
}

const zero = (): SupervisionCounts => ({
  issued: 0,
  pending: 0,
  answered: 0,
  returned: 0,
  closed: 0,
  closedLate: 0,
  overdueAsOf: 0,
  overdueNow: 0,
});

export async function supervisionWeekSummary(
  db: Db,
  week: string,
  today: string = todayInCity(),
): Promise<SupervisionWeekSummary> {
  parseWeek(week, today);
  const nextWeek = isoWeekOf(addDays(weekMonday(week), 7));
  const asOf = weekValueDate(nextWeek, today);
  const cutoff = new Date(endOfCityDay(asOf));
  const items = await db
    .select({
      id: supervisionItems.id,
      townshipCode: supervisionItems.townshipCode,
      townshipName: townships.name,
      deadline: supervisionItems.deadline,
      state: supervisionItems.state,
    })
    .from(supervisionItems)
    .innerJoin(townships, eq(townships.code, supervisionItems.townshipCode))
    .where(eq(itemWeekSql, week));
  const events = items.length
    ? await db
        .select({
          itemId: supervisionItemEvents.itemId,
          at: supervisionItemEvents.at,
          to: supervisionItemEvents.toState,
        })
        .from(supervisionItemEvents)
        .where(
          and(
            inArray(
              supervisionItemEvents.itemId,
              items.map((i) => i.id),
            ),
            lt(supervisionItemEvents.at, cutoff),
          ),
        )
        .orderBy(supervisionItemEvents.at, supervisionItemEvents.id)
    : [];
  // The last event before the cutoff is the state then; closing is final, so its event is the close.
  const stateThen = new Map<number, { state: SupervisionState; at: Date }>();
  for (const e of events) stateThen.set(e.itemId, { state: e.to, at: new Date(e.at) });

  const city = zero();
  const byTownship = new Map<string, TownshipSupervisionCounts>();
  for (const item of items) {
    let counts = byTownship.get(item.townshipCode);
    if (!counts)
      byTownship.set(item.townshipCode, (counts = { code: item.townshipCode, name: item.townshipName, ...zero() }));
    // An item issued after the cutoff (a late entry for the week) counts as not yet handled.
    const then = stateThen.get(item.id) ?? { state: 'pending' as const, at: cutoff };
    for (const c of [counts, city]) {
      c.issued++;
      c[then.state]++;
      if (then.state === 'closed' && closedLate(item.deadline, cityDayOf(then.at))) c.closedLate++;
      if (then.state !== 'closed' && asOf > item.deadline) c.overdueAsOf++;
      if (item.state !== 'closed' && today > item.deadline) c.overdueNow++;
    }
  }
  return {
    week,
    asOf,
    final: asOf < today,
    today,
    townships: [...byTownship.values()].sort((a, b) => a.code.localeCompare(b.code)),
    city,
  };
}
