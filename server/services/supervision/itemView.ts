/**
 * A supervision item as the API and the CLI give it: the stored row, times as ISO UTC strings,
 * and what the day makes of it (its week, 逾期, light and days left; Asia/Shanghai days).
 */
import { sql } from 'drizzle-orm';
import { supervisionItems } from '../../../data/schema/index.ts';
import {
  daysLeft,
  deadlineLight,
  displayState,
  isOverdue,
  type DeadlineLight,
} from '../../../shared/supervision/deadlines.ts';
import type { SupervisionState } from '../../../shared/supervision/states.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { isoWeekOf } from '../../../shared/time/weeks.ts';

export type SupervisionItemRow = typeof supervisionItems.$inferSelect;

export interface SupervisionItemView {
  id: number;
  townshipCode: string;
  townshipName: string;
  compoundCodes: string[];
  indicator: SupervisionItemRow['indicator'];
  problem: string;
  task: string;
  deadline: string;
  issuedById: number | null;
  issuedByName: string;
  issuedAt: string;
  reviewWeek: string | null;
  /** The review week, or for an item not from a review the ISO week of its day of issue. */
  week: string;
  source: SupervisionItemRow['source'];
  sourceRef: string | null;
  state: SupervisionState;
  /** The state a person sees: 'overdue' once past the deadline and not closed. */
  displayState: SupervisionState | 'overdue';
  overdue: boolean;
  /** null once closed. */
  light: DeadlineLight | null;
  /** Days from today to the deadline (0 on the day, negative when overdue). */
  daysLeft: number;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  returnedReason: string | null;
  returnedAt: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The Shanghai day an instant falls on. */
export function cityDayOf(instant: Date | string): string {
  return todayInCity(new Date(instant));
}

/** The week an item counts in: its review week, or the ISO week of its day of issue (Asia/Shanghai). */
export function itemWeek(row: Pick<SupervisionItemRow, 'reviewWeek' | 'issuedAt'>): string {
  return row.reviewWeek ?? isoWeekOf(cityDayOf(row.issuedAt));
}

/** The same as itemWeek, in SQL (for filters): ISO year and week of the Shanghai day of issue. */
export const itemWeekSql = sql<string>`coalesce(${supervisionItems.reviewWeek}, to_char(${supervisionItems.issuedAt} at time zone 'Asia/Shanghai', 'IYYY-"W"IW'))`;

export function toItemView(row: SupervisionItemRow, townshipName: string, today: string): SupervisionItemView {
  return {
    id: row.id,
    townshipCode: row.townshipCode,
    townshipName,
    compoundCodes: row.compoundCodes,
    indicator: row.indicator,
    problem: row.problem,
    task: row.task,
    deadline: row.deadline,
    issuedById: row.issuedById,
    issuedByName: row.issuedByName,
    issuedAt: iso(row.issuedAt)!,
    reviewWeek: row.reviewWeek,
    week: itemWeek(row),
    source: row.source,
    sourceRef: row.sourceRef,
    state: row.state,
    displayState: displayState(row, today),
    overdue: isOverdue(row, today),
    light: deadlineLight(row.deadline, today, row.state),
    daysLeft: daysLeft(row.deadline, today),
    answer: row.answer,
    answeredAt: iso(row.answeredAt),
    answeredByName: row.answeredByName,
    closedAt: iso(row.closedAt),
    closedByName: row.closedByName,
    returnedReason: row.returnedReason,
    returnedAt: iso(row.returnedAt),
  };
}

/** Overdue first (the longest overdue first), then by deadline, then by id. */
export function byUrgency(a: SupervisionItemView, b: SupervisionItemView): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
  return a.id - b.id;
}
