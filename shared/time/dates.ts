/**
 * Calendar dates as 'YYYY-MM-DD' strings. OneMap's dates are days in Asia/Shanghai; arithmetic
 * is done on UTC midnights so no local time zone or daylight-saving rule can shift a day.
 */
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

export function parseIsoDate(value: string, what = '日期'): string {
  if (!isIsoDate(value)) throw new InvalidDateError(`${what}无效：${value}（应为 YYYY-MM-DD 格式的真实日期）`);
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

export function fromDayNumber(day: number): string {
  // Arithmetic past year 9999 (9999-W53, 9999-12-31 plus a day) has no YYYY-MM-DD spelling;
  // refuse it as bad input rather than fail with a RangeError ("Invalid time value").
  if (!Number.isInteger(day) || day < FIRST_DAY || day > LAST_DAY)
    throw new InvalidDateError('日期超出可处理的范围（0001-01-01 至 9999-12-31）');
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** A date an indicator may be asked for: a real date from HISTORY_START to today. */
export function parseAsOf(value: string, today: string = todayInCity()): string {
  parseIsoDate(value, '截至日期');
  if (value < HISTORY_START) throw new InvalidDateError(`截至日期 ${value} 早于数据起始日 ${HISTORY_START}`);
  if (value > today) throw new InvalidDateError(`截至日期 ${value} 晚于今天（${today}）`);
  return value;
}
