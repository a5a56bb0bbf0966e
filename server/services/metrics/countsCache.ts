/**
 * Memoises per-day township counts. Every read first asks the database for its data revision
 * (one indexed single-row read); when records changed since the cache was filled, it is
 * dropped. So a cached value always equals the direct computation.
 */
import { eq } from 'drizzle-orm';
import { dataRevision } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { indicatorCountsAsOf, type ScopeCounts } from './indicatorCounts.ts';

type CountsByTownship = Map<string, ScopeCounts>;

interface CacheState {
  revision: number | null;
  byDate: Map<string, Promise<CountsByTownship>>;
}

const caches = new WeakMap<Db, CacheState>();
/** About three years of weekly values plus the days people ask for. */
const MAX_ENTRIES = 1000;
const CONCURRENT_DATES = 3;

export async function currentDataRevision(db: Db): Promise<number> {
  const [row] = await db.select({ revision: dataRevision.revision }).from(dataRevision).where(eq(dataRevision.id, 1));
  return Number(row?.revision ?? 0);
}

/** Counts for each date (deduplicated), from the cache when the records have not changed. */
export async function cachedCounts(db: Db, dates: readonly string[]): Promise<Map<string, CountsByTownship>> {
  let state = caches.get(db);
  if (!state) caches.set(db, (state = { revision: null, byDate: new Map() }));
  const revision = await currentDataRevision(db);
  if (state.revision !== revision) {
    state.revision = revision;
    state.byDate = new Map();
  }
  const unique = [...new Set(dates)];
  const byDate = state.byDate;
  const entryFor = (date: string) => {
    let entry = byDate.get(date);
    if (!entry) {
      entry = indicatorCountsAsOf(db, date);
      byDate.set(date, entry);
      entry.catch(() => byDate.delete(date));
      if (byDate.size > MAX_ENTRIES) byDate.delete(byDate.keys().next().value!);
    }
    return entry;
  };
  // A few dates at a time: PostgreSQL answers them in parallel (PGlite queues them anyway),
  // while most of a 10-connection pool stays free for other requests.
  const result = new Map<string, CountsByTownship>();
  for (let i = 0; i < unique.length; i += CONCURRENT_DATES) {
    const batch = unique.slice(i, i + CONCURRENT_DATES);
    const counts = await Promise.all(batch.map(entryFor));
    batch.forEach((date, j) => result.set(date, counts[j]!));
  }
  return result;
}
