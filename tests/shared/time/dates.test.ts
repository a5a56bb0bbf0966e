import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  dayNumberOf,
  daysInMonth,
  fromDayNumber,
  InvalidDateError,
  daysBetween,
  isIsoDate,
  isoWeekday,
  monthsBetween,
  nextMonth,
  parseAsOf,
  todayInCity,
  toDayNumber,
} from '../../../shared/time/dates.ts';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-13-01', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00', false],
    ['', false],
  ])('isIsoDate(%s) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('does arithmetic across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -30)).toBe('2024-01-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('takes "today" in Asia/Shanghai, not UTC', () => {
    // 2026-11-24 17:30 UTC is already 01:30 on the 25th in Shanghai.
    expect(todayInCity(new Date('2026-11-24T17:30:00Z'))).toBe('2026-11-25');
    expect(todayInCity(new Date('2026-11-24T15:30:00Z'))).toBe('2026-11-24');
  });

  it('rejects as-of dates that are malformed, before the history or in the future', () => {
    expect(() => parseAsOf('2023-13-01', '2026-11-25')).toThrow(/无效/);
    expect(() => parseAsOf('2023-12-31', '2026-11-25')).toThrow(/早于/);
    expect(() => parseAsOf('2026-11-26', '2026-11-25')).toThrow(/晚于/);
    expect(parseAsOf('2026-11-25', '2026-11-25')).toBe('2026-11-25');
  });

  it('refuses arithmetic past the calendar as bad input, not a RangeError', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(InvalidDateError);
    expect(() => addDays('0001-01-01', -1)).toThrow(/超出可处理的范围/);
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
  });

  it.each([
    ['2024-02-29', 5, '2029-03-01'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2023-06-15', 5, '2028-06-15'],
    ['2024-12-31', 1, '2025-12-31'],
  ])('addYears(%s, %i) is %s (a committee term; 29 February without one lands on 1 March)', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2024-01', '2024-02'],
    ['2024-12', '2025-01'],
    ['2025-09', '2025-10'],
  ])('nextMonth(%s) is %s', (month, expected) => {
    expect(nextMonth(month)).toBe(expected);
  });

  it('counts day numbers from 1970-01-01 both ways, before and after it', () => {
    for (const date of ['1969-12-31', '1970-01-01', '2024-02-29', '2026-12-04']) {
      const day = toDayNumber(date);
      expect(fromDayNumber(day), date).toBe(date);
      expect(dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8))), date).toBe(day);
    }
    expect(toDayNumber('1970-01-02')).toBe(1);
  });

  it.each([
    ['2024-01-01', 1],
    ['2024-01-06', 6],
    ['2024-01-07', 7],
    ['1969-12-28', 7],
    ['1969-12-29', 1],
  ])('%s is ISO weekday %i (1 = Monday, 7 = Sunday)', (date, expected) => {
    expect(isoWeekday(toDayNumber(date))).toBe(expected);
  });

  it('knows the length of each month and lists the months a span touches', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(2024, 12), daysInMonth(2024, 4)]).toEqual([
      29, 28, 31, 30,
    ]);
    expect(monthsBetween(toDayNumber('2024-11-15'), toDayNumber('2025-02-01'))).toEqual([
      { year: 2024, month: 11 },
      { year: 2024, month: 12 },
      { year: 2025, month: 1 },
      { year: 2025, month: 2 },
    ]);
  });
});
