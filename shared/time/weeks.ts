/**
 * ISO weeks (Monday–Sunday) of Asia/Shanghai calendar days, written 'YYYY-Www'. A week's value
 * is its Sunday's; for the week in progress it is today's.
 */
import { TIME_WORDS } from './timeWords.ts';
import {
  addDays,
  fromDayNumber,
  HISTORY_START,
  InvalidDateError,
  isoWeekday,
  todayInCity,
  toDayNumber,
} from './dates.ts';
import type { Locale } from '../language/index.ts';

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
  if (!m) throw new InvalidDateError(TIME_WORDS.invalidWeek(week));
  const year = Number(m[1]);
  const n = Number(m[2]);
  // Checked before any arithmetic: week 99 of year 9999 would otherwise run past the calendar.
  if (year < FIRST_WEEK_YEAR || year > LAST_WEEK_YEAR)
    throw new InvalidDateError(TIME_WORDS.weekYearOutOfRange(week, FIRST_WEEK_YEAR, LAST_WEEK_YEAR));
  if (n < 1 || n > 53) throw new InvalidDateError(TIME_WORDS.noSuchWeek(week, year, n));
  // Week 1 is the week with the year's first Thursday, i.e. the week containing 4 January.
  const monday = fromDayNumber(toDayNumber(mondayOf(`${year}-01-04`)) + (n - 1) * 7);
  if (isoWeekOf(monday) !== week) throw new InvalidDateError(TIME_WORDS.noSuchWeek(week, year, n));
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
  if (monday < HISTORY_START) throw new InvalidDateError(TIME_WORDS.weekBeforeHistory(week, FIRST_WEEK));
  if (monday > today) throw new InvalidDateError(TIME_WORDS.weekNotYet(week, today));
  return week;
}

/** Every ISO week from `from` to `to` inclusive. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let monday = weekMonday(from); monday <= weekMonday(to); monday = addDays(monday, 7))
    weeks.push(isoWeekOf(monday));
  return weeks;
}

const dayOf = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * A week with its dates, e.g. '2026-W48（11月23日—29日）', '2026-W49（11月30日—12月6日）'. A date
 * outside the week's ISO year carries its year, so week 1 and week 53 read unambiguously:
 * '2025-W01（2024年12月30日—1月5日）', '2026-W53（12月28日—2027年1月3日）'. Shared by the
 * client's screens and the server's pack, so both print the same label.
 */
export function weekLabel(week: string, locale: Locale = 'zh-CN'): string {
  if (locale === 'en') return weekLabelEn(week);
  const monday = weekMonday(week);
  const sunday = addDays(monday, 6);
  const year = week.slice(0, 4);
  const full = (date: string) => (date.slice(0, 4) === year ? dayOf(date) : `${date.slice(0, 4)}年${dayOf(date)}`);
  const end = sunday.slice(0, 7) === monday.slice(0, 7) ? `${Number(sunday.slice(8, 10))}日` : full(sunday);
  return `${week}（${full(monday)}—${end}）`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayOfEn = (date: string) => `${Number(date.slice(8, 10))} ${MONTHS_EN[Number(date.slice(5, 7)) - 1]}`;

/** The same in English: '2026-W49 (30 Nov – 6 Dec)', '2026-W53 (28 Dec – 3 Jan 2027)'. */
function weekLabelEn(week: string): string {
  const monday = weekMonday(week);
  const sunday = addDays(monday, 6);
  const year = week.slice(0, 4);
  const full = (date: string) => (date.slice(0, 4) === year ? dayOfEn(date) : `${dayOfEn(date)} ${date.slice(0, 4)}`);
  return `${week} (${full(monday)} – ${full(sunday)})`;
}

/** A day as the review writes it, e.g. '12月5日' ('5 Dec' in English). */
export function shortDayLabel(date: string, locale: Locale = 'zh-CN'): string {
  return locale === 'en' ? dayOfEn(date) : dayOf(date);
}

/** Where a week is in its life: being lived, ended and open to corrections, or reviewed (frozen). */
export type WeekState = 'in-progress' | 'ended' | 'reviewed';

export function weekStateOf(week: string, today: string, reviewed: boolean): WeekState {
  if (reviewed) return 'reviewed';
  return weekSunday(week) < today ? 'ended' : 'in-progress';
}

/**
 * The week's state in words: '本周进行中，截至 12月5日', '已结束，待晾晒（仍可更正）',
 * '已晾晒，快照冻结于 2026-12-05 01:50' (`frozenAt` in Asia/Shanghai, see shanghaiDateTime).
 */
export function weekStateLabel(
  state: WeekState,
  options: { asOf: string; frozenAt?: string | null },
  locale: Locale = 'zh-CN',
): string {
  if (locale === 'en') {
    if (state === 'in-progress') return `Week in progress, as of ${dayOfEn(options.asOf)}`;
    if (state === 'ended') return 'Ended, not yet reviewed (open to corrections)';
    return options.frozenAt ? `Reviewed; snapshot frozen at ${options.frozenAt}` : 'Reviewed; snapshot frozen';
  }
  if (state === 'in-progress') return `本周进行中，截至 ${dayOf(options.asOf)}`;
  if (state === 'ended') return '已结束，待晾晒（仍可更正）';
  return options.frozenAt ? `已晾晒，快照冻结于 ${options.frozenAt}` : '已晾晒，快照已冻结';
}
