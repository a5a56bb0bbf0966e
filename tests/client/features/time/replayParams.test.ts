/**
 * A replay link: the range and speed written into the dashboard's address come back the same when
 * the link is opened, and a hand-edited value falls back to the default, flagged for the notice.
 */
import { describe, expect, it } from 'vitest';
import { readSearchParam } from '../../../../client/src/app/routes.ts';
import {
  DEFAULT_REPLAY_SPEED,
  REPLAY_PARAMS,
  replaySpeedSchema,
  replayWeekSchema,
  serialiseReplaySpeed,
} from '../../../../client/src/features/time/replayParams.ts';
import { replayRange, REPLAY_SPEEDS } from '../../../../shared/time/weekCalendar.ts';

const WEEKS = Array.from({ length: 30 }, (_, i) => `2025-W${String(i + 1).padStart(2, '0')}`);

/** The replay as a copied link opens it. */
function opened(search: string) {
  const from = readSearchParam(search, REPLAY_PARAMS.from, replayWeekSchema(WEEKS), WEEKS[0]!);
  const to = readSearchParam(search, REPLAY_PARAMS.to, replayWeekSchema(WEEKS), WEEKS.at(-1)!);
  const speed = readSearchParam(search, REPLAY_PARAMS.speed, replaySpeedSchema, DEFAULT_REPLAY_SPEED);
  return {
    range: replayRange(WEEKS, from.value, to.value),
    speed: speed.value,
    invalid: from.invalid || to.invalid || speed.invalid,
  };
}

describe('the replay in the dashboard link', () => {
  it('keeps its range and speed', () => {
    for (const speed of REPLAY_SPEEDS) {
      const params = new URLSearchParams({ [REPLAY_PARAMS.from]: '2025-W05', [REPLAY_PARAMS.to]: '2025-W12' });
      const written = serialiseReplaySpeed(speed);
      if (written !== null) params.set(REPLAY_PARAMS.speed, written);
      expect(opened(`?${params}`)).toEqual({ range: { first: 4, last: 11 }, speed, invalid: false });
    }
  });

  it('leaves the default speed out of the link and replays everything without parameters', () => {
    expect(serialiseReplaySpeed(DEFAULT_REPLAY_SPEED)).toBeNull();
    expect(opened('')).toEqual({ range: { first: 0, last: 29 }, speed: DEFAULT_REPLAY_SPEED, invalid: false });
  });

  it('falls back, flagged, on a tampered value', () => {
    expect(opened(`?${REPLAY_PARAMS.speed}=7`)).toMatchObject({ speed: DEFAULT_REPLAY_SPEED, invalid: true });
    expect(opened(`?${REPLAY_PARAMS.speed}=12.0`)).toMatchObject({ speed: DEFAULT_REPLAY_SPEED, invalid: true });
    expect(opened(`?${REPLAY_PARAMS.from}=2019-W01&${REPLAY_PARAMS.to}=2025-W12`)).toEqual({
      range: { first: 0, last: 11 },
      speed: DEFAULT_REPLAY_SPEED,
      invalid: true,
    });
    expect(opened(`?${REPLAY_PARAMS.to}=soon`)).toMatchObject({ range: { first: 0, last: 29 }, invalid: true });
  });
});
