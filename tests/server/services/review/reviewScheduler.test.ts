/**
 * Scheduled review (issue #17, part 3): at the set weekday and time in Asia/Shanghai the server
 * freezes the week just ended, audited like a freeze by hand with the schedule as reviewedBy.
 * The clock is injected: the test moves time and fires the timer itself, no sleeping.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import { BadInputError } from '../../../../server/services/errors.ts';
import { findReviewedWeek } from '../../../../server/services/review/reviewedWeeks.ts';
import {
  dueAt,
  parseReviewSchedule,
  scheduleName,
  startReviewScheduler,
  type SchedulerClock,
} from '../../../../server/services/review/reviewScheduler.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

/** A clock the test sets; the scheduler's single pending timer is kept to be fired by hand. */
function manualClock(start: string) {
  let now = new Date(start);
  let pending: { at: number; run: () => void } | null = null;
  const clock: SchedulerClock = {
    now: () => now,
    setTimer: (ms, run) => {
      const timer = { at: now.getTime() + ms, run };
      pending = timer;
      return () => {
        if (pending === timer) pending = null;
      };
    },
  };
  return {
    clock,
    pendingAt: () => (pending ? new Date(pending.at).toISOString() : null),
    /** Moves the clock to the timer's time and fires it. */
    fire: () => {
      const timer = pending!;
      pending = null;
      now = new Date(timer.at);
      timer.run();
    },
  };
}

describe('the review schedule setting', () => {
  it('reads a weekday and a time, or off', () => {
    expect(parseReviewSchedule('mon 09:00')).toEqual({ weekday: 1, hour: 9, minute: 0 });
    expect(parseReviewSchedule(' Tue 18:30 ')).toEqual({ weekday: 2, hour: 18, minute: 30 });
    expect(parseReviewSchedule(undefined)).toBeNull();
    expect(parseReviewSchedule('off')).toBeNull();
    for (const bad of ['monday 9', 'mon 24:00', 'xyz 09:00', '09:00'])
      expect(() => parseReviewSchedule(bad), bad).toThrow(BadInputError);
    expect(() => parseReviewSchedule('mon 9am')).toThrow(/定时晾晒设置无效/);
    expect(scheduleName({ weekday: 1, hour: 9, minute: 0 })).toBe('定时晾晒（每周一 09:00）');
  });

  it('is due at the weekday after the week, at that time in Shanghai (01:00 UTC for 09:00)', () => {
    expect(dueAt({ weekday: 1, hour: 9, minute: 0 }, '2026-W47').toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(dueAt({ weekday: 1, hour: 0, minute: 30 }, '2026-W53').toISOString()).toBe('2027-01-03T16:30:00.000Z');
  });
});

describe.each(availableBackends())('scheduled freeze (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('freezes the week just ended on Monday 09:00 Shanghai, audited as the schedule', async () => {
    const schedule = parseReviewSchedule('mon 09:00')!;
    // Monday 2026-11-23 08:59 in Shanghai: W47 has ended but is not due yet.
    const time = manualClock('2026-11-23T00:59:00Z');
    const frozen: string[] = [];
    const scheduler = startReviewScheduler(database.db, schedule, {
      clock: time.clock,
      onFrozen: (w) => frozen.push(w.week),
    });
    await scheduler.idle();
    expect(await findReviewedWeek(database.db, '2026-W47')).toBeNull();
    expect(time.pendingAt()).toBe('2026-11-23T01:00:00.000Z');

    time.fire();
    await scheduler.idle();
    const reviewed = await findReviewedWeek(database.db, '2026-W47');
    expect(reviewed).toMatchObject({ week: '2026-W47', asOf: '2026-11-22', reviewedBy: '定时晾晒（每周一 09:00）' });
    expect(frozen).toEqual(['2026-W47']);
    const audit = await database.db
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.action, 'review'), eq(s.auditLog.recordId, '2026-W47')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toEqual({ week: '2026-W47', asOf: '2026-11-22', reviewedBy: '定时晾晒（每周一 09:00）' });
    // Next: the following Monday 09:00; the week in progress (W48) is left alone.
    expect(time.pendingAt()).toBe('2026-11-30T01:00:00.000Z');
    expect(await findReviewedWeek(database.db, '2026-W48')).toBeNull();
    scheduler.stop();
    expect(time.pendingAt()).toBeNull();
  });

  it('catches up when started after the due time, and leaves a week frozen by hand as it was', async () => {
    // Tuesday 2026-11-17 10:00 Shanghai: W46 was due on Monday.
    const time = manualClock('2026-11-17T02:00:00Z');
    const scheduler = startReviewScheduler(database.db, parseReviewSchedule('mon 09:00')!, { clock: time.clock });
    await scheduler.idle();
    expect(await findReviewedWeek(database.db, '2026-W46')).toMatchObject({ reviewedBy: '定时晾晒（每周一 09:00）' });
    // Started again the same day: already frozen, the snapshot and its stamp stay.
    const first = await findReviewedWeek(database.db, '2026-W46');
    scheduler.stop();
    const again = startReviewScheduler(database.db, parseReviewSchedule('mon 09:00')!, { clock: time.clock });
    await again.idle();
    expect(await findReviewedWeek(database.db, '2026-W46')).toEqual(first);
    again.stop();
  });
});
