/** Every week label carries its dates and every freeze time reads in Asia/Shanghai (issue #17, part 3). */
import { describe, expect, it } from 'vitest';
import { endOfCityDay, InvalidDateError, shanghaiDateTime } from '../../../shared/time/dates.ts';
import { weekLabel, weekStateLabel, weekStateOf } from '../../../shared/time/weeks.ts';

describe('week labels', () => {
  it('prints the Monday and Sunday of the week, the month once when it does not change', () => {
    expect(weekLabel('2026-W48')).toBe('2026-W48（11月23日—29日）');
    expect(weekLabel('2026-W49')).toBe('2026-W49（11月30日—12月6日）');
    expect(weekLabel('2024-W07')).toBe('2024-W07（2月12日—18日）');
  });

  it('names the other year when a week straddles New Year (week 1 and week 53)', () => {
    expect(weekLabel('2025-W01')).toBe('2025-W01（2024年12月30日—1月5日）');
    expect(weekLabel('2026-W53')).toBe('2026-W53（12月28日—2027年1月3日）');
    expect(weekLabel('2027-W01')).toBe('2027-W01（1月4日—10日）');
    // 2020 had 53 ISO weeks: its last one runs into 2021.
    expect(weekLabel('2020-W53')).toBe('2020-W53（12月28日—2021年1月3日）');
    expect(weekLabel('2024-W01')).toBe('2024-W01（1月1日—7日）');
  });

  it('refuses a week that does not exist with the Chinese message', () => {
    expect(() => weekLabel('2025-W53')).toThrow(InvalidDateError);
    expect(() => weekLabel('2025-7')).toThrow(/周次无效/);
  });

  it('says where the week is in its life', () => {
    expect(weekStateOf('2026-W49', '2026-12-05', false)).toBe('in-progress');
    expect(weekStateOf('2026-W49', '2026-12-06', false)).toBe('in-progress');
    expect(weekStateOf('2026-W49', '2026-12-07', false)).toBe('ended');
    expect(weekStateOf('2026-W48', '2026-12-05', true)).toBe('reviewed');
    expect(weekStateLabel('in-progress', { asOf: '2026-12-05' })).toBe('本周进行中，截至 12月5日');
    expect(weekStateLabel('ended', { asOf: '2026-11-29' })).toMatch(/已结束.*待晾晒/);
    expect(weekStateLabel('reviewed', { asOf: '2026-11-29', frozenAt: '2026-12-05 01:50' })).toBe(
      '已晾晒，快照冻结于 2026-12-05 01:50',
    );
  });
});

describe('times in Asia/Shanghai', () => {
  it('prints 17:50 UTC on the 4th as 01:50 on the 5th', () => {
    expect(shanghaiDateTime('2026-12-04T17:50:00.000Z')).toBe('2026-12-05 01:50');
    expect(shanghaiDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00');
    expect(shanghaiDateTime('2026-12-04T15:59:00Z')).toBe('2026-12-04 23:59');
    expect(() => shanghaiDateTime('not a time')).toThrow(InvalidDateError);
  });

  it('ends a city day at midnight in Shanghai, 16:00 UTC', () => {
    expect(endOfCityDay('2026-11-29')).toBe('2026-11-29T16:00:00.000Z');
  });
});
