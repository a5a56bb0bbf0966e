/**
 * Walls at scale (issue 23): what the benchmark's walls ask for after a change, the `--scale` list
 * of a `--walls-only` run, and the goal line each scale's figures are read against.
 */
import { describe, expect, it } from 'vitest';
import { WALL_REFETCH, type WallReport } from '../../../scripts/bench/loadClients.ts';
import { parseWallScales, wallsAtScaleSection, type ScaleWalls } from '../../../scripts/bench/wallsAtScaleReport.ts';

/** The procedures and inputs of a batched tRPC GET. */
function callsOf(path: string): [string, unknown][] {
  const url = new URL(path, 'http://wall');
  const names = url.pathname.replace('/api/trpc/', '').split(',');
  const inputs = JSON.parse(url.searchParams.get('input')!) as Record<string, unknown>;
  return names.map((name, i) => [name, inputs[i]]);
}

describe('WALL_REFETCH', () => {
  it("asks for this week's figures and the wall's compounds, the calls kept offline apart from the others", () => {
    // Sunday 6 December 2026: ISO week 2026-W49.
    const [kept, others] = WALL_REFETCH('2026-12-06').map(callsOf);
    expect(kept).toEqual([
      ['system.info', undefined],
      ['metrics.report', { week: '2026-W49' }],
      ['wall.compounds', undefined],
    ]);
    expect(others).toEqual([['supervision.list', {}]]);
  });

  it("adds the spotlit township's lagging compounds in a city above the map's row cap", () => {
    const [kept] = WALL_REFETCH('2026-12-06', '350582103').map(callsOf);
    expect(kept?.at(-1)).toEqual(['wall.lagging', { townshipCode: '350582103' }]);
  });
});

describe('parseWallScales', () => {
  it('takes any factor from 1 to 1000, sorted, once each', () => {
    expect(parseWallScales('×100, 10,1,10')).toEqual([1, 10, 100]);
  });
  it('refuses what is not a whole factor from 1 to 1000', () => {
    for (const text of ['0', '1.5', '2000', 'ten', '']) expect(() => parseWallScales(text), text).toThrow(/--scale/);
  });
});

const walls = (refetchMs: number[]): WallReport => ({
  count: 200,
  connected: 200,
  drops: 0,
  receipts: {},
  refetched: {},
  refetchFailures: 0,
  refetchFailureReasons: {},
  refetchMs,
  refetchBytes: [400 * 1024],
  refetchCallBytes: { 'compounds.status {}': 300 * 1024 },
});

function scaleOf(scale: number, everyWallBack: number[]): ScaleWalls {
  return {
    scale,
    compounds: 347 * scale,
    wallCount: 200,
    workers: 2,
    served: 'on PostgreSQL',
    prepareMs: 1000,
    wallsOpenMs: 500,
    changes: everyWallBack.map((ms, i) => ({
      revision: i + 2,
      heardMs: 50,
      heard: 200,
      refetchedMs: ms,
      refetched: 200,
      settled: true,
    })),
    walls: walls([100]),
    load: { start: 1, end: 1 },
  };
}

describe('wallsAtScaleSection', () => {
  it('reads each scale against its goal, beside ×1 of the same run', () => {
    const text = wallsAtScaleSection(
      [scaleOf(1, [400, 500, 600]), scaleOf(100, [900, 1200, 800]), scaleOf(1000, [1500, 1900])],
      'npm run bench',
    );
    expect(text).toContain("- ×1: every wall's figures updated p99 **600 ms**, goal ≤ 1000 ms ✅");
    expect(text).toContain(
      "- ×100: every wall's figures updated p99 **1200 ms** (×1 in the same run 600 ms: 2.00×), goal ≤ 1000 ms ❌",
    );
    expect(text).toContain(
      "- ×1000: every wall's figures updated p99 **1900 ms** (×1 in the same run 600 ms: 3.17×), goal ≤ 2000 ms ✅",
    );
    expect(text).toContain('| 400 KB |');
    expect(text).toContain('- ×100: `compounds.status {}` 300 KB');
  });

  it('says so when no wall got its figures back at a scale', () => {
    const none = scaleOf(100, [Number.NaN, Number.NaN]);
    for (const change of none.changes) change.refetched = 0;
    const text = wallsAtScaleSection([scaleOf(1, [500]), none], 'npm run bench');
    expect(text).toContain(
      "- ×100: every wall's figures updated p99 **—** (×1 in the same run 500 ms: —), goal ≤ 1000 ms ❌ (not every wall refetched every change)",
    );
    expect(text).not.toContain('NaN');
  });

  it('misses the goal when a wall did not get its figures, however fast the others were', () => {
    const partial = scaleOf(1, [300]);
    partial.changes[0]!.refetched = 199;
    expect(wallsAtScaleSection([partial], 'npm run bench')).toContain('❌ (not every wall refetched every change)');
  });
});
