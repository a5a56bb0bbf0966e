/**
 * The outbox as React sees it: the signed-in account's entries, kept current, and sending them when
 * the connection comes back ('online') and when the page opens. After anything is sent every
 * figure is read again, as after an edit made online.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useMe } from '../auth/session.ts';
import { flushOutbox, onOutboxChange, outboxEntries, type OutboxEntry } from './outbox.ts';

export function useOutboxEntries(): OutboxEntry[] {
  const username = useMe().data?.username ?? null;
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    if (!username || typeof indexedDB === 'undefined') return;
    let live = true;
    const read = () =>
      void outboxEntries(username).then(
        (e) => live && setEntries(e),
        () => {},
      );
    read();
    const stop = onOutboxChange(read);
    return () => {
      live = false;
      stop();
    };
  }, [username]);
  return entries;
}

/** Mounted once for the signed-in app: sends the outbox on page load and whenever the phone is back online. */
export function OutboxSync(): null {
  const username = useMe().data?.username ?? null;
  const queryClient = useQueryClient();
  const flush = useCallback(() => {
    if (!username || typeof indexedDB === 'undefined' || !navigator.onLine) return;
    void flushOutbox(username).then(
      (sent) => {
        if (sent > 0) void queryClient.invalidateQueries();
      },
      () => {},
    );
  }, [username, queryClient]);
  useEffect(() => {
    flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [flush]);
  return null;
}
