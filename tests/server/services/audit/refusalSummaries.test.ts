/**
 * A flood of forbidden calls does not flood the append-only audit log: 200 parallel HTTP calls by
 * one reader to one admin procedure write the first refusal at once and the rest as one row with
 * their exact count (at the end of the minute, or when the server stops), and the admin listing
 * shows the count.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import { startServer, type RunningServer } from '../../../../server/http/server.ts';
import { verifyAuditChain } from '../../../../server/services/audit/auditChain.ts';
import { listAuditLog } from '../../../../server/services/audit/auditLog.ts';
import { setRefusalWindowForTests } from '../../../../server/services/audit/refusalSummaries.ts';
import { addUser } from '../../../../server/services/auth/users.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const PASSWORD = 'Leser-Passwort-2025';

describe.each(availableBackends())('repeated refusals over HTTP (%s)', (kind) => {
  let database: TestDatabase;
  let server: RunningServer | null = null;
  let readerId: number;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    const reader = await addUser(
      database.db,
      null,
      { username: 'reader', displayName: '读者', role: 'leader', password: PASSWORD },
      { mustChangePassword: false },
    );
    readerId = reader.id;
  });
  afterEach(async () => {
    setRefusalWindowForTests(60_000);
    await server?.close();
    server = null;
  });
  afterAll(() => database?.dispose());

  async function signIn(): Promise<string> {
    const res = await fetch(`${server!.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'reader', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    return /onemap_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')![0];
  }
  /** `n` forbidden calls at once, each its own HTTP request. */
  async function refusedCalls(cookie: string, procedure: string, n: number): Promise<number[]> {
    return Promise.all(
      Array.from({ length: n }, () =>
        fetch(`${server!.url}/api/trpc/${procedure}`, { headers: { cookie } }).then(
          async (r) => (await r.arrayBuffer(), r.status),
        ),
      ),
    );
  }
  async function refusals(procedure: string) {
    return database.db
      .select({ count: s.auditLog.count, after: s.auditLog.after })
      .from(s.auditLog)
      .where(
        and(eq(s.auditLog.userId, readerId), eq(s.auditLog.action, 'forbidden'), eq(s.auditLog.tableName, procedure)),
      )
      .orderBy(s.auditLog.seq);
  }

  it('writes 200 parallel refusals as the first one and one row counting the other 199', async () => {
    server = await startServer({ database, port: 0 });
    const cookie = await signIn();
    const statuses = await refusedCalls(cookie, 'admin.users', 200);
    expect(statuses.every((status) => status === 403)).toBe(true);
    // The first is written at once, the others are counted until the minute ends.
    expect(await refusals('admin.users')).toMatchObject([
      { count: 1, after: { procedure: 'admin.users', role: 'leader' } },
    ]);
    await server.close();
    server = null;
    // Stopping the server writes what was counted: the count is exact.
    const rows = await refusals('admin.users');
    expect(rows.map((r) => r.count)).toEqual([1, 199]);
    expect(rows[1]!.after).toMatchObject({
      procedure: 'admin.users',
      role: 'leader',
      repeated: { from: expect.any(String), to: expect.any(String) },
    });
    const listed = await listAuditLog(database.db, { userId: readerId, action: 'forbidden' });
    expect(
      listed.rows.filter((r) => r.tableName === 'admin.users').map((r) => [r.count, r.username, r.displayName]),
    ).toEqual([
      [199, 'reader', '读者'],
      [1, 'reader', '读者'],
    ]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true });
  });

  it('writes the count when the minute ends, one row a minute while refusals go on, without the server stopping', async () => {
    const window = 1500;
    setRefusalWindowForTests(window);
    server = await startServer({ database, port: 0 });
    const cookie = await signIn();
    const started = Date.now();
    const total = async () => (await refusals('admin.auditedTables')).reduce((n, r) => n + r.count, 0);
    await refusedCalls(cookie, 'admin.auditedTables', 40);
    // Written by the minute's end alone: the server keeps running.
    await expect.poll(total, { timeout: 15_000, interval: 100 }).toBe(40);
    await refusedCalls(cookie, 'admin.auditedTables', 25);
    await expect.poll(total, { timeout: 15_000, interval: 100 }).toBe(65);
    const elapsed = Date.now() - started;
    const rows = await refusals('admin.auditedTables');
    expect(rows[0]!.count).toBe(1);
    // The first at once, then at most one row per window that passed (however slow the machine).
    expect(rows.length).toBeLessThanOrEqual(2 + Math.floor(elapsed / window));
    expect(rows.length).toBeLessThan(65);
    await server.close();
    server = null;
    expect(await total()).toBe(65);
  });
});
