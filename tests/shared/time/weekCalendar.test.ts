/** The week calendar (month view, ISO weeks as rows) and the replay's stepping (issue #21, point 3). */
import { describe, expect, it } from 'vitest';
import {
  calendarBounds,
  calendarDate,
  dayOfCalendarDate,
  monthOfWeek,
  nextReplayIndex,
  replayRange,
  replayStartIndex,
  replayStepMs,
  stepWeek,
  weekCalendarRange,
  weekOfCalendarDate,
} from '../../../shared/time/weekCalendar.ts';
import { weeksBetween } from '../../../shared/time/weeks.ts';

describe('the week calendar', () => {
  it('hands calendar days to the widget and reads them back unchanged, whatever the day', () => {
    for (const day of ['2024-01-01', '2024-02-29', '2025-12-31', '2026-03-29', '2026-10-25'])
      expect(dayOfCalendarDate(calendarDate(day))).toBe(day);
  });

  it('picks the ISO week of any day of a row, Monday to Sunday', () => {
    // The row of 30 Nov – 6 Dec 2026: every day of it is week 49.
    for (const day of ['2026-11-30', '2026-12-03', '2026-12-06'])
      expect(weekOfCalendarDate(calendarDate(day))).toBe('2026-W49');
    expect(weekOfCalendarDate(calendarDate('2026-12-07'))).toBe('2026-W50');
    // Across New Year the row belongs to the ISO year of its Thursday.
    expect(weekOfCalendarDate(calendarDate('2024-12-30'))).toBe('2025-W01');
    expect(weekOfCalendarDate(calendarDate('2027-01-03'))).toBe('2026-W53');
  });

  it('marks a week Monday to Sunday and opens on the month of its Thursday', () => {
    const { from, to } = weekCalendarRange('2026-W49');
    expect([dayOfCalendarDate(from), dayOfCalendarDate(to)]).toEqual(['2026-11-30', '2026-12-06']);
    expect(dayOfCalendarDate(monthOfWeek('2026-W49'))).toBe('2026-12-01');
    expect(dayOfCalendarDate(monthOfWeek('2025-W01'))).toBe('2025-01-01');
    expect(dayOfCalendarDate(monthOfWeek('2026-W48'))).toBe('2026-11-01');
  });

  it('lets the calendar move only over the months of the data', () => {
    const weeks = weeksBetween('2024-W01', '2026-W49');
    const bounds = calendarBounds(weeks)!;
    expect(dayOfCalendarDate(bounds.startMonth)).toBe('2024-01-01');
    // The last week runs to 6 December: December is the last month.
    expect(dayOfCalendarDate(bounds.endMonth)).toBe('2026-12-01');
    expect(calendarBounds([])).toBeNull();
  });

  it('steps to the previous and next week offered, and stops at the ends', () => {
    const weeks = weeksBetween('2025-W50', '2026-W02');
    expect(stepWeek(weeks, '2025-W52', 1)).toBe('2026-W01');
    expect(stepWeek(weeks, '2026-W01', -1)).toBe('2025-W52');
    expect(stepWeek(weeks, '2026-W02', 1)).toBeNull();
    expect(stepWeek(weeks, '2025-W50', -1)).toBeNull();
  });
});

describe('the replay', () => {
  const weeks = weeksBetween('2024-W01', '2024-W10');

  it('plays 1, 4 or 12 weeks a second', () => {
    expect([replayStepMs(1), replayStepMs(4), replayStepMs(12)]).toEqual([1000, 250, 83]);
  });

  it('plays a range in order, whichever end was picked first', () => {
    expect(replayRange(weeks, '2024-W08', '2024-W03')).toEqual({ first: 2, last: 7 });
    expect(replayRange(weeks, 'unknown', 'unknown')).toEqual({ first: 0, last: 9 });
  });

  it('steps through the range and stops at its end', () => {
    const range = { first: 2, last: 4 };
    expect(nextReplayIndex(2, range)).toBe(3);
    expect(nextReplayIndex(3, range)).toBe(4);
    expect(nextReplayIndex(4, range)).toBeNull();
    // A week outside the range jumps to its start.
    expect(nextReplayIndex(8, range)).toBe(2);
  });

  it('starts from the week shown when it is inside the range, else from the range start', () => {
    const range = { first: 2, last: 4 };
    expect(replayStartIndex(3, range)).toBe(3);
    expect(replayStartIndex(4, range)).toBe(2);
    expect(replayStartIndex(0, range)).toBe(2);
  });
});
