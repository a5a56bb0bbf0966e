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

/** The service worker's cache of kept figures (client/sw.js DATA). */
const KEPT_FIGURES_CACHE = 'onemap-data-v1';

/** JSON with object keys sorted: the same input gives the same key whatever order it was written in (as sw.js). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object)
      .sort()
      .filter((k) => object[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(object[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Where sw.js keeps one call's answer, whatever batch it came in (its `callKey`). */
export const keptCallKey = (path: string, input: unknown) =>
  `/api/trpc/${path}?onemap-call=${encodeURIComponent(canonical(input))}`;

/**
 * Answers the page received without asking (the first view it carried), kept as the service
 * worker keeps what it fetched: offline, the same page is drawn from them.
 */
export async function keepAnswers(
  answers: readonly { path: string; input?: unknown; data: unknown }[],
  savedAt: string,
): Promise<void> {
  if (typeof caches === 'undefined') return;
  const cache = await caches.open(KEPT_FIGURES_CACHE);
  await Promise.all(
    answers
      .filter((answer) => isKeptOffline(answer.path))
      .map((answer) =>
        cache.put(
          keptCallKey(answer.path, answer.input),
          new Response(JSON.stringify({ result: { data: answer.data } }), {
            headers: { 'content-type': 'application/json', 'x-onemap-saved-at': savedAt },
          }),
        ),
      ),
  );
}
