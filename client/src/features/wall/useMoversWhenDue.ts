/**
 * A large city's movers (wall.movers: both days' compounds read and compared, seconds at ×100)
 * are fetched again only as the movers scene comes up — when the scene before it starts, so the
 * answer is there by the time it shows — and only if a change has marked them stale since
 * (useLiveRevision's `refetchType: 'none'`). Every wall's main figures after an edit then wait
 * for nothing but themselves; a wall not showing the movers never asks for them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { trpc } from '../../app/trpc.ts';
import { moversDueStep } from './scenePlan.ts';
import type { WallScene } from './wallParams.ts';

/** `index` / `cycle`: the rotation's position (useSceneRotation); `enabled`: whether the movers query is. */
export function useMoversWhenDue(scenes: readonly WallScene[], index: number, cycle: number, enabled: boolean): void {
  const queryClient = useQueryClient();
  const dueStep = moversDueStep(scenes, index, cycle);
  // Each step that comes up asks once, and only stale movers are fetched again.
  useEffect(() => {
    if (enabled && dueStep !== null)
      void queryClient.refetchQueries({ ...trpc.wall.movers.queryFilter(), stale: true });
  }, [queryClient, enabled, dueStep]);
}
