/** A `?week=` the data does not have (before 2024-W01, after this week, or not a week): what to say. */

export interface WeekOutside {
  /** As written in the address. */
  week: string;
  first: string;
  last: string;
  /** The valid week closest to it; null when it is not a week at all ("2025-W7"). */
  nearest: string | null;
}

/** Weeks are ISO "YYYY-Www", so they compare as text. */
export function weekOutside(raw: string | null, weeks: readonly string[]): WeekOutside | null {
  if (raw === null || weeks.length === 0 || weeks.includes(raw)) return null;
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  if (!/^\d{4}-W\d{2}$/.test(raw)) return { week: raw, first, last, nearest: null };
  const nearest = raw < first ? first : raw > last ? last : (weeks.find((w) => w > raw) ?? last);
  return { week: raw, first, last, nearest };
}
