/**
 * ISO weeks (Monday–Sunday) of Asia/Shanghai calendar days, written 'YYYY-Www'. A week's value
 * is its Sunday's; for the week in progress it is today's.
 */
import {
  addDays,
  fromDayNumber,
  HISTORY_START,
  InvalidDateError,
  isoWeekday,
  todayInCity,
  toDayNumber,
} from './dates.ts';

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
/** Weeks any OneMap record could fall in; past them a week is a typing mistake or a probe. */
const FIRST_WEEK_YEAR = 1900;
const LAST_WEEK_YEAR = 2999;

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(toDayNumber(date)));
}

export function sundayOf(date: string): string {
  return addDays(mondayOf(date), 6);
}

/** The ISO week that contains `date`, e.g. '2024-W01' for 2024-01-01. */
export function isoWeekOf(date: string): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toDayNumber(thursday) - toDayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week; throws InvalidDateError for malformed or non-existent weeks. */
export function weekMonday(week: string): string {
  const m = ISO_WEEK.exec(week);
  if (!m) throw new InvalidDateError(`周次无效：${week}（应为 YYYY-Www，如 2025-W07）`);
  const year = Number(m[1]);
  const n = Number(m[2]);
  // Checked before any arithmetic: week 99 of year 9999 would otherwise run past the calendar.
  if (year < FIRST_WEEK_YEAR || year > LAST_WEEK_YEAR)
    throw new InvalidDateError(`周次超出范围：${week}（年份应在 ${FIRST_WEEK_YEAR} 至 ${LAST_WEEK_YEAR} 之间）`);
  if (n < 1 || n > 53) throw new InvalidDateError(`周次无效：${week}（${year} 年没有第 ${n} 周）`);
  // Week 1 is the week with the year's first Thursday, i.e. the week containing 4 January.
  const monday = fromDayNumber(toDayNumber(mondayOf(`${year}-01-04`)) + (n - 1) * 7);
  if (isoWeekOf(monday) !== week) throw new InvalidDateError(`周次无效：${week}（${year} 年没有第 ${n} 周）`);
  return monday;
}

export function weekSunday(week: string): string {
  return addDays(weekMonday(week), 6);
}

/** The day a week's value is read on: its Sunday, or today for the week in progress. */
export function weekValueDate(week: string, today: string = todayInCity()): string {
  const sunday = weekSunday(week);
  return sunday < today ? sunday : today;
}

export const FIRST_WEEK = isoWeekOf(HISTORY_START);

/** A week an indicator may be asked for: from 2024-W01 to the current week. */
export function parseWeek(week: string, today: string = todayInCity()): string {
  const monday = weekMonday(week);
  if (monday < HISTORY_START) throw new InvalidDateError(`周次 ${week} 早于数据起始周 ${FIRST_WEEK}`);
  if (monday > today) throw new InvalidDateError(`周次 ${week} 尚未到来（今天是 ${today}）`);
  return week;
}

/** Every ISO week from `from` to `to` inclusive. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let monday = weekMonday(from); monday <= weekMonday(to); monday = addDays(monday, 7))
    weeks.push(isoWeekOf(monday));
  return weeks;
}
