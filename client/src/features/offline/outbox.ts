/**
 * The phone's outbox (待上传): records saved while offline, or whose request failed on the network,
 * kept in IndexedDB with their photos (as Blobs) until they can be sent. Sent in the order they were
 * made, when the connection comes back and when the page opens. A refusal by the server stays on
 * its entry, with its message, until the person corrects it (reopens it in its form) or drops it.
 * Entries belong to the account that made them: another person signing in on the phone sends none.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { TRPCClientError } from '@trpc/client';
import { isNetworkFailure, sendRecord, type PendingRecord } from './sendRecord.ts';

export type OutboxEntry = PendingRecord & {
  id: number;
  username: string;
  townshipCode: string;
  /** What the list shows: "2026-12-01 翠湖华庭 四方联席会议". */
  label: string;
  createdAt: string;
  /** The server's refusal, shown against the entry. */
  error?: string;
};

interface OutboxDb extends DBSchema {
  outbox: { key: number; value: OutboxEntry };
}

let opened: Promise<IDBPDatabase<OutboxDb>> | null = null;
const database = () =>
  (opened ??= openDB<OutboxDb>('onemap-outbox', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
    },
  }));

const listeners = new Set<() => void>();
/** Called whenever the outbox changes (an entry added, sent, refused, dropped). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((l) => l());

export async function outboxEntries(username: string): Promise<OutboxEntry[]> {
  const all = await (await database()).getAll('outbox');
  return all.filter((e) => e.username === username).sort((a, b) => a.id - b.id);
}

export async function enqueue(entry: Omit<OutboxEntry, 'id'>): Promise<void> {
  // The key is given by the store (autoIncrement): the order entries were made in.
  await (await database()).add('outbox', entry as OutboxEntry);
  changed();
}

export async function dropEntry(id: number): Promise<void> {
  await (await database()).delete('outbox', id);
  changed();
}

async function save(entry: OutboxEntry): Promise<void> {
  await (await database()).put('outbox', entry);
}

let running: Promise<number> | null = null;

/**
 * Sends the account's waiting entries in order. Stops at the first network failure (the rest would
 * fail the same way); a refused entry is marked and the next one tried. Resolves to how many were sent.
 * One run at a time: a second call while one runs waits for it.
 */
export function flushOutbox(username: string): Promise<number> {
  running ??= (async () => {
    let sent = 0;
    try {
      for (const entry of await outboxEntries(username)) {
        if (entry.error) continue;
        try {
          await sendRecord(entry, (next) => save({ ...entry, ...next }));
          await (await database()).delete('outbox', entry.id);
          sent += 1;
        } catch (error) {
          if (isNetworkFailure(error)) break;
          const message = error instanceof TRPCClientError || error instanceof Error ? error.message : String(error);
          const latest = await (await database()).get('outbox', entry.id);
          if (latest) await save({ ...latest, error: message });
        }
        changed();
      }
    } finally {
      running = null;
      changed();
    }
    return sent;
  })();
  return running;
}
