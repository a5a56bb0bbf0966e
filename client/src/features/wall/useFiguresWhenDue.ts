/**
 * The figures only one scene shows are fetched again as that scene comes up — when the scene
 * before it starts, so the answer is there by the time it shows — and only if a change has marked
 * them stale since (useLiveRevision's `refetchType: 'none'`). After an edit every wall then asks
 * only for what the whole rotation shows (the week's report, today's compounds), not for the
 * board's ranks or last Sunday's compounds on every change: at ×1 that halves what two hundred
 * walls fetch after each edit (420 KB → ≈ 220 KB a wall; BENCHMARKS.md), and a large city's movers
 * (seconds at ×100) are never on that path. A wall not showing a scene never asks for its figures.
 */
import { useQueryClient, type QueryFilters } from '@tanstack/react-query';
import { useEffect } from 'react';
import { trpc } from '../../app/trpc.ts';
import { sceneDueStep } from './scenePlan.ts';
import type { WallScene } from './wallParams.ts';

/** Each scene's own figures: refetched when due (and marked stale only, on a change: WallPage's FIGURES). */
export const FIGURES_WHEN_DUE: readonly { scene: WallScene; queries: readonly QueryFilters[] }[] = [
  // The ranks' changes, last Sunday's compounds (a city drawn whole) or the movers (a large city).
  {
    scene: 'movers',
    queries: [trpc.review.board.queryFilter(), trpc.compounds.status.queryFilter(), trpc.wall.movers.queryFilter()],
  },
  { scene: 'board', queries: [trpc.review.board.queryFilter()] },
];

/** `index` / `cycle`: the rotation's position (useSceneRotation). */
export function useFiguresWhenDue(scenes: readonly WallScene[], index: number, cycle: number): void {
  const queryClient = useQueryClient();
  // Each step that comes up asks once; only stale queries the wall has enabled are fetched again.
  useEffect(() => {
    for (const { scene, queries } of FIGURES_WHEN_DUE) {
      if (sceneDueStep(scenes, index, cycle, scene) === null) continue;
      for (const filter of queries) void queryClient.refetchQueries({ ...filter, stale: true });
    }
  }, [queryClient, scenes, index, cycle]);
}
