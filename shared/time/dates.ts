/**
 * Calendar dates, the one module for them on both sides (server, client, demo-city generator).
 * OneMap's dates are calendar days in Asia/Shanghai, written 'YYYY-MM-DD'. Arithmetic is done on
 * UTC midnights, or on day numbers (whole days since 1970-01-01) where a loop runs over many
 * days, so no local time zone or daylight-saving rule can shift a day. Weeks: weeks.ts.
 */
import { TIME_WORDS } from './timeWords.ts';
import { said, type Said } from '../language/said.ts';
import { BadInputError } from '../errors.ts';

export const HISTORY_START = '2024-01-01';
export const CITY_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidDateError extends BadInputError {
  override name = 'InvalidDateError';
}

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** `what` names the date (a Said; a Chinese-only name is "Date" in English). */
export function parseIsoDate(value: string, what: string | Said = TIME_WORDS.date): string {
  const named = typeof what === 'string' ? said(what, TIME_WORDS.date.en) : what;
  if (!isIsoDate(value)) throw new InvalidDateError(TIME_WORDS.invalidDate(named, value));
  return value;
}

/** One formatter for every call: making one costs more than a small query (it showed in the load test). */
const CITY_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Asia/Shanghai. */
export function todayInCity(now: Date = new Date()): string {
  return CITY_DAY.format(now);
}

export function toDayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (y >= 100) return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not (kept off the common path).
  const utc = new Date(0);
  utc.setUTCFullYear(y, m - 1, d);
  return Math.round(utc.getTime() / DAY_MS);
}

/** Day numbers of 0001-01-01 and 9999-12-31: past them no date is written YYYY-MM-DD. */
const FIRST_DAY = -719_162;
const LAST_DAY = 2_932_896;

/** Spellings of recent day numbers: the demo-city generator turns millions of days into text. */
const spellings = new Map<number, string>();
const MAX_SPELLINGS = 100_000;

export function fromDayNumber(day: number): string {
  let date = spellings.get(day);
  if (date !== undefined) return date;
  // Arithmetic past year 9999 (9999-W53, 9999-12-31 plus a day) has no YYYY-MM-DD spelling;
  // refuse it as bad input rather than fail with a RangeError ("Invalid time value").
  if (!Number.isInteger(day) || day < FIRST_DAY || day > LAST_DAY)
    throw new InvalidDateError(TIME_WORDS.dateOutOfRange);
  date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (spellings.size < MAX_SPELLINGS) spellings.set(day, date);
  return date;
}

/** The day number of a calendar date given as numbers; month is 1–12. */
export function dayNumberOf(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 1–12. */
export function monthOf(day: number): number {
  return new Date(day * DAY_MS).getUTCMonth() + 1;
}

/** month is 1–12. */
export function daysInMonth(year: number, month: number): number {
  return dayNumberOf(year, month + 1, 1) - dayNumberOf(year, month, 1);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The calendar months from the month of `fromDay` to the month of `toDay`, inclusive. */
export function monthsBetween(fromDay: number, toDay: number): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  let year = yearOf(fromDay);
  let month = monthOf(fromDay);
  while (dayNumberOf(year, month, 1) <= toDay) {
    months.push({ year, month });
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The same month and day `years` later; 29 February lands on 1 March when that year has none. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return fromDayNumber(dayNumberOf(y + years, m, d));
}

/** 'YYYY-MM' → the month after it. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A date an indicator may be asked for: a real date from HISTORY_START to today. */
export function parseAsOf(value: string, today: string = todayInCity()): string {
  parseIsoDate(value, TIME_WORDS.asOf);
  if (value < HISTORY_START) throw new InvalidDateError(TIME_WORDS.asOfBeforeHistory(value, HISTORY_START));
  if (value > today) throw new InvalidDateError(TIME_WORDS.asOfAfterToday(value, today));
  return value;
}

/**
 * An instant as a wall clock in Asia/Shanghai, 'YYYY-MM-DD HH:mm' — how a freeze time or an edit
 * time is printed. Not the instant's UTC date: 17:50 UTC on the 4th is 01:50 on the 5th here.
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
 */
export function shanghaiDateTime(instant: string | Date): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new InvalidDateError(TIME_WORDS.invalidInstant(String(instant)));
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant a city day ends (24:00 Asia/Shanghai), as ISO UTC: edits after it are corrections. */
export function endOfCityDay(date: string): string {
  return new Date(Date.parse(`${addDays(date, 1)}T00:00:00+08:00`)).toISOString();
}
