/**
 * Compounds that started or stopped lagging this week: the lagging compounds today
 * (laggingCompounds.ts) against those on last week's Sunday (the day 上周 shows), from the compound status
 * rows of both days. A compound no longer in scope today is not "stopped". Pure: the wall computes
 * it from the rows when the city is small, the server (wall.compounds) when it is not.
 */
import type { CompoundStatus } from '../compounds/compoundStatus.ts';
import { addDays } from '../time/dates.ts';
import { mondayOf } from '../time/weeks.ts';
import { laggingCompounds, type LaggingCompound } from './laggingCompounds.ts';

export interface LaggingChanges {
  /** Lagging today, not a week ago: with today's reasons (the first `limit` when capped). */
  started: LaggingCompound[];
  /** Lagging a week ago, not today: with last week's reasons (what was put right; capped alike). */
  stopped: LaggingCompound[];
  /** How many started and stopped, whether or not all are listed. */
  startedCount: number;
  stoppedCount: number;
  /** Lagging today. */
  now: number;
  /** Lagging a week ago. */
  before: number;
}

/** The day the movers compare with: last week's Sunday (dates YYYY-MM-DD, Asia/Shanghai). */
export function weekAgoOf(today: string): string {
  return addDays(mondayOf(today), -1);
}

export function laggingChanges(
  today: readonly CompoundStatus[],
  weekAgo: readonly CompoundStatus[],
  asOf: string,
  weekAgoAsOf: string,
  limit = Number.POSITIVE_INFINITY,
): LaggingChanges {
  const now = laggingCompounds(today, asOf);
  const before = laggingCompounds(weekAgo, weekAgoAsOf);
  const nowCodes = new Set(now.map((c) => c.code));
  const beforeCodes = new Set(before.map((c) => c.code));
  const inScope = new Set(today.map((c) => c.code));
  const started = now.filter((c) => !beforeCodes.has(c.code));
  const stopped = before.filter((c) => !nowCodes.has(c.code) && inScope.has(c.code));
  return {
    started: started.slice(0, limit),
    stopped: stopped.slice(0, limit),
    startedCount: started.length,
    stoppedCount: stopped.length,
    now: now.length,
    before: before.length,
  };
}
