/**
 * Scheduled review: at a set weekday and time in Asia/Shanghai (e.g. Monday 09:00) the server
 * marks the week just ended reviewed, exactly as the button or `--mark-reviewed` does, audited
 * with reviewedBy naming the schedule. Set by ONEMAP_REVIEW_SCHEDULE ('mon 09:00', or 'off');
 * off unless set, because a freeze cannot be undone and a review meeting that runs late would
 * lose the corrections made before it (README: *The life of a week*).
 *
 * If the server was down at the due time it freezes the week when it starts again, as long as no
 * later week has ended. The clock is injected so tests move time without sleeping.
 */
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { addDays, todayInCity } from '../../../shared/time/dates.ts';
import { weekSunday } from '../../../shared/time/weeks.ts';
import { said } from '../../../shared/language/said.ts';
import { BadInputError } from '../errors.ts';
import { markWeekReviewed, type ReviewedWeek } from './reviewedWeeks.ts';
import { defaultReviewWeek } from './reviewWeek.ts';

export interface ReviewSchedule {
  /** ISO weekday of the week after the one frozen: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const SCHEDULE = /^(mon|tue|wed|thu|fri|sat|sun)\s+([01]?\d|2[0-3]):([0-5]\d)$/;

/** 'mon 09:00' → Monday 09:00; '' / 'off' / undefined → null (no schedule). */
export function parseReviewSchedule(text: string | undefined): ReviewSchedule | null {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '' || value === 'off') return null;
  const m = SCHEDULE.exec(value);
  if (!m)
    throw new BadInputError(
      said(
        `定时晾晒设置无效：${text}（应为“星期 时:分”，如 mon 09:00，星期为 mon…sun；或 off 关闭）`,
        `Invalid review schedule: ${text} ("day hh:mm", e.g. mon 09:00, the day one of mon…sun; or off)`,
      ),
    );
  return { weekday: WEEKDAYS.indexOf(m[1]!) + 1, hour: Number(m[2]), minute: Number(m[3]) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** How the schedule signs the freezes it makes (reviewedBy), e.g. '定时晾晒（每周一 09:00）'. */
export function scheduleName(s: ReviewSchedule): string {
  return `定时晾晒（每${NAMES[s.weekday - 1]} ${pad(s.hour)}:${pad(s.minute)}）`;
}

/** When `week` is due to be frozen: the schedule's weekday and time after its Sunday, in Shanghai. */
export function dueAt(s: ReviewSchedule, week: string): Date {
  const day = addDays(weekSunday(week), s.weekday);
  return new Date(`${day}T${pad(s.hour)}:${pad(s.minute)}:00+08:00`);
}

export interface SchedulerClock {
  now(): Date;
  /** Runs `run` after `ms`; returns a cancel function. */
  setTimer(ms: number, run: () => void): () => void;
}

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  setTimer: (ms, run) => {
    const timer = setTimeout(run, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** setTimeout's longest delay (about 24.8 days); longer waits are taken in steps. */
const MAX_DELAY = 2 ** 31 - 1;

export interface ReviewScheduler {
  /** Settles when the check in progress (if any) is done. */
  idle(): Promise<void>;
  stop(): void;
}

export function startReviewScheduler(
  db: Db,
  schedule: ReviewSchedule,
  options: { clock?: SchedulerClock; onFrozen?: (week: ReviewedWeek) => void } = {},
): ReviewScheduler {
  const clock = options.clock ?? systemClock;
  const reviewedBy = scheduleName(schedule);
  let cancel: (() => void) | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function check(): Promise<void> {
    const now = clock.now();
    const today = todayInCity(now);
    const week = defaultReviewWeek(today);
    const due = dueAt(schedule, week);
    if (weekSunday(week) < today && now >= due) {
      try {
        const marked = await markWeekReviewed(db, week, { today, reviewedBy });
        if (!marked.alreadyReviewed) {
          log.info({ week, reviewedBy }, `定时晾晒：${week} 已冻结`);
          options.onFrozen?.(marked);
        }
      } catch (error) {
        log.error({ err: error, week }, `定时晾晒失败：${week}（下次到点再试）`);
      }
    }
    if (stopped) return;
    // Next: this week's due time if still ahead, else the next week's.
    const next = now < due ? due : new Date(dueAt(schedule, week).getTime() + 7 * 86_400_000);
    const wait = Math.min(Math.max(next.getTime() - clock.now().getTime(), 1000), MAX_DELAY);
    cancel = clock.setTimer(wait, () => {
      running = check();
    });
  }

  running = check();
  return {
    idle: () => running,
    stop: () => {
      stopped = true;
      cancel?.();
    },
  };
}
