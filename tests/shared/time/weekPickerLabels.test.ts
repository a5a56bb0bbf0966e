/** Week pickers show a week's number and dates, not its code (issue #21, point 3). */
import { describe, expect, it } from 'vitest';
import { InvalidDateError } from '../../../shared/time/dates.ts';
import {
  weekAxisLabel,
  weekDatesLabel,
  weekNumberLabel,
  weekPickerLabel,
} from '../../../shared/time/weekPickerLabels.ts';

describe('week picker labels', () => {
  it.each([
    // week, Chinese, English
    ['2026-W49', '第49周 · 11月30日–12月6日', 'W49 · 30 Nov – 6 Dec'],
    ['2026-W48', '第48周 · 11月23日–29日', 'W48 · 23 – 29 Nov'],
    ['2024-W01', '第1周 · 1月1日–7日', 'W01 · 1 – 7 Jan'],
    // A day outside the ISO year carries its year, so week 1 and week 53 are not misread.
    ['2025-W01', '第1周 · 2024年12月30日–1月5日', 'W01 · 30 Dec 2024 – 5 Jan'],
    ['2026-W53', '第53周 · 12月28日–2027年1月3日', 'W53 · 28 Dec – 3 Jan 2027'],
  ])('%s reads %s / %s', (week, zh, en) => {
    expect(weekPickerLabel(week, 'zh-CN')).toBe(zh);
    expect(weekPickerLabel(week, 'en')).toBe(en);
  });

  it('names the year when asked (a week of another year)', () => {
    expect(weekPickerLabel('2025-W49', 'zh-CN', { withYear: true })).toBe('2025年第49周 · 12月1日–7日');
    expect(weekPickerLabel('2025-W49', 'en', { withYear: true })).toBe('W49 2025 · 1 – 7 Dec');
  });

  it('gives the number and the dates apart (the calendar rows, the replay range)', () => {
    expect(weekNumberLabel('2026-W07', 'zh-CN')).toBe('第7周');
    expect(weekNumberLabel('2026-W07', 'en')).toBe('W07');
    expect(weekDatesLabel('2026-W07', 'zh-CN')).toBe('2月9日–15日');
  });

  it('refuses a week that does not exist with the Chinese message', () => {
    expect(() => weekPickerLabel('2025-W53', 'zh-CN')).toThrow(InvalidDateError);
    expect(() => weekPickerLabel('2025-W7', 'en')).toThrow(/周次无效/);
  });
});

describe('weekAxisLabel', () => {
  it('reads a week on a chart axis without its code, and leaves a date (a deadline) as it is', () => {
    expect(weekAxisLabel('2024-W07', 'zh-CN')).toBe('2024年第7周');
    expect(weekAxisLabel('2024-W07', 'en')).toBe('W07 2024');
    expect(weekAxisLabel('2027-12-31', 'zh-CN')).toBe('2027-12-31');
  });
});
