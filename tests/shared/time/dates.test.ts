import { describe, expect, it } from 'vitest';
import {
  addDays,
  InvalidDateError,
  daysBetween,
  isIsoDate,
  parseAsOf,
  todayInCity,
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
});
