/**
 * A flood of forbidden calls does not flood the append-only audit log: 200 parallel HTTP calls by
 * one reader to one admin procedure write the first refusal at once and the rest as one row with
 * their exact count (at the end of the minute, or when the server stops), and the admin listing
 * shows the count.
 */
import { and, eq, sql } from 'drizzle-orm';
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
    const reader = await addUser(database.db, null, { username: 'reader', displayName: '读者', role: 'leader', password: PASSWORD });
    readerId = reader.id;
  });
  afterEach(async () => {
    setRefusalWindowForTests(60_000);
    await server?.close();
    server = null;
  });
  afterAll(() => database?.dispose());

  async function signIn(): Promise<string> {
    const res = await fetch(`${server!.url}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'reader', password: PASSWORD }) });
    expect(res.status).toBe(200);
    return /onemap_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')![0];
  }
  /** `n` forbidden calls at once, each its own HTTP request. */
  async function refusedCalls(cookie: string, procedure: string, n: number): Promise<number[]> {
    return Promise.all(Array.from({ length: n }, () => fetch(`${server!.url}/api/trpc/${procedure}`, { headers: { cookie } }).then(async (r) => (await r.arrayBuffer(), r.status))));
  }
  async function refusals(procedure: string) {
    return database.db
      .select({ count: s.auditLog.count, after: s.auditLog.after })
      .from(s.auditLog)
      .where(and(eq(s.auditLog.userId, readerId), eq(s.auditLog.action, 'forbidden'), eq(s.auditLog.tableName, procedure)))
      .orderBy(s.auditLog.seq);
  }

  it('writes 200 parallel refusals as the first one and one row counting the other 199', async () => {
    server = await startServer({ database, port: 0 });
    const cookie = await signIn();
    const statuses = await refusedCalls(cookie, 'admin.users', 200);
    expect(statuses.every((status) => status === 403)).toBe(true);
    // The first is written at once, the others are counted until the minute ends.
    expect(await refusals('admin.users')).toMatchObject([{ count: 1, after: { procedure: 'admin.users', role: 'leader' } }]);
    await server.close();
    server = null;
    // Stopping the server writes what was counted: the count is exact.
    const rows = await refusals('admin.users');
    expect(rows.map((r) => r.count)).toEqual([1, 199]);
    expect(rows[1]!.after).toMatchObject({ procedure: 'admin.users', role: 'leader', repeated: { from: expect.any(String), to: expect.any(String) } });
    const listed = await listAuditLog(database.db, { userId: readerId, action: 'forbidden' });
    expect(listed.rows.filter((r) => r.tableName === 'admin.users').map((r) => [r.count, r.username, r.displayName])).toEqual([
      [199, 'reader', '读者'],
      [1, 'reader', '读者'],
    ]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true });
  });

  it('writes the count when the minute ends, and one row a minute while refusals go on', async () => {
    setRefusalWindowForTests(1500);
    server = await startServer({ database, port: 0 });
    const cookie = await signIn();
    await refusedCalls(cookie, 'admin.auditedTables', 40);
    await expect.poll(async () => (await refusals('admin.auditedTables')).map((r) => r.count), { timeout: 10_000, interval: 100 }).toEqual([1, 39]);
    // Still refused within the next window: counted, written as one row when it ends.
    await refusedCalls(cookie, 'admin.auditedTables', 25);
    await expect.poll(async () => (await refusals('admin.auditedTables')).map((r) => r.count), { timeout: 10_000, interval: 100 }).toEqual([1, 39, 25]);
    await server.close();
    server = null;
    const [total] = await database.db
      .select({ n: sql<number>`sum(${s.auditLog.count})::int`, rows: sql<number>`count(*)::int` })
      .from(s.auditLog)
      .where(and(eq(s.auditLog.userId, readerId), eq(s.auditLog.tableName, 'admin.auditedTables')));
    expect(total).toEqual({ n: 65, rows: 3 });
  });
});
