/**
 * `DATABASE_REPLICA_URL` against a real streaming replica of the local server (tests/support/
 * replica.ts): a plain read is answered by the replica, a client's read after its own write by the
 * primary until the replica has replayed it, and a read that turns out to write is run again on
 * the primary. The replica's replay is paused to make the difference visible: whatever the replica
 * answers then is the state before the change.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compounds } from '../../../data/schema/index.ts';
import { routeStatements, NO_WRITE_MARK, type WriteMark } from '../../../server/api/readRouting.ts';
import { openDatabase, type Database } from '../../../server/db/connection.ts';
import { queryRows } from '../../../server/db/rows.ts';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { currentDataRevision } from '../../../server/services/metrics/countsCache.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { actorAs } from '../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { captureLog } from '../../support/logs.ts';
import { replicaUnavailable, startReplica, type TestReplica } from '../../support/replica.ts';

const skip = !availableBackends().includes('postgres') ? 'PostgreSQL 不可用' : replicaUnavailable();

interface History {
  meetings?: { heldOn: string; topics: string }[];
}

describe.skipIf(skip !== null)('reads on a streaming replica', () => {
  let replica: TestReplica;
  let primaryCopy: TestDatabase;
  let database: Database;
  let server: RunningServer;
  let compoundCode: string;
  let otherCompoundCode: string;
  let staffCookie: string;
  let analystCookie: string;

  beforeAll(async () => {
    primaryCopy = await openFixtureDatabase('postgres');
    const name = new URL(primaryCopy.url!).pathname.slice(1);
    replica = await startReplica(primaryCopy.url!);
    await replica.waitFor(name);
    database = await openDatabase({ databaseUrl: primaryCopy.url, replicaUrl: replica.urlOf(name) });
    server = await startServer({ database, port: 0 });
    const staff = await actorAs(primaryCopy, 'township_staff');
    const analyst = await actorAs(primaryCopy, 'analyst');
    staffCookie = `onemap_session=${staff.token}`;
    analystCookie = `onemap_session=${analyst.token}`;
    const rows = await primaryCopy.db
      .select({ code: compounds.code })
      .from(compounds)
      .where(sql`${compounds.townshipCode} = ${staff.actor.townshipCode}`)
      .orderBy(compounds.code)
      .limit(2);
    // Two compounds: one meeting a day per compound.
    [compoundCode, otherCompoundCode] = rows.map((r) => r.code) as [string, string];
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await primaryCopy?.dispose();
    await replica?.stop();
  });

  /** compounds.history as the browser asks for it; the cookies it was given back. */
  async function history(cookie: string, code = compoundCode): Promise<{ meetings: string[]; setCookie: string }> {
    const input = encodeURIComponent(JSON.stringify({ code, complete: true }));
    const res = await fetch(`${server.url}/api/trpc/compounds.history?input=${input}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: History } };
    return {
      meetings: (body.result.data.meetings ?? []).map((m) => m.topics),
      setCookie: res.headers.getSetCookie().join('\n'),
    };
  }

  it('answers a plain read from the replica, and the writer its own read from the primary until the replica has it', async () => {
    expect((await history(analystCookie)).meetings).not.toContain('副本测试议题');
    await replica.admin`select pg_wal_replay_pause()`;
    try {
      const write = await fetch(`${server.url}/api/trpc/editing.recordMeeting`, {
        method: 'POST',
        headers: { cookie: staffCookie, 'content-type': 'application/json' },
        body: JSON.stringify({ compoundCode, heldOn: todayInCity(), attendees: 9, topics: '副本测试议题' }),
      });
      expect(write.status, await write.clone().text()).toBe(200);
      const mark = /onemap_wrote=([0-9A-F]+\/[0-9A-F]+)/i.exec(write.headers.getSetCookie().join('\n'))?.[1];
      expect(mark, 'the write is marked with its WAL position').toBeDefined();

      // The writer sees its meeting (the primary: the replica is paused before it) …
      const own = await history(`${staffCookie}; onemap_wrote=${mark}`);
      expect(own.meetings).toContain('副本测试议题');
      // … everyone else reads the replica, which has not replayed it.
      expect((await history(analystCookie)).meetings).not.toContain('副本测试议题');
      const [paused] = await replica.admin<{ recovery: boolean }[]>`select pg_is_in_recovery() as recovery`;
      expect(paused?.recovery).toBe(true);
    } finally {
      await replica.admin`select pg_wal_replay_resume()`;
    }
    await vi.waitFor(async () => expect((await history(analystCookie)).meetings).toContain('副本测试议题'), {
      timeout: 30_000,
      interval: 50,
    });
  });

  it('lets the writer read from the replica again once it has replayed the write (the mark is cleared)', async () => {
    const write = await fetch(`${server.url}/api/trpc/editing.recordMeeting`, {
      method: 'POST',
      headers: { cookie: staffCookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        compoundCode: otherCompoundCode,
        heldOn: todayInCity(),
        attendees: 11,
        topics: '副本追上后',
      }),
    });
    expect(write.status, await write.clone().text()).toBe(200);
    const mark = /onemap_wrote=([^;]+)/.exec(write.headers.getSetCookie().join('\n'))![1]!;
    await vi.waitFor(
      async () => {
        const read = await history(`${staffCookie}; onemap_wrote=${mark}`, otherCompoundCode);
        expect(read.meetings).toContain('副本追上后');
        expect(read.setCookie, 'the mark is cleared').toMatch(/onemap_wrote=;.*Max-Age=0/);
      },
      { timeout: 30_000, interval: 50 },
    );
  });

  it('tells a wall of a change only once the replica has it', async () => {
    const wall = await actorAs(primaryCopy, 'leader');
    const stream = new AbortController();
    const res = await fetch(`${server.url}/api/trpc/live.revision`, {
      headers: { cookie: `onemap_session=${wall.token}`, accept: 'text/event-stream' },
      signal: stream.signal,
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const revisions: number[] = [];
    let buffered = '';
    const nextRevision = async (): Promise<number> => {
      for (;;) {
        const match = /"revision":(\d+)/.exec(buffered);
        if (match) {
          buffered = buffered.slice(match.index + match[0].length);
          return Number(match[1]);
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffered += value;
      }
    };
    try {
      revisions.push(await nextRevision());
      await primaryCopy.db.execute(sql`update compounds set name = name where code = ${compoundCode}`);
      const expected = await currentDataRevision(primaryCopy.db);
      for (let r = revisions[0]!; r < expected;) revisions.push((r = await nextRevision()));
      // Heard: the replica the wall's refetch goes to has this revision already.
      expect(await currentDataRevision(database.replica!.db)).toBeGreaterThanOrEqual(expected);
    } finally {
      stream.abort();
    }
  });

  it('runs a read that writes again on the primary, and logs it', async () => {
    const captured = captureLog('warn');
    try {
      const where: boolean[] = [];
      const mark: WriteMark = NO_WRITE_MARK;
      const result = await routeStatements(
        { db: database.db, replica: database.replica!, writeMark: mark },
        'query',
        'metrics.report',
        async (db = database.db) => {
          const [row] = await queryRows<{ recovery: boolean }>(db, sql`select pg_is_in_recovery() as recovery`);
          where.push(row!.recovery);
          try {
            await db.execute(sql`update data_revision set revision = revision where false`);
            return { ok: true as const };
          } catch (error) {
            return { ok: false as const, error: { cause: error } };
          }
        },
      );
      expect(result.ok).toBe(true);
      expect(where, 'the replica first, then the primary').toEqual([true, false]);
      expect(captured.lines().find((l) => l.event === 'replica.read-wrote')).toMatchObject({
        level: 'warn',
        procedure: 'metrics.report',
      });
    } finally {
      captured.stop();
    }
  });
});
