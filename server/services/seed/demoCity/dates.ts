/**
 * Calendar dates as integer day numbers (days since 1970-01-01) so date arithmetic never
 * touches time zones: a 'YYYY-MM-DD' string is a calendar date in Asia/Shanghai and is
 * handled as UTC midnight of that date.
 */
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const HISTORY_START = '2024-01-01';

export function toDay(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
  if (toIso(day) !== iso) throw new Error(`not a calendar date: ${iso}`);
  return day;
}

const isoCache = new Map<number, string>();

export function toIso(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}

export function dayOf(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 1–12. */
export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

export function daysInMonth(year: number, month: number): number {
  return dayOf(year, month + 1, 1) - dayOf(year, month, 1);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Same month and day n years later (29 Feb → 1 Mar). */
export function addYears(day: number, years: number): number {
  const d = new Date(day * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY;
}

/** Months from (year, month) to (year2, month2), e.g. for looping over calendar months. */
export function monthsBetween(fromDay: number, toDayInclusive: number): { year: number; month: number }[] {
  const out: { year: number; month: number }[] = [];
  let y = yearOf(fromDay);
  let m = monthOf(fromDay);
  while (dayOf(y, m, 1) <= toDayInclusive) {
    out.push({ year: y, month: m });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
