/**
 * The logic behind the week calendar (a month view with ISO weeks as rows) and the replay, kept
 * pure so it is tested without a browser.
 *
 * The calendar widget works on JavaScript Dates; OneMap's days are 'YYYY-MM-DD' calendar days in
 * Asia/Shanghai. A day is handed to the widget as local noon of that calendar date and read back
 * from the Date's local year, month and date: the widget only draws calendar days, so the
 * browser's own time zone never matters (noon keeps clear of any zone whose midnight is skipped
 * by a daylight-saving change). "Today" is the city's day, passed in, not the browser's.
 */
import { addDays } from './dates.ts';
import { isoWeekOf, weekMonday } from './weeks.ts';

/** A calendar day as the widget's Date: local noon of that date. */
export function calendarDate(day: string): Date {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12);
}

/** The calendar day of a widget Date (its local date; see above). */
export function dayOfCalendarDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The ISO week a widget Date falls in: a click anywhere on a row picks that row's week. */
export function weekOfCalendarDate(date: Date): string {
  return isoWeekOf(dayOfCalendarDate(date));
}

/** A week's Monday and Sunday as widget Dates (the row to mark as chosen). */
export function weekCalendarRange(week: string): { from: Date; to: Date } {
  const monday = weekMonday(week);
  return { from: calendarDate(monday), to: calendarDate(addDays(monday, 6)) };
}

/**
 * The month to open the calendar on for a week: the month of its Thursday, the day that decides
 * an ISO week's year — 2025-W01 (30 Dec – 5 Jan) opens on January 2025. As the first of that month.
 */
export function monthOfWeek(week: string): Date {
  const thursday = addDays(weekMonday(week), 3);
  return calendarDate(`${thursday.slice(0, 7)}-01`);
}

/** The months the calendar may show: from the first week's Monday to the last week's Sunday. */
export function calendarBounds(weeks: readonly string[]): { startMonth: Date; endMonth: Date } | null {
  const first = weeks[0];
  const last = weeks.at(-1);
  if (!first || !last) return null;
  return {
    startMonth: calendarDate(`${weekMonday(first).slice(0, 7)}-01`),
    endMonth: calendarDate(`${addDays(weekMonday(last), 6).slice(0, 7)}-01`),
  };
}

/**
 * The week before (`step` −1) or after (+1) `week` among the weeks offered, or null at either end.
 * `weeks` is ascending ('YYYY-Www' codes sort as text); a week not among them steps to its
 * nearest neighbour on that side.
 */
export function stepWeek(weeks: readonly string[], week: string, step: -1 | 1): string | null {
  if (step === 1) return weeks.find((w) => w > week) ?? null;
  return weeks.findLast((w) => w < week) ?? null;
}

/** Replay speeds, in weeks a second. */
export const REPLAY_SPEEDS = [1, 4, 12] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** Milliseconds between two weeks of the replay at a speed. */
export function replayStepMs(speed: ReplaySpeed): number {
  return Math.round(1000 / speed);
}

/** A replay range, put in order and clamped to the weeks offered: [from, to] as indexes. */
export function replayRange(weeks: readonly string[], from: string, to: string): { first: number; last: number } {
  const index = (w: string, fallback: number) => {
    const i = weeks.indexOf(w);
    return i >= 0 ? i : fallback;
  };
  const a = index(from, 0);
  const b = index(to, weeks.length - 1);
  return { first: Math.min(a, b), last: Math.max(a, b) };
}

/**
 * Where the replay goes after the week at `index`: the next week in the range, or null when the
 * range is done. Started from outside the range (or at its end), it begins at the range's start.
 */
export function nextReplayIndex(index: number, range: { first: number; last: number }): number | null {
  if (index < range.first || index > range.last) return range.first;
  return index < range.last ? index + 1 : null;
}

/** Where pressing play starts: at the range's start unless the week shown is inside it and not its end. */
export function replayStartIndex(index: number, range: { first: number; last: number }): number {
  return index >= range.first && index < range.last ? index : range.first;
}
