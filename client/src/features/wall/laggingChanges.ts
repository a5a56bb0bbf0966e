/**
 * Compounds that started or stopped lagging this week: the lagging compounds today
 * (shared/review/laggingCompounds.ts) against those on last week's Sunday (the day 上周 shows), from the compound status
 * rows of both days. A compound no longer in scope today is not "stopped". Pure.
 */
import type { CompoundStatus } from '../../../../shared/compounds/compoundStatus.ts';
import { laggingCompounds, type LaggingCompound } from '../../../../shared/review/laggingCompounds.ts';

export interface LaggingChanges {
  /** Lagging today, not a week ago: with today's reasons. */
  started: LaggingCompound[];
  /** Lagging a week ago, not today: with last week's reasons (what was put right). */
  stopped: LaggingCompound[];
  /** Lagging today. */
  now: number;
  /** Lagging a week ago. */
  before: number;
}

export function laggingChanges(
  today: readonly CompoundStatus[],
  weekAgo: readonly CompoundStatus[],
  asOf: string,
  weekAgoAsOf: string,
): LaggingChanges {
  const now = laggingCompounds(today, asOf);
  const before = laggingCompounds(weekAgo, weekAgoAsOf);
  const nowCodes = new Set(now.map((c) => c.code));
  const beforeCodes = new Set(before.map((c) => c.code));
  const inScope = new Set(today.map((c) => c.code));
  return {
    started: now.filter((c) => !beforeCodes.has(c.code)),
    stopped: before.filter((c) => !nowCodes.has(c.code) && inScope.has(c.code)),
    now: now.length,
    before: before.length,
  };
}
