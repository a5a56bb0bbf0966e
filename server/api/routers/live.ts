/**
 * Live updates for wall screens: the data revision over server-sent events. A wall refetches
 * its figures whenever the revision moves. Read permission, like every figure it shows.
 *
 * The stream outlives the request that opened it, so it checks every STILL_SIGNED_IN_MS that its
 * display token (or session) still works: a token revoked or expired ends the stream with
 * UNAUTHORIZED, and the wall says so instead of showing figures it may no longer read.
 */
import { tracked, TRPCError } from '@trpc/server';
import { ShownError } from '../../../shared/errors.ts';
import { stillSignedIn } from '../../services/auth/stillSignedIn.ts';
import { LIVE_WORDS } from '../../services/live/liveWords.ts';
import { revisionEvents } from '../../services/live/revisionEvents.ts';
import { revisionWatcher } from '../../services/live/revisionWatcher.ts';
import { readProcedure, router } from '../trpc.ts';

export const STILL_SIGNED_IN_MS = 10_000;

export const liveRouter = router({
  /** The current data revision, then each change. Tracked: the event id is the revision. */
  revision: readProcedure.subscription(async function* ({ ctx, signal }) {
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    signal?.addEventListener('abort', onAbort);
    let ended = false;
    const timer = setInterval(() => {
      stillSignedIn(ctx.db, ctx.actor, ctx.sessionToken)
        .then((ok) => {
          if (!ok) {
            ended = true;
            stop.abort();
          }
        })
        // A failed check (the database busy) is tried again at the next tick.
        .catch(() => {});
    }, STILL_SIGNED_IN_MS);
    timer.unref();
    try {
      for await (const revision of revisionEvents(revisionWatcher(ctx.db), stop.signal)) {
        yield tracked(String(revision), { revision });
      }
    } finally {
      clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    if (ended) {
      // The Chinese as the message, both languages on the cause for the error formatter.
      const words = ctx.actor.via === 'display-token' ? LIVE_WORDS.displayTokenEnded : LIVE_WORDS.sessionEnded;
      throw new TRPCError({ code: 'UNAUTHORIZED', message: words['zh-CN'], cause: new ShownError(words) });
    }
  }),
});
