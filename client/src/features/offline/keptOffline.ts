/**
 * The read-only procedures whose answers the service worker keeps for offline use (the figures a
 * page shows, who is signed in, the township's editing lists). The same list is in client/sw.js,
 * which is not bundled and cannot import it: change both. Calls of this list are batched apart
 * from the others, because the worker keeps a batch only when every call in it may be kept.
 */
export const KEPT_OFFLINE: readonly RegExp[] = [
  /^auth\.me$/,
  /^system\.info$/,
  /^geography\./,
  /^metrics\./,
  /^review\./,
  /^compounds\./,
  /^map\./,
  /^workbench\./,
  /^editing\.township$/,
];

export const isKeptOffline = (path: string) => KEPT_OFFLINE.some((pattern) => pattern.test(path));
