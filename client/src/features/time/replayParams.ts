/**
 * The replay in the dashboard's link: its range (from / to weeks) and speed, so that a copied
 * link replays the same weeks at the same pace. The defaults (the whole range, 4 weeks a second)
 * are left out of the link; a value that is not one the control offers falls back to its default
 * and the dashboard says the link was not understood.
 */
import type { z } from 'zod';
import { oneOf, parsedBy } from '../../app/routes.ts';
import { REPLAY_SPEEDS, type ReplaySpeed } from '../../../../shared/time/weekCalendar.ts';

export const REPLAY_PARAMS = { from: 'replayFrom', to: 'replayTo', speed: 'replaySpeed' } as const;

export const DEFAULT_REPLAY_SPEED: ReplaySpeed = 4;

/** One of the offered speeds, written as its number of weeks a second ("12"). */
export const replaySpeedSchema: z.ZodType<ReplaySpeed> = parsedBy((raw) =>
  REPLAY_SPEEDS.find((speed) => String(speed) === raw),
);

export const serialiseReplaySpeed = (speed: ReplaySpeed): string | null =>
  speed === DEFAULT_REPLAY_SPEED ? null : String(speed);

/** A range end is one of the weeks the dashboard offers. */
export const replayWeekSchema = (weeks: readonly string[]): z.ZodType<string> => oneOf(weeks);
