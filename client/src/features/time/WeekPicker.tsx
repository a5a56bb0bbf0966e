/**
 * The one week picker of the product: ‹ previous · the week with its dates (opens the calendar)
 * · next ›. The week reads '第49周 · 11月30日–12月6日' (the year added when it is not the data's
 * latest year); the calendar is a month view with ISO weeks as rows (WeekCalendar). Used by the
 * dashboard, the review, the township page, the workbench, compare and supervision.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { stepWeek } from '../../../../shared/time/weekCalendar.ts';
import { weekPickerLabel } from '../../../../shared/time/weekPickerLabels.ts';
import { todayInCity } from '../../../../shared/time/dates.ts';
import { WeekCalendar } from './WeekCalendar.tsx';
import './weekPicker.css';

interface Props {
  /** The weeks that may be picked, ascending. */
  weeks: readonly string[];
  /** The week shown; null for "all weeks" (only with `allowAll`). */
  value: string | null;
  onChange(week: string | null): void;
  /** A caption before the picker, e.g. 截至周. */
  caption?: string;
  /** The week in progress, said as such after its dates. */
  inProgress?: string | undefined;
  /** Offer "all weeks" (a filter, e.g. on /supervision). */
  allowAll?: boolean;
  testId?: string;
}

export function WeekPicker({
  weeks,
  value,
  onChange,
  caption,
  inProgress,
  allowAll = false,
  testId = 'week-picker',
}: Props) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  // The server's today (Asia/Shanghai; tests may set the clock), already fetched by the shell.
  const today = useQuery(trpc.system.info.queryOptions()).data?.today ?? todayInCity();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const dialogId = useId();
  const latestYear = weeks.at(-1)?.slice(0, 4);
  const label =
    value === null
      ? t('weekPicker.all')
      : `${weekPickerLabel(value, locale, { withYear: value.slice(0, 4) !== latestYear })}${
          value === inProgress ? ` · ${t('weekPicker.inProgress')}` : ''
        }`;
  const previous = value === null ? null : stepWeek(weeks, value, -1);
  const next = value === null ? null : stepWeek(weeks, value, 1);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };
  // A press outside closes the calendar (without taking the focus back: it went where the user pressed).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const pick = (week: string | null) => {
    onChange(week);
    close(true);
  };

  return (
    <div
      className="week-picker"
      ref={root}
      data-testid={testId}
      data-week={value ?? 'all'}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close(true);
        }
      }}
    >
      {caption && <span className="week-picker-caption">{caption}</span>}
      <button
        type="button"
        className="week-step"
        aria-label={t('weekPicker.previous')}
        disabled={!previous}
        onClick={() => previous && onChange(previous)}
        data-testid={`${testId}-previous`}
      >
        ‹
      </button>
      <button
        type="button"
        ref={trigger}
        className="week-picker-trigger"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? dialogId : undefined}
        aria-label={t('weekPicker.open', { week: label })}
        onClick={() => setOpen(!open)}
        data-testid={`${testId}-open`}
      >
        <span className="week-picker-label" data-testid={`${testId}-text`}>
          {label}
        </span>
        <span className="week-picker-icon" aria-hidden="true">
          ▦
        </span>
      </button>
      {/* Paper has no buttons (print.css): the week shown is printed as text. */}
      <span className="week-picker-printed" aria-hidden="true">
        {label}
      </span>
      <button
        type="button"
        className="week-step"
        aria-label={t('weekPicker.next')}
        disabled={!next}
        onClick={() => next && onChange(next)}
        data-testid={`${testId}-next`}
      >
        ›
      </button>
      {open && (
        <div
          className="week-calendar panel"
          role="dialog"
          id={dialogId}
          aria-label={t('weekPicker.dialog')}
          data-testid={`${testId}-calendar`}
        >
          <WeekCalendar weeks={weeks} value={value} onPick={pick} today={today} />
          <div className="week-calendar-actions">
            {allowAll && (
              <button type="button" className="button" onClick={() => pick(null)}>
                {t('weekPicker.all')}
              </button>
            )}
            <button type="button" className="button" onClick={() => close(true)}>
              {t('weekPicker.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
