/**
 * The daily warning schedule: ONEMAP_WARNING_SCHEDULE read as 'HH:MM' in Asia/Shanghai (default
 * 06:00, 'off' switches it off, anything else is a Chinese refusal), and the next run after an
 * instant — today's time if still ahead, else tomorrow's, across the UTC date line.
 */
import { describe, expect, it } from 'vitest';
import {
  nextWarningRun,
  parseWarningSchedule,
  warningScheduleName,
} from '../../../../server/services/warnings/warningScheduler.ts';

describe('the daily warning schedule', () => {
  it('reads HH:MM, defaults to 06:00, switches off with off, and refuses anything else in Chinese', () => {
    expect(parseWarningSchedule(undefined)).toEqual({ hour: 6, minute: 0 });
    expect(parseWarningSchedule('')).toEqual({ hour: 6, minute: 0 });
    expect(parseWarningSchedule(' 7:30 ')).toEqual({ hour: 7, minute: 30 });
    expect(parseWarningSchedule('OFF')).toBeNull();
    expect(() => parseWarningSchedule('25:00')).toThrow(
      '预警运行时间设置无效：25:00（应为“时:分”，如 06:00；或 off 关闭）',
    );
    expect(() => parseWarningSchedule('mon 06:00')).toThrow('预警运行时间设置无效');
    expect(warningScheduleName({ hour: 6, minute: 5 })).toBe('每日预警（06:05）');
  });

  it('runs next at the time in Shanghai: today if still ahead, else tomorrow', () => {
    const six = { hour: 6, minute: 0 };
    // 21:00 UTC on the 4th is 05:00 on the 5th in Shanghai: 06:00 that day is an hour away.
    expect(nextWarningRun(six, new Date('2026-12-04T21:00:00Z')).toISOString()).toBe('2026-12-04T22:00:00.000Z');
    // 06:00 exactly has run: the next is tomorrow's.
    expect(nextWarningRun(six, new Date('2026-12-04T22:00:00Z')).toISOString()).toBe('2026-12-05T22:00:00.000Z');
    // 23:30 Shanghai on the 5th (15:30 UTC): tomorrow 06:00.
    expect(nextWarningRun(six, new Date('2026-12-05T15:30:00Z')).toISOString()).toBe('2026-12-05T22:00:00.000Z');
  });
});
