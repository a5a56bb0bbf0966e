/**
 * The calendar of 精细化考评 rounds: each June and December (every township on its own days
 * within the round's window), plus a latest round in the weeks just before asOf when asOf is
 * well past the last regular round. Only rounds whose window has ended by asOf are held.
 */
import { dayNumberOf, toDayNumber } from '../../../../shared/time/dates.ts';
import type { Random } from './random.ts';

export interface Round {
  index: number;
  start: number;
  end: number;
  /** Day each township starts evaluating (by township index). */
  townshipStart: number[];
}

const WINDOW_DAYS = 23;

export function planRounds(rng: Random, asOf: string, townshipCount: number): Round[] {
  const asOfDay = toDayNumber(asOf);
  const windows: { start: number; end: number }[] = [];
  for (let year = 2024; dayNumberOf(year, 1, 1) <= asOfDay; year++) {
    for (const month of [6, 12]) {
      const start = dayNumberOf(year, month, 2);
      const end = start + WINDOW_DAYS;
      if (end <= asOfDay) windows.push({ start, end });
    }
  }
  const last = windows[windows.length - 1];
  if (last && asOfDay - 25 > last.end + 60) windows.push({ start: asOfDay - 25, end: asOfDay - 1 });
  return windows.map((w, index) => ({
    index,
    ...w,
    townshipStart: Array.from({ length: townshipCount }, () => w.start + rng.int(0, WINDOW_DAYS - 5)),
  }));
}

/** The day a compound is evaluated in a round. */
export function evaluationDay(rng: Random, round: Round, townshipIndex: number): number {
  const start = round.townshipStart[townshipIndex];
  if (start === undefined) throw new Error(`no round start for township ${townshipIndex}`);
  return Math.min(round.end, start + rng.int(0, 4));
}
