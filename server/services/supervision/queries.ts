/**
 * Reading supervision items: the list (filtered, the most urgent first), one item with its
 * timeline and compound names, and a township's open items (the township page, the one-pager).
 * `today` is the Asia/Shanghai day that decides 逾期 and the lights.
 */
import { SUPERVISION_WORDS } from './supervisionWords.ts';
import { and, asc, eq, inArray, lt, ne, type SQL } from 'drizzle-orm';
import { compounds, supervisionItemEvents, supervisionItems, townships } from '../../../data/schema/index.ts';
import type { SupervisionSource, SupervisionState } from '../../../shared/supervision/states.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { weekMonday } from '../../../shared/time/weeks.ts';
import type { Db } from '../../db/connection.ts';
import { parseEdit } from '../editing/editableCompound.ts';
import { BadInputError } from '../errors.ts';
import { listFilterInput, type ListFilterInput } from './inputs.ts';
import { byUrgency, itemWeekSql, toItemView, type SupervisionItemView } from './itemView.ts';

export interface SupervisionEventView {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  fromState: SupervisionState | null;
  toState: SupervisionState;
  text: string;
}

export interface SupervisionItemDetail extends SupervisionItemView {
  /** The item's compounds with their names (a code no longer in the ledger keeps its code as name). */
  compounds: { code: string; name: string }[];
  /** Oldest first. */
  events: SupervisionEventView[];
}

export interface ListFilter {
  townshipCode?: string;
  state?: SupervisionState | 'overdue';
  week?: string;
  source?: SupervisionSource;
}

async function rowsWhere(db: Db, where: SQL | undefined, today: string): Promise<SupervisionItemView[]> {
  const rows = await db
    .select({ item: supervisionItems, townshipName: townships.name })
    .from(supervisionItems)
    .innerJoin(townships, eq(townships.code, supervisionItems.townshipCode))
    .where(where);
  return rows.map((r) => toItemView(r.item, r.townshipName, today)).sort(byUrgency);
}

/**
 * Items matching the filter, overdue first (then by deadline). `state: 'overdue'` means past the
 * deadline and not closed, whatever the stored state; `week` is the item's week (its review week,
 * or the ISO week of its day of issue).
 */
export async function listItems(
  db: Db,
  raw: ListFilterInput = {},
  today: string = todayInCity(),
): Promise<SupervisionItemView[]> {
  const filter = parseEdit(listFilterInput, raw, '督办事项筛选条件');
  if (filter.week !== undefined) weekMonday(filter.week);
  const where: SQL[] = [];
  if (filter.townshipCode) where.push(eq(supervisionItems.townshipCode, filter.townshipCode));
  if (filter.source) where.push(eq(supervisionItems.source, filter.source));
  if (filter.week) where.push(eq(itemWeekSql, filter.week));
  if (filter.state === 'overdue')
    where.push(ne(supervisionItems.state, 'closed'), lt(supervisionItems.deadline, today));
  else if (filter.state) where.push(eq(supervisionItems.state, filter.state));
  return rowsWhere(db, where.length ? and(...where) : undefined, today);
}

/** One item with its compounds and timeline. */
export async function getItem(db: Db, itemId: number, today: string = todayInCity()): Promise<SupervisionItemDetail> {
  const [item] = await rowsWhere(db, eq(supervisionItems.id, itemId), today);
  if (!item) throw new BadInputError(SUPERVISION_WORDS.noItem(itemId));
  const [named, events] = await Promise.all([
    item.compoundCodes.length
      ? db
          .select({ code: compounds.code, name: compounds.name })
          .from(compounds)
          .where(inArray(compounds.code, item.compoundCodes))
      : Promise.resolve([]),
    db
      .select()
      .from(supervisionItemEvents)
      .where(eq(supervisionItemEvents.itemId, itemId))
      .orderBy(asc(supervisionItemEvents.at), asc(supervisionItemEvents.id)),
  ]);
  const names = new Map(named.map((c) => [c.code, c.name]));
  return {
    ...item,
    compounds: item.compoundCodes.map((code) => ({ code, name: names.get(code) ?? code })),
    events: events.map((e) => ({
      id: e.id,
      at: new Date(e.at).toISOString(),
      actorId: e.actorId,
      actorName: e.actorName,
      fromState: e.fromState,
      toState: e.toState,
      text: e.text,
    })),
  };
}

/** A township's items not yet closed, overdue first: for its page and its one-page report. */
export async function openItemsForTownship(
  db: Db,
  townshipCode: string,
  today: string = todayInCity(),
): Promise<SupervisionItemView[]> {
  return rowsWhere(
    db,
    and(eq(supervisionItems.townshipCode, townshipCode), ne(supervisionItems.state, 'closed')),
    today,
  );
}
