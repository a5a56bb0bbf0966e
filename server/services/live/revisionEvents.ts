/**
 * The data revision as a stream for one subscriber: the current revision first, then every
 * change, until the subscriber goes away (its abort signal). Changes arriving faster than the
 * subscriber reads collapse into the latest.
 */
import type { RevisionWatcher } from './revisionWatcher.ts';

export async function* revisionEvents(
  watcher: RevisionWatcher,
  signal: AbortSignal | undefined,
): AsyncGenerator<number> {
  let pending: number | null = null;
  let wake: (() => void) | null = null;
  const unsubscribe = watcher.subscribe((revision) => {
    pending = revision;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    let sent = await watcher.current();
    yield sent;
    for (;;) {
      if (signal?.aborted) return;
      if (pending === null || pending === sent) {
        pending = null;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      sent = pending;
      pending = null;
      yield sent;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
