/**
 * The daily early-warning run inside the server: once when it starts, then every day at a set
 * time in Asia/Shanghai. ONEMAP_WARNING_SCHEDULE = 'HH:MM' (default '06:00') or 'off'. On by
 * default because it is cheap (README: a second or two on the demo city) and a warning is raised
 * once per cause whatever the number of runs. The clock is injected so tests move time without
 * sleeping (as reviewScheduler.ts).
 */
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { addDays, todayInCity } from '../../../shared/time/dates.ts';
import { said } from '../../../shared/language/said.ts';
import { BadInputError } from '../errors.ts';
import { systemClock, type SchedulerClock } from '../review/reviewScheduler.ts';
import { runWarnings, type WarningRunResult } from './runWarnings.ts';

export const DEFAULT_WARNING_SCHEDULE = '06:00';
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export interface WarningSchedule {
  hour: number;
  minute: number;
}

/** 'HH:MM' → that time daily; undefined or '' → the default 06:00; 'off' → null (no runs). */
export function parseWarningSchedule(text: string | undefined): WarningSchedule | null {
  const value = (text ?? '').trim().toLowerCase() || DEFAULT_WARNING_SCHEDULE;
  if (value === 'off') return null;
  const m = TIME.exec(value);
  if (!m)
    throw new BadInputError(
      said(
        `预警运行时间设置无效：${text}（应为“时:分”，如 06:00；或 off 关闭）`,
        `Invalid warning run time: ${text} ("hh:mm", e.g. 06:00; or off)`,
      ),
    );
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function warningScheduleName(s: WarningSchedule): string {
  return `每日预警（${pad(s.hour)}:${pad(s.minute)}）`;
}

/** The next run after `now`: today's time if still ahead, else tomorrow's (Shanghai). */
export function nextWarningRun(s: WarningSchedule, now: Date): Date {
  const today = todayInCity(now);
  const at = (day: string) => new Date(`${day}T${pad(s.hour)}:${pad(s.minute)}:00+08:00`);
  return now < at(today) ? at(today) : at(addDays(today, 1));
}

export interface WarningScheduler {
  idle(): Promise<void>;
  stop(): void;
}

export function startWarningScheduler(
  db: Db,
  schedule: WarningSchedule,
  options: { clock?: SchedulerClock; onRun?: (result: WarningRunResult) => void } = {},
): WarningScheduler {
  const clock = options.clock ?? systemClock;
  let cancel: (() => void) | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function run(): Promise<void> {
    const now = clock.now();
    try {
      const result = await runWarnings(db, { asOf: todayInCity(now), at: now });
      // A run that the server's stop waited for is not news after its stop line (the last line).
      log[stopped ? 'debug' : 'info'](
        { asOf: result.asOf, raised: result.raised.length, resolved: result.resolved.length, ms: result.ms },
        `预警运行：新增${result.raised.length}条，消除${result.resolved.length}条（${result.ms} ms）`,
      );
      options.onRun?.(result);
    } catch (error) {
      // Stopping closes the database under a run: that is no failure.
      if (stopped) log.debug({ err: error }, '预警运行因服务停止而中断');
      else log.error({ err: error }, '预警运行失败（下次到点再试）');
    }
    if (stopped) return;
    const wait = Math.max(nextWarningRun(schedule, clock.now()).getTime() - clock.now().getTime(), 1000);
    cancel = clock.setTimer(wait, () => {
      running = run();
    });
  }

  running = run();
  return {
    idle: () => running,
    stop: () => {
      stopped = true;
      cancel?.();
    },
  };
}
