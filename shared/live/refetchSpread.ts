/**
 * How long a wall screen may wait, at random, before refetching its figures after a change: two
 * hundred walls told of a change at the same instant then spread their requests over this window
 * instead of arriving as one burst. Well inside the one-second goal from an edit to every wall's
 * figures. Shared by the wall page (useLiveRevision.ts) and the benchmark's wall clients, which
 * wait the same way (uniform in [0, REFETCH_SPREAD_MS)).
 */
export const REFETCH_SPREAD_MS = 300;
