/**
 * One shared watcher of the database's data revision (bumped by a statement trigger on every
 * change to the records) per database: it polls once a second while anyone listens — however many
 * walls are open — and tells every listener when the revision moves. With nobody listening it
 * stops, so an idle server does not query at all.
 */
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { currentDataRevision } from '../metrics/countsCache.ts';

export type RevisionListener = (revision: number) => void;

export interface RevisionWatcherOptions {
  intervalMs?: number;
  /** The read itself; replaceable in tests. */
  read?: (db: Db) => Promise<number>;
}

export class RevisionWatcher {
  private readonly listeners = new Set<RevisionListener>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private polling = false;
  private last: number | null = null;
  /** Failed reads in a row: the first is logged with its stack, the rest only counted. */
  private failures = 0;
  /** Reads of the revision so far (tests and the soak benchmark look at it). */
  reads = 0;
  private readonly intervalMs: number;
  private readonly read: (db: Db) => Promise<number>;

  constructor(
    private readonly db: Db,
    options: RevisionWatcherOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.read = options.read ?? currentDataRevision;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  /** The revision now (read fresh when nobody is polling). */
  async current(): Promise<number> {
    if (this.last !== null && this.running) return this.last;
    this.reads++;
    const revision = await this.read(this.db);
    this.last = revision;
    return revision;
  }

  subscribe(listener: RevisionListener): () => void {
    this.listeners.add(listener);
    if (!this.timer) this.timer = setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  private async poll(): Promise<void> {
    if (this.polling) return; // a slow read: skip this tick rather than pile up
    this.polling = true;
    try {
      this.reads++;
      const revision = await this.read(this.db);
      if (this.failures > 0) log.info({ failedReads: this.failures }, '数据版本轮询已恢复');
      this.failures = 0;
      if (revision !== this.last) {
        this.last = revision;
        for (const listener of Array.from(this.listeners)) listener(revision); // a copy: listeners may leave meanwhile
      }
    } catch (error) {
      // The database is briefly unavailable: try again on the next tick. Logged once per outage,
      // not once a second while it lasts.
      if (this.failures++ === 0) log.error({ err: error }, '数据版本轮询出错（大屏暂不更新），下次轮询重试');
    } finally {
      this.polling = false;
    }
  }
}

const watchers = new WeakMap<Db, RevisionWatcher>();

/** The one watcher of this database. */
export function revisionWatcher(db: Db): RevisionWatcher {
  let watcher = watchers.get(db);
  if (!watcher) watchers.set(db, (watcher = new RevisionWatcher(db)));
  return watcher;
}
