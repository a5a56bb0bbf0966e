/**
 * A month view with ISO weeks (Monday–Sunday) as rows: a click on any day of a row, or on its week
 * number, picks that week; weeks outside the data are greyed out and cannot be picked; the
 * month buttons move within the data's months. Keyboard: the day grid of react-day-picker (arrow
 * keys move, Enter or Space picks the focused day's week, PageUp/PageDown change month).
 *
 * react-day-picker works in ISO weeks with `ISOWeek`; it is given calendar days as local-noon
 * Dates (see shared/time/weekCalendar.ts) and the city's today, so its time zone option is not
 * needed. It runs in "range" mode only to mark the chosen week's seven days as selected (and
 * focus them on opening); the pick itself goes through onDayClick, a whole week at a time.
 */
import { createContext, useContext, useMemo, useState } from 'react';
import { DayPicker, type CalendarWeek, type WeekNumberProps, type WeekProps } from 'react-day-picker';
import { zhCN } from 'react-day-picker/locale/zh-CN';
import { useI18n, type Locale } from '../../i18n/index.tsx';
import {
  calendarBounds,
  calendarDate,
  dayOfCalendarDate,
  monthOfWeek,
  weekCalendarRange,
  weekOfCalendarDate,
} from '../../../../shared/time/weekCalendar.ts';
import { weekNumberLabel, weekPickerLabel } from '../../../../shared/time/weekPickerLabels.ts';

interface Props {
  /** The weeks that may be picked, ascending ('YYYY-Www'). */
  weeks: readonly string[];
  /** The week shown now; null when none is (e.g. "all weeks"). */
  value: string | null;
  onPick(week: string): void;
  /** The city's today (Asia/Shanghai), marked in the grid. */
  today: string;
}

export function WeekCalendar({ weeks, value, onPick, today }: Props) {
  const { t, locale } = useI18n();
  const offered = useMemo(() => new Set(weeks), [weeks]);
  const bounds = useMemo(() => calendarBounds(weeks), [weeks]);
  const opening = value ?? weeks.at(-1);
  const [month, setMonth] = useState(() => (opening ? monthOfWeek(opening) : calendarDate(today)));
  const isOffered = (date: Date) => offered.has(weekOfCalendarDate(date));
  const dayLabel = (date: Date) => {
    const day = dayOfCalendarDate(date);
    const week = weekOfCalendarDate(date);
    const text = {
      date: locale === 'en' ? day : `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`,
      week: weekPickerLabel(week, locale, { withYear: true }),
    };
    return offered.has(week) ? t('weekPicker.day', text) : t('weekPicker.dayOutside', text);
  };

  return (
    <RowContext.Provider value={{ offered, value, onPick, locale }}>
      <DayPicker
        ISOWeek
        showWeekNumber
        showOutsideDays
        autoFocus
        mode="range"
        selected={value ? weekCalendarRange(value) : undefined}
        locale={locale === 'en' ? undefined : zhCN}
        month={month}
        onMonthChange={setMonth}
        {...(bounds ?? {})}
        today={calendarDate(today)}
        disabled={(date: Date) => !isOffered(date)}
        onDayClick={(date, modifiers) => {
          if (!modifiers.disabled) onPick(weekOfCalendarDate(date));
        }}
        formatters={{
          formatWeekNumber: (n: number) => (locale === 'en' ? `W${String(n).padStart(2, '0')}` : `第${n}周`),
          formatWeekNumberHeader: () => t('weekPicker.weekHeader'),
        }}
        labels={{ labelDayButton: dayLabel }}
        components={{ Week: WeekRow, WeekNumber: WeekNumberCell }}
        footer={<span className="muted small">{t('weekPicker.hint')}</span>}
      />
    </RowContext.Provider>
  );
}

/** What the rows need to know, handed through context: react-day-picker renders them itself. */
const RowContext = createContext<{
  offered: ReadonlySet<string>;
  value: string | null;
  onPick(week: string): void;
  locale: Locale;
}>({ offered: new Set(), value: null, onPick: () => {}, locale: 'zh-CN' });

const weekOfRow = (week: CalendarWeek) => {
  const first = week.days[0];
  return first ? weekOfCalendarDate(first.date) : '';
};

/** A row knows its ISO week: styles and tests find it by `data-week`. */
function WeekRow({ week, children, ...rest }: WeekProps) {
  const { offered, value } = useContext(RowContext);
  const code = weekOfRow(week);
  return (
    <tr {...rest} data-week={code} data-offered={offered.has(code)} data-picked={code === value}>
      {children}
    </tr>
  );
}

/** The week's number; a click on it picks the week (the days are the keyboard's way in). */
function WeekNumberCell({ week, className, ...rest }: WeekNumberProps) {
  const { offered, onPick, locale } = useContext(RowContext);
  const code = weekOfRow(week);
  const pickable = offered.has(code);
  return (
    <th
      {...rest}
      aria-label={code ? weekNumberLabel(code, locale) : undefined}
      className={`${className ?? ''}${pickable ? ' pickable' : ''}`}
      onClick={pickable ? () => onPick(code) : undefined}
    />
  );
}
