/**
 * One shared watcher of the database's data revision (bumped by a statement trigger on every
 * change to the records) per database, telling every listener — however many walls are open —
 * when the revision moves.
 *
 * On PostgreSQL it listens: each committing transaction announces its revision (NOTIFY, migration
 * 0016), so every server process hears a change from any process within milliseconds and nothing
 * is polled. On the embedded database (one process, nobody else can write) it polls once a second
 * while anyone listens; with nobody listening it stops, so an idle server does not query at all.
 */
import type { Database, Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { currentDataRevision } from '../metrics/countsCache.ts';

export type RevisionListener = (revision: number) => void;

/** Committed revisions as they are announced (PostgreSQL LISTEN). */
export interface RevisionFeed {
  /** Calls `onRevision` with each announced revision and `onConnect` at each (re)connection. */
  start(onRevision: (revision: number) => void, onConnect: () => void): Promise<void>;
}

export interface RevisionWatcherOptions {
  intervalMs?: number;
  /** The read itself; replaceable in tests. */
  read?: (db: Db) => Promise<number>;
  /** Announced revisions instead of a poll. */
  feed?: RevisionFeed;
  /**
   * Resolves once the walls' reads would see `revision` (with a replica: once it has replayed
   * it), so that a wall never refetches the figures of the revision before.
   */
  settle?: (revision: number) => Promise<void>;
}

export const DATA_REVISION_CHANNEL = 'onemap_data_revision';

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
  private readonly feed: RevisionFeed | undefined;
  private readonly settle: ((revision: number) => Promise<void>) | undefined;
  /** The feed is listening (started once, at the first listener, and kept: a LISTEN costs no query). */
  private listening: Promise<void> | null = null;
  private heard = false;
  /** The newest revision announced but not yet told (waiting for the replica). */
  private announced = 0;
  private settling = false;

  constructor(
    private readonly db: Db,
    options: RevisionWatcherOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.read = options.read ?? currentDataRevision;
    this.feed = options.feed;
    this.settle = options.settle;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  get running(): boolean {
    return this.timer !== null || this.heard;
  }

  /** The revision now (read fresh when nobody is polling or listening yet). */
  async current(): Promise<number> {
    if (this.last !== null && this.running) return this.last;
    this.reads++;
    const revision = await this.read(this.db);
    // A wall's first figures come from where its reads go: the replica, once it has this revision.
    await this.settle?.(revision).catch(() => {});
    this.last = revision;
    return revision;
  }

  subscribe(listener: RevisionListener): () => void {
    this.listeners.add(listener);
    if (this.feed) {
      this.listening ??= this.feed
        .start(
          (revision) => this.announce(revision),
          // At each (re)connection: what was committed while nobody listened is read once.
          () => void this.catchUp(),
        )
        .catch((error: unknown) => {
          this.listening = null;
          log.error({ err: error }, '无法监听数据版本通知（大屏暂不更新），下一个大屏连接时重试');
        });
      return () => void this.listeners.delete(listener);
    }
    if (!this.timer) this.timer = setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  private async catchUp(): Promise<void> {
    try {
      this.reads++;
      this.announce(await this.read(this.db));
      this.heard = true;
    } catch (error) {
      log.error({ err: error }, '读取数据版本出错（大屏暂不更新），下次通知时更新');
    }
  }

  /** A revision heard: told to every listener once the walls' reads would see it. */
  private announce(revision: number): void {
    if (!Number.isFinite(revision) || revision <= Math.max(this.announced, this.last ?? 0)) return;
    this.announced = revision;
    if (!this.settle) return this.tell(revision);
    if (this.settling) return; // the running wait picks up the newest when it ends
    this.settling = true;
    void (async () => {
      try {
        for (let target = this.announced; target > (this.last ?? 0); target = this.announced) {
          await this.settle!(target).catch((error: unknown) =>
            log.warn({ err: error, revision: target }, '等待只读副本同步数据版本出错，照常通知大屏'),
          );
          this.tell(target);
        }
      } finally {
        this.settling = false;
      }
    })();
  }

  private tell(revision: number): void {
    if (this.last !== null && revision <= this.last) return;
    this.last = revision;
    for (const listener of Array.from(this.listeners)) listener(revision);
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

/** The one watcher of this database (a poll, unless the server set up its feed: `watchRevisions`). */
export function revisionWatcher(db: Db): RevisionWatcher {
  let watcher = watchers.get(db);
  if (!watcher) watchers.set(db, (watcher = new RevisionWatcher(db)));
  return watcher;
}

/**
 * The server's watcher: on PostgreSQL it listens for the announced revisions, and with a replica
 * it tells the walls once the replica has replayed the change, since that is where their reads go.
 */
export function watchRevisions(database: Pick<Database, 'db' | 'listen' | 'replica'>): RevisionWatcher {
  const { listen, replica } = database;
  const found = watchers.get(database.db);
  if (found || !listen) return revisionWatcher(database.db);
  const watcher = new RevisionWatcher(database.db, {
    feed: {
      start: (onRevision, onConnect) =>
        listen(DATA_REVISION_CHANNEL, (payload) => onRevision(Number(payload)), onConnect),
    },
    ...(replica ? { settle: (revision: number) => replicaReached(replica.db, revision) } : {}),
  });
  watchers.set(database.db, watcher);
  return watcher;
}

/** How long a wall waits for a lagging replica before it is told anyway (and refetches what is there). */
const REPLICA_WAIT_MS = 5000;

async function replicaReached(replica: Db, revision: number): Promise<void> {
  const until = Date.now() + REPLICA_WAIT_MS;
  // Streaming replication replays in milliseconds: a few short reads, only once per change.
  for (let pause = 5; (await currentDataRevision(replica)) < revision; pause = Math.min(pause * 2, 100)) {
    if (Date.now() > until) throw new Error(`只读副本 ${REPLICA_WAIT_MS} 毫秒内未同步到数据版本 ${revision}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
