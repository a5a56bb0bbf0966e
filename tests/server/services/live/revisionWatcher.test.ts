/**
 * The shared revision poller: one read per tick whatever the number of walls, polling only while
 * someone listens, every listener told of each change, and the subscription stream for one wall.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../../server/db/connection.ts';
import { revisionEvents } from '../../../../server/services/live/revisionEvents.ts';
import { RevisionWatcher } from '../../../../server/services/live/revisionWatcher.ts';
import { captureLog } from '../../../support/logs.ts';

const fakeDb = {} as Db;

describe('RevisionWatcher', () => {
  let revision: number;
  let watcher: RevisionWatcher;
  beforeEach(() => {
    vi.useFakeTimers();
    revision = 7;
    watcher = new RevisionWatcher(fakeDb, { intervalMs: 1000, read: async () => revision });
  });
  afterEach(() => vi.useRealTimers());

  it('polls once per tick for any number of listeners, and only while someone listens', async () => {
    const seen: number[][] = Array.from({ length: 50 }, () => []);
    const unsubscribes = seen.map((list) => watcher.subscribe((r) => list.push(r)));
    expect(watcher.running).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(watcher.reads).toBe(5);
    revision = 8;
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen.every((list) => list.join() === '7,8')).toBe(true);
    for (const unsubscribe of unsubscribes) unsubscribe();
    expect(watcher.running).toBe(false);
    expect(watcher.listenerCount).toBe(0);
    const reads = watcher.reads;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(watcher.reads).toBe(reads);
  });

  it('keeps polling through a failed read', async () => {
    let fail = true;
    const flaky = new RevisionWatcher(fakeDb, {
      intervalMs: 1000,
      read: async () => (fail ? Promise.reject(new Error('down')) : revision),
    });
    const seen: number[] = [];
    const unsubscribe = flaky.subscribe((r) => seen.push(r));
    await vi.advanceTimersByTimeAsync(3000);
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([7]);
    unsubscribe();
  });

  it('logs a failed read once per outage, with its stack, and the recovery with the reads that failed', async () => {
    const captured = captureLog('info');
    try {
      let fail = true;
      const flaky = new RevisionWatcher(fakeDb, {
        intervalMs: 1000,
        read: async () => {
          if (fail) throw new Error('connection refused');
          return revision;
        },
      });
      const unsubscribe = flaky.subscribe(() => {});
      await vi.advanceTimersByTimeAsync(5000);
      const errors = captured.lines().filter((l) => l.level === 'error');
      expect(errors, 'one line for five failed reads').toHaveLength(1);
      const err = errors[0]!.err as { message: string; stack: string };
      expect(err.message).toBe('connection refused');
      expect(err.stack).toMatch(/\n {4}at /);
      fail = false;
      await vi.advanceTimersByTimeAsync(2000);
      expect(
        captured
          .lines()
          .filter((l) => l.failedReads !== undefined)
          .map((l) => [l.level, l.failedReads]),
      ).toEqual([['info', 5]]);
      unsubscribe();
    } finally {
      captured.stop();
    }
  });

  it('streams the current revision, then each change, and lets go when the subscriber leaves', async () => {
    const abort = new AbortController();
    const stream = revisionEvents(watcher, abort.signal);
    expect((await stream.next()).value).toBe(7);
    const next = stream.next();
    revision = 9;
    await vi.advanceTimersByTimeAsync(2000);
    expect((await next).value).toBe(9);
    const pending = stream.next();
    abort.abort();
    expect((await pending).done).toBe(true);
    expect(watcher.listenerCount).toBe(0);
    expect(watcher.running).toBe(false);
  });
});

describe('RevisionWatcher on announced revisions (PostgreSQL LISTEN)', () => {
  /** A feed the test drives: `announce` as a NOTIFY would, `reconnect` as the driver does after a drop. */
  function fakeFeed() {
    let onRevision: (revision: number) => void = () => {};
    let onConnect: () => void = () => {};
    let starts = 0;
    return {
      feed: {
        start: async (revision: (r: number) => void, connect: () => void) => {
          starts++;
          onRevision = revision;
          onConnect = connect;
          connect();
        },
      },
      announce: (revision: number) => onRevision(revision),
      reconnect: () => onConnect(),
      starts: () => starts,
    };
  }

  it('listens once for every wall, tells each announced revision at once, and never polls', async () => {
    vi.useFakeTimers();
    try {
      let revision = 7;
      const feed = fakeFeed();
      const watcher = new RevisionWatcher(fakeDb, { read: async () => revision, feed: feed.feed });
      const seen: number[][] = Array.from({ length: 20 }, () => []);
      seen.forEach((list) => watcher.subscribe((r) => list.push(r)));
      await vi.advanceTimersByTimeAsync(0);
      expect(feed.starts()).toBe(1);
      const readsAfterConnect = watcher.reads;
      feed.announce(8);
      feed.announce(8); // a repeat (another process's catch-up) is told once
      feed.announce(6); // an older one, arriving late, is not told
      // 7 as read when the LISTEN began, then 8 as announced.
      expect(seen.every((list) => list.join() === '7,8')).toBe(true);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(watcher.reads, 'no poll').toBe(readsAfterConnect);
      // A dropped connection: what was committed meanwhile is read once on reconnecting.
      revision = 11;
      feed.reconnect();
      await vi.advanceTimersByTimeAsync(0);
      expect(seen[0]).toEqual([7, 8, 11]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells a revision only once the walls’ reads would see it (a replica has replayed it)', async () => {
    const feed = fakeFeed();
    const waits: { revision: number; done: () => void }[] = [];
    const watcher = new RevisionWatcher(fakeDb, {
      read: async () => 3,
      feed: feed.feed,
      // The replica has revision 3 already; 4 and 5 it replays when the test says so.
      settle: (revision) =>
        revision <= 3 ? Promise.resolve() : new Promise<void>((done) => waits.push({ revision, done })),
    });
    const seen: number[] = [];
    const stream = revisionEvents(watcher, undefined);
    expect((await stream.next()).value).toBe(3);
    watcher.subscribe((r) => seen.push(r));
    feed.announce(4);
    feed.announce(5);
    await vi.waitFor(() => expect(waits.map((w) => w.revision)).toContain(4));
    expect(seen, 'not before the replica has it').toEqual([]);
    waits.shift()!.done();
    await vi.waitFor(() => expect(waits.map((w) => w.revision)).toContain(5));
    waits.shift()!.done();
    await vi.waitFor(() => expect(seen).toEqual([4, 5]));
    void stream.return(undefined);
  });
});
