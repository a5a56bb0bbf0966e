import { describe, expect, it } from 'vitest';
import { InvalidDateError } from '../../../shared/time/dates.ts';
import { isoWeekOf, parseWeek, weekMonday, weeksBetween, weekValueDate } from '../../../shared/time/weeks.ts';

describe('ISO weeks', () => {
  it.each([
    ['2024-01-01', '2024-W01'],
    ['2024-01-07', '2024-W01'],
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
    ['2020-12-31', '2020-W53'],
    ['2027-01-03', '2026-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('finds Mondays and reads a week on its Sunday, or today for the week in progress', () => {
    expect(weekMonday('2025-W01')).toBe('2024-12-30');
    expect(weekValueDate('2024-W01', '2026-11-25')).toBe('2024-01-07');
    expect(weekValueDate('2026-W48', '2026-11-25')).toBe('2026-11-25');
  });

  it('lists every week of the history', () => {
    const weeks = weeksBetween('2024-W01', '2025-W01');
    expect(weeks).toHaveLength(53);
    expect(weeks.at(-1)).toBe('2025-W01');
  });

  it('rejects malformed, non-existent, too early and future weeks', () => {
    expect(() => parseWeek('2025-7', '2026-11-25')).toThrow(/周次无效/);
    expect(() => parseWeek('2025-W53', '2026-11-25')).toThrow(/没有第 53 周/);
    expect(() => parseWeek('2023-W52', '2026-11-25')).toThrow(/早于/);
    expect(() => parseWeek('2026-W49', '2026-11-25')).toThrow(/尚未到来/);
    expect(parseWeek('2026-W53', '2027-01-01')).toBe('2026-W53');
  });

  it('refuses weeks past the calendar with a Chinese message, not a RangeError', () => {
    for (const week of ['9999-W99', '9999-W53', '0000-W01', '2025-W00', '2025-W99']) {
      expect(() => weekMonday(week), week).toThrow(InvalidDateError);
      expect(() => parseWeek(week, '2026-11-25'), week).toThrow(/周次(无效|超出范围)/);
    }
    expect(() => weeksBetween('2024-W01', '9999-W99')).toThrow(InvalidDateError);
  });
});
