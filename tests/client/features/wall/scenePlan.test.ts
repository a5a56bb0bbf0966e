/**
 * What the wall's scenes say and for how long: an indicator met everywhere collapses its scene and
 * gives its seconds to the others; lagging townships come first; the judgement each map is shaded
 * by, with counts; compounds that started or stopped lagging; lists cut to what fits.
 */
import { describe, expect, it } from 'vitest';
import type { CompoundStatus } from '../../../../shared/compounds/compoundStatus.ts';
import { laggingChanges } from '../../../../shared/review/laggingChanges.ts';
import { byLag, type TownshipReport } from '../../../../client/src/features/wall/laggingTownships.ts';
import {
  collapsedScenes,
  isMet,
  metEverywhere,
  moversDueStep,
  sceneDurations,
} from '../../../../client/src/features/wall/scenePlan.ts';
import { fitted, rowsThatFit } from '../../../../client/src/features/wall/scenePanels.tsx';
import {
  goalsMissedShading,
  listShading,
  rankChangeShading,
  type Board,
} from '../../../../client/src/features/wall/wallShading.ts';
import { WALL_SCENES } from '../../../../client/src/features/wall/wallParams.ts';
import { INDICATOR_ORDER, INDICATORS } from '../../../../shared/indicators/index.ts';

type Indicator = TownshipReport['indicators']['partyOrgCoverage'];

const GOALS = {
  partyOrgCoverage: 1,
  committeeRate: 0.95,
  deliberationCoverage: 1,
  serviceQuality: 0.8,
  petitionRate: 0.8,
};

/** An indicator as the server reports it: met when its value reaches its goal in its direction. */
function indicator(
  key: keyof typeof GOALS,
  value: number | null,
  target: number | null,
  status: Indicator['status'] = null,
): Indicator {
  const met =
    value === null || target === null ? null : INDICATORS[key].direction === 'down' ? value <= target : value >= target;
  return { value, target, status, met } as Indicator;
}

/** A township meeting every goal, with some values overridden. */
function township(code: string, values: Partial<Record<keyof typeof GOALS, number>> = {}, statuses = {}) {
  const indicators = Object.fromEntries(
    INDICATOR_ORDER.map((k) => [
      k,
      indicator(k, values[k] ?? GOALS[k], GOALS[k], (statuses as Record<string, Indicator['status']>)[k] ?? null),
    ]),
  );
  return { code, name: `镇${code}`, indicators, secondary: {} } as unknown as TownshipReport;
}

const report = (townships: TownshipReport[]) => ({ city: townships[0]!, townships });

describe('met everywhere', () => {
  it('is met at the goal, in the indicator’s direction, and never without a goal or a value', () => {
    // The verdict is the server's (direction and tolerance: tests/server/services/metrics/progress.test.ts).
    expect(isMet({ met: true })).toBe(true);
    expect(isMet({ met: false })).toBe(false);
    expect(isMet({ met: null })).toBe(false);
  });

  it('collapses a coverage scene only when the city and every township meet its goal', () => {
    const all = [township('1'), township('2'), township('3', { committeeRate: 0.9 })];
    expect(metEverywhere(report(all), 'partyOrgCoverage')).toBe(true);
    expect(metEverywhere(report(all), 'committeeRate'), 'one township short').toBe(false);
    const collapsed = collapsedScenes(WALL_SCENES, report(all));
    // party → partyOrgCoverage and rating → serviceQuality are met; committee is not; the
    // overview, 红黑榜, movers, issues and spotlight never collapse.
    expect([...collapsed].sort()).toEqual(['party', 'rating']);
    expect(collapsedScenes(WALL_SCENES, undefined).size).toBe(0);
  });

  it('gives a collapsed scene a quarter of the interval (≥ 5 s) and its seconds to the others', () => {
    const scenes = ['overview', 'party', 'board', 'rating'] as const;
    const durations = sceneDurations(scenes, new Set(['party', 'rating']), 20);
    expect(durations).toEqual([35, 5, 35, 5]);
    expect(
      durations.reduce((a, b) => a + b),
      'a pass takes as long as before',
    ).toBe(80);
    expect(sceneDurations(scenes, new Set(['party']), 8)).toEqual([9, 5, 9, 9]);
    expect(sceneDurations(scenes, new Set(), 20)).toEqual([20, 20, 20, 20]);
    expect(sceneDurations(['party'], new Set(['party']), 20), 'nothing else to give to').toEqual([20]);
  });
});

describe('lagging first', () => {
  it('lists townships with more indicators off track, at risk, then short of their goal first', () => {
    const rows = byLag([
      township('1'),
      township('2', { committeeRate: 0.9 }),
      township('3', { deliberationCoverage: 0.5 }, { deliberationCoverage: 'off_track' }),
      township('4', {}, { serviceQuality: 'at_risk' }),
    ]);
    expect(rows.map((r) => r.code)).toEqual(['3', '4', '2', '1']);
  });
});

