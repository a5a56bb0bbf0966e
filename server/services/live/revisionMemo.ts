/**
 * Answers of read queries that depend only on the data tables, their input and the day, kept for
 * the current data revision: after a change a hundred wall screens refetch the same figures at
 * once, and one computation serves them all. Like the counts cache, every use first reads the
 * revision (one indexed single-row read) and drops everything when records changed since, so a
 * memoised answer always equals a fresh one — whichever process changed the records.
 *
 * Identical requests arriving while the answer is being computed share that computation. Kept
 * answers are bounded by their size (rows of the arrays in them), so at ×100 or ×1000 a
 * compound list is shared while it is computed but kept only if it fits.
 */
import type { Db } from '../../db/connection.ts';
import { currentDataRevision } from '../metrics/countsCache.ts';

interface Entry {
  value: Promise<unknown>;
  weight: number;
}

interface MemoState {
  revision: number | null;
  entries: Map<string, Entry>;
  weight: number;
}

export interface RevisionMemoStats {
  hits: number;
  misses: number;
}

/** At ×1 about 140 compound lists (347 rows); one list of a larger city is kept while it fits. */
export const MEMO_MAX_WEIGHT = 50_000;
export const MEMO_MAX_ENTRIES = 500;

const states = new WeakMap<Db, MemoState>();
const stats = new WeakMap<Db, RevisionMemoStats>();

/** Rows in the answer: an array's length, or the lengths of the arrays among an object's values (one level down). */
export function weightOf(value: unknown): number {
  if (Array.isArray(value)) return value.length + 1;
  if (value && typeof value === 'object') {
    let weight = 1;
    for (const v of Object.values(value)) {
      if (Array.isArray(v)) weight += v.length;
      else if (v && typeof v === 'object') for (const w of Object.values(v)) if (Array.isArray(w)) weight += w.length;
    }
    return weight;
  }
  return 1;
}

export function revisionMemoStats(db: Db): RevisionMemoStats {
  let s = stats.get(db);
  if (!s) stats.set(db, (s = { hits: 0, misses: 0 }));
  return s;
}

interface RevisionReader {
  queue: { resolve(revision: number): void; reject(error: unknown): void }[];
  reading: boolean;
}
const readers = new WeakMap<Db, RevisionReader>();

/**
 * The data revision, read after this call began: callers that arrive while a read is under way
 * wait for the next one, which serves all of them (two hundred walls refetching four figures each
 * make a few reads, not eight hundred), and none gets a revision older than when it asked.
 */
export function freshRevision(db: Db): Promise<number> {
  let reader = readers.get(db);
  if (!reader) readers.set(db, (reader = { queue: [], reading: false }));
  const r = reader;
  const start = () => {
    r.reading = true;
    const batch = r.queue;
    r.queue = [];
    currentDataRevision(db)
      .then(
        (revision) => batch.forEach((w) => w.resolve(revision)),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        r.reading = false;
        if (r.queue.length) start();
      });
  };
  return new Promise((resolve, reject) => {
    r.queue.push({ resolve, reject });
    if (!r.reading) start();
  });
}

/** `compute()` once per key and data revision; a failure is not kept. */
export async function revisionMemo<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  let state = states.get(db);
  if (!state) states.set(db, (state = { revision: null, entries: new Map(), weight: 0 }));
  const revision = await freshRevision(db);
  if (state.revision !== revision) {
    // A newer revision replaces the kept answers; an older one (a read that raced a change) is
    // answered fresh without touching them.
    if (state.revision !== null && revision < state.revision) return compute();
    state.revision = revision;
    state.entries = new Map();
    state.weight = 0;
  }
  const counter = revisionMemoStats(db);
  const found = state.entries.get(key);
  if (found) {
    counter.hits++;
    // Most recently used last, so that the oldest go first when the memo is full.
    state.entries.delete(key);
    state.entries.set(key, found);
    return found.value as Promise<T>;
  }
  counter.misses++;
  const entries = state.entries;
  const entry: Entry = { value: compute(), weight: 0 };
  entries.set(key, entry);
  try {
    const value = await entry.value;
    // Kept only while it is still this revision's answer and it fits.
    if (entries === state.entries && entries.get(key) === entry) {
      entry.weight = weightOf(value);
      if (entry.weight > MEMO_MAX_WEIGHT) entries.delete(key);
      else {
        state.weight += entry.weight;
        for (const [oldKey, old] of entries) {
          if (state.weight <= MEMO_MAX_WEIGHT && entries.size <= MEMO_MAX_ENTRIES) break;
          if (old === entry) continue;
          entries.delete(oldKey);
          state.weight -= old.weight;
        }
      }
    }
    return value as T;
  } catch (error) {
    if (entries.get(key) === entry) entries.delete(key);
    throw error;
  }
}
