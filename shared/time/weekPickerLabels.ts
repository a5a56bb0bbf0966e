/**
 * How a week reads on screen: its number and its dates, Monday to Sunday (ISO weeks of
 * Asia/Shanghai calendar days, see weeks.ts) — '第49周 · 11月30日–12月6日', in English
 * 'W49 · 30 Nov – 6 Dec' — instead of the bare code '2026-W49'. The code stays in the URL and
 * in files; this is for people. The review pack keeps weekLabel (weeks.ts), its printed form.
 */
import { addDays } from './dates.ts';
import { weekMonday } from './weeks.ts';

export type WeekLabelLocale = 'zh-CN' | 'en';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The ISO year and week number of a week code: '2026-W49' → { year: 2026, number: 49 }. */
export function weekParts(week: string): { year: number; number: number } {
  weekMonday(week); // throws InvalidDateError for a malformed or non-existent week
  return { year: Number(week.slice(0, 4)), number: Number(week.slice(6, 8)) };
}

/** A week's number alone: '第49周', 'W49'. */
export function weekNumberLabel(week: string, locale: WeekLabelLocale): string {
  const { number } = weekParts(week);
  return locale === 'en' ? `W${String(number).padStart(2, '0')}` : `第${number}周`;
}

/**
 * A chart axis's week: '2024年第7周', 'W07 2024' (the code itself is for addresses, not readers).
 * Anything else on the axis (the target tracker ends on its deadline, a date) is shown as it is.
 */
export function weekAxisLabel(week: string, locale: WeekLabelLocale): string {
  if (!/^\d{4}-W\d{2}$/.test(week)) return week;
  const { year } = weekParts(week);
  return locale === 'en' ? `${weekNumberLabel(week, locale)} ${year}` : `${year}年${weekNumberLabel(week, locale)}`;
}

/**
 * A week's Monday–Sunday: '11月30日–12月6日', '12月1日–7日'; in English '30 Nov – 6 Dec',
 * '1 – 7 Dec'. A day outside the week's ISO year carries its year, so week 1
 * and week 53 read unambiguously: '2024年12月30日–1月5日' for 2025-W01.
 */
export function weekDatesLabel(week: string, locale: WeekLabelLocale): string {
  const monday = weekMonday(week);
  const sunday = addDays(monday, 6);
  const isoYear = week.slice(0, 4);
  const part = (date: string) => ({
    year: date.slice(0, 4),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  });
  const from = part(monday);
  const to = part(sunday);
  const sameMonth = monday.slice(0, 7) === sunday.slice(0, 7);
  if (locale === 'en') {
    const month = (p: typeof from) => `${EN_MONTHS[p.month - 1]}${p.year === isoYear ? '' : ` ${p.year}`}`;
    return sameMonth ? `${from.day} – ${to.day} ${month(to)}` : `${from.day} ${month(from)} – ${to.day} ${month(to)}`;
  }
  const zh = (p: typeof from) => `${p.year === isoYear ? '' : `${p.year}年`}${p.month}月${p.day}日`;
  return sameMonth ? `${zh(from)}–${to.day}日` : `${zh(from)}–${zh(to)}`;
}

/**
 * A week as a picker shows it: '第49周 · 11月30日–12月6日' / 'W49 · 30 Nov – 6 Dec'; with
 * `withYear` (when the year is not obvious, e.g. not this year) '2025年第49周 · …' / 'W49 2025 · …'.
 */
export function weekPickerLabel(week: string, locale: WeekLabelLocale, options: { withYear?: boolean } = {}): string {
  const { year } = weekParts(week);
  const number = weekNumberLabel(week, locale);
  const head = !options.withYear ? number : locale === 'en' ? `${number} ${year}` : `${year}年${number}`;
  return `${head} · ${weekDatesLabel(week, locale)}`;
}
