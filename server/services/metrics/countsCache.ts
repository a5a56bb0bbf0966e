/**
 * Memoises per-day township counts. Every read first asks the database for its data revision
 * (one indexed single-row read); when records changed since the cache was filled, it is
 * dropped. So a cached value always equals the direct computation.
 */
import { eq } from 'drizzle-orm';
import { dataRevision } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { timelineCountsOnDays } from './countsTimeline.ts';
import { directIndicatorCountsAsOf, type ScopeCounts } from './indicatorCounts.ts';

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
  // The dates nobody has asked for yet, together: one statement for a weekly series' hundred-odd
  // Sundays instead of one each (their counts are shared with anyone asking meanwhile).
  const missing = unique.filter((date) => !byDate.has(date));
  if (missing.length > 0) {
    const counts = countsOnDays(db, missing);
    for (const date of missing) {
      const entry = counts.then((found) => found.get(date)!);
      byDate.set(date, entry);
      entry.catch(() => byDate.delete(date));
    }
  }
  const entries = unique.map((date) => byDate.get(date)!);
  while (byDate.size > MAX_ENTRIES) byDate.delete(byDate.keys().next().value!);
  const result = new Map<string, CountsByTownship>();
  for (const [i, entry] of entries.entries()) result.set(unique[i]!, await entry);
  return result;
}

/**
 * From the timeline in one statement; while it is not built, from the records a few dates at a
 * time: PostgreSQL answers them in parallel (PGlite queues them anyway), while most of a
 * 10-connection pool stays free for other requests.
 */
async function countsOnDays(db: Db, days: readonly string[]): Promise<Map<string, CountsByTownship>> {
  const fromTimeline = await timelineCountsOnDays(db, days);
  if (fromTimeline) return fromTimeline;
  const result = new Map<string, CountsByTownship>();
  for (let i = 0; i < days.length; i += CONCURRENT_DATES) {
    const batch = days.slice(i, i + CONCURRENT_DATES);
    const counts = await Promise.all(batch.map((day) => directIndicatorCountsAsOf(db, day)));
    batch.forEach((day, j) => result.set(day, counts[j]!));
  }
  return result;
}
