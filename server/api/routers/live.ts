/**
 * Live updates for wall screens: the data revision over server-sent events. A wall refetches
 * its figures whenever the revision moves. Read permission, like every figure it shows.
 */
import { tracked } from '@trpc/server';
import { revisionEvents } from '../../services/live/revisionEvents.ts';
import { revisionWatcher } from '../../services/live/revisionWatcher.ts';
import { readProcedure, router } from '../trpc.ts';

export const liveRouter = router({
  /** The current data revision, then each change. Tracked: the event id is the revision. */
  revision: readProcedure.subscription(async function* ({ ctx, signal }) {
    for await (const revision of revisionEvents(revisionWatcher(ctx.db), signal)) {
      yield tracked(String(revision), { revision });
    }
  }),
});