describe('map shadings', () => {
  it('shades the overview by goals missed, worst class in the ramp’s red, with counts', () => {
    const s = goalsMissedShading([
      township('1'),
      township('2', { committeeRate: 0.5 }),
      township('3', { committeeRate: 0.5, deliberationCoverage: 0.5, serviceQuality: 0.5, petitionRate: 2 }),
    ]);
    expect(s.entries.map((e) => [e.id, e.count])).toEqual([
      ['missed0', 1],
      ['missed1', 1],
      ['missed2', 0],
      ['missed3', 1],
    ]);
    const [r, g] = s.shading.colorOf('3')!;
    expect(r, 'worst is red').toBeGreaterThan(g);
    const [r1, g1] = s.shading.colorOf('1')!;
    expect(g1, 'all met is green').toBeGreaterThan(r1);
  });

  const board = {
    townships: ['1', '2', '3', '4'].map((code, i) => ({
      code,
      composite: { rankChange: [2, 0, -1, null][i] },
    })),
    redList: [{ code: '1' }],
    blackList: [{ code: '3' }],
  } as unknown as Board;

  it('shades the 红黑榜 map by list, counting every township once', () => {
    const s = listShading(board);
    expect(s.entries.map((e) => [e.id, e.count])).toEqual([
      ['red', 1],
      ['black', 1],
      ['rest', 2],
    ]);
    expect(s.shading.colorOf('2'), 'on neither list: unshaded').toBeNull();
    expect(s.shading.colorOf('1')).not.toEqual(s.shading.colorOf('3'));
  });

  it('shades the movers map by composite rank change; no rank last week is left out', () => {
    const s = rankChangeShading(board);
    expect(s.entries.map((e) => [e.id, e.count])).toEqual([
      ['rose', 1],
      ['held', 1],
      ['fell', 1],
    ]);
    expect(s.shading.colorOf('4')).toBeNull();
  });
});

describe('compounds that started or stopped lagging', () => {
  const row = (code: string, lastMeetingDate: string | null): CompoundStatus =>
    ({
      code,
      name: `小区${code}`,
      townshipCode: '1',
      townshipName: '镇1',
      community: '',
      lastMeetingDate,
      committeeInOffice: true,
      propertyManaged: false,
      rating: null,
      overdueIssues: 0,
    }) as unknown as CompoundStatus;

  it('compares today’s lagging compounds with a week ago’s; one that left the scope has not stopped', () => {
    const today = '2026-12-05';
    const weekAgo = '2026-11-28';
    const changes = laggingChanges(
      [row('A', '2026-12-01'), row('B', '2026-10-01'), row('C', '2026-10-01')],
      [row('A', '2026-10-20'), row('B', '2026-11-20'), row('C', '2026-10-01'), row('D', null)],
      today,
      weekAgo,
    );
    expect(
      changes.started.map((c) => c.code),
      'B’s meeting fell out of the 30 days',
    ).toEqual(['B']);
    expect(
      changes.stopped.map((c) => c.code),
      'A met; D is no longer listed',
    ).toEqual(['A']);
    expect([changes.now, changes.before]).toEqual([2, 3]);
    expect([changes.startedCount, changes.stoppedCount]).toEqual([1, 1]);
  });

  it('lists the first of each when capped, and still counts them all', () => {
    const today = '2026-12-05';
    const rows = ['A', 'B', 'C'].map((code) => row(code, '2026-12-01'));
    const changes = laggingChanges(
      rows.map((r) => ({ ...r, lastMeetingDate: '2026-10-01' })),
      rows,
      today,
      '2026-11-28',
      2,
    );
    expect(changes.started.map((c) => c.code)).toEqual(['A', 'B']);
    expect(changes.startedCount, 'all three started').toBe(3);
  });
});

describe('lists cut to what fits', () => {
  it('keeps the last row for “n more” when some do not fit', () => {
    expect(fitted([1, 2, 3], 3)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(fitted([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2], more: 3 });
    expect(fitted([1, 2, 3, 4], 3, 40), 'the first four of forty').toEqual({ shown: [1, 2], more: 38 });
    expect(rowsThatFit(948, 100)).toBe(8);
    expect(rowsThatFit(50, 100), 'at least one').toBe(1);
  });
});

describe('a large city’s movers', () => {
  it('are asked for as the scene before them starts and as they start, once per step, never otherwise', () => {
    const scenes = ['overview', 'party', 'movers', 'spotlight'] as const;
    const steps = [0, 1, 2, 3, 4, 5, 6, 7].map((position) =>
      moversDueStep(scenes, position % 4, Math.floor(position / 4)),
    );
    expect(steps).toEqual([null, 1, 2, null, null, 5, 6, null]);
    expect(moversDueStep(['party', 'spotlight'], 1, 3), 'not in the rotation').toBeNull();
    // Alone in the rotation: each time it restarts.
    expect([0, 1, 2].map((cycle) => moversDueStep(['movers'], 0, cycle))).toEqual([0, 1, 2]);
  });
});
