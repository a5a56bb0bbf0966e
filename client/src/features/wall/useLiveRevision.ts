/**
 * Live updates: subscribes to the server's data revision (server-sent events) and, whenever it
 * moves — or on coming back after the connection was lost — invalidates the queries that hold the
 * wall's figures (`figures`), so the wall refetches them and nothing else: not the township
 * boundaries, nor who is signed in. Reports whether the server is reachable. The EventSource reconnects by
 * itself; if the subscription ends with an error it is opened again after a pause — unless the
 * server refused it as UNAUTHORIZED (the wall's token revoked or expired): then `refused`. Everything is torn down on unmount.
 *
 * The refetch after a change waits a short random delay (up to REFETCH_SPREAD_MS, shared/live): two hundred
 * walls told at the same instant then spread their requests instead of arriving as one burst; a
 * second change during the wait is covered by the same refetch.
 */
import { useQueryClient, type InvalidateQueryFilters } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { REFETCH_SPREAD_MS } from '../../../../shared/live/refetchSpread.ts';
import { isUnauthorized, trpcClient } from '../../app/trpc.ts';

const RESUBSCRIBE_MS = 5000;

export interface LiveState {
  connected: boolean;
  revision: number | null;
  /** The server ended the stream as UNAUTHORIZED (the display token revoked or expired): not reopened. */
  refused: boolean;
}

/**
 * `figures`: a stable list (a module constant), one filter per query to refetch on a change
 * (`refetchType: 'none'`: only marked stale, for a query fetched again when it is next wanted).
 */
export function useLiveRevision(figures: readonly InvalidateQueryFilters[]): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>({ connected: true, revision: null, refused: false });

  useEffect(() => {
    let disposed = false;
    let lastRevision: number | null = null;
    let lostSinceLastEvent = false;
    let retry: number | undefined;
    let refetch: number | undefined;
    let subscription: { unsubscribe(): void } | null = null;

    const lost = () => {
      lostSinceLastEvent = true;
      setState((s) => (s.connected ? { ...s, connected: false } : s));
    };
    const open = () => {
      subscription = trpcClient.live.revision.subscribe(undefined, {
        onData: ({ data }) => {
          const changed = lastRevision !== null && data.revision !== lastRevision;
          if ((changed || lostSinceLastEvent) && refetch === undefined) {
            refetch = window.setTimeout(() => {
              refetch = undefined;
              for (const filter of figures) void queryClient.invalidateQueries(filter);
            }, Math.random() * REFETCH_SPREAD_MS);
          }
          lastRevision = data.revision;
          lostSinceLastEvent = false;
          setState({ connected: true, revision: data.revision, refused: false });
        },
        onConnectionStateChange: (change) => {
          if (change.state === 'connecting' && change.error) lost();
        },
        onError: (error) => {
          subscription?.unsubscribe();
          if (isUnauthorized(error)) return setState((s) => ({ ...s, connected: false, refused: true }));
          lost();
          if (!disposed) retry = window.setTimeout(open, RESUBSCRIBE_MS);
        },
      });
    };
    open();
    return () => {
      disposed = true;
      window.clearTimeout(retry);
      window.clearTimeout(refetch);
      subscription?.unsubscribe();
    };
  }, [queryClient, figures]);

  return state;
}
