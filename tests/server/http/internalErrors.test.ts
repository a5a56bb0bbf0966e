/**
 * When the database fails under a request (a table gone after a bad restore, a full disk), the
 * client is told "服务器内部错误" with the request id, never the SQL statement, row values or a
 * stack; the details go to the server's log. Malformed paths are answered 400/404, never 500.
 */
import { request } from 'node:http';
import { sql } from 'drizzle-orm';
import { compounds } from '../../../data/schema/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { actorAs } from '../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { captureLog, type CapturedLog } from '../../support/logs.ts';

interface ErrorBody {
  error: { message: string; data: { code: string; requestId: string; stack?: unknown } };
}

/** A request with the path exactly as given (fetch would normalise it). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { path }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
    })
      .on('error', reject)
      .end();
  });
}

describe.each(availableBackends())('unexpected failures over HTTP (%s)', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let headers: Record<string, string>;
  let captured: CapturedLog | null = null;
  /** What the server's log holds of the current table-gone window. */
  const logged = () => captured?.text() ?? '';
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    server = await startServer({ database, port: 0 });
    headers = {
      cookie: `onemap_session=${(await actorAs(database, 'admin')).token}`,
      'content-type': 'application/json',
    };
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  /** Runs `during` with `table` renamed away, as after a restore that lost it. */
  async function withTableGone(table: string, during: () => Promise<void>): Promise<void> {
    await database.db.execute(sql.raw(`alter table ${table} rename to ${table}_gone`));
    captured = captureLog('error');
    try {
      await during();
    } finally {
      captured.stop();
      await database.db.execute(sql.raw(`alter table ${table}_gone rename to ${table}`));
    }
  }

  function expectOpaque(status: number, body: ErrorBody, requestId: string | null): void {
    expect(status).toBe(500);
    expect(body.error.message).toBe(`服务器内部错误（请求编号 ${requestId}）`);
    expect(body.error.data.requestId).toBe(requestId);
    expect(body.error.data.stack).toBeUndefined();
    // The procedure's path is tRPC's own field ('compounds.status'); everything else is checked.
    const text = JSON.stringify({ ...body.error, data: { ...body.error.data, path: undefined } });
    expect(text, 'no SQL, no row values, no stack').not.toMatch(
      /select|insert|from|meetings|compounds|params|\.ts:\d+|Failed query/i,
    );
  }

  it('answers a read whose query fails with 服务器内部错误 and the request id; the log keeps the SQL', async () => {
    await withTableGone('compounds', async () => {
      const res = await fetch(
        `${server.url}/api/trpc/compounds.status?input=${encodeURIComponent(JSON.stringify({ asOf: '2025-01-15' }))}`,
        { headers },
      );
      expectOpaque(res.status, (await res.json()) as ErrorBody, res.headers.get('x-request-id'));
      expect(logged(), 'the log has the request id and the failed query').toContain(res.headers.get('x-request-id')!);
      expect(logged()).toMatch(/compounds/);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.text()).not.toMatch(/compounds|select/i);
    });
  });

  it('answers a write whose insert fails the same way, without the row values', async () => {
    const [{ code } = { code: '' }] = await database.db
      .select({ code: compounds.code })
      .from(compounds)
      .orderBy(compounds.code)
      .limit(1);
    await withTableGone('meetings', async () => {
      const res = await fetch(`${server.url}/api/trpc/editing.recordMeeting`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          compoundCode: code,
          heldOn: todayInCity(),
          attendees: 7,
          topics: '秘密议题-不应外泄',
          problemsResolved: 1,
        }),
      });
      const body = (await res.json()) as ErrorBody;
      expectOpaque(res.status, body, res.headers.get('x-request-id'));
      expect(JSON.stringify(body)).not.toContain('秘密议题');
    });
  });

  it.each([
    '//a%2fb',
    '//',
    '/%E0%A4%A',
    '/%00',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/%2e%2e/%2e%2e/package.json',
    '///api/health',
  ])('answers the malformed path %s without a 500', async (path) => {
    const reply = await rawGet(server.url, path);
    expect(reply.status).toBeLessThan(500);
    expect(reply.body).not.toMatch(/Invalid URL|TypeError|at .*\.ts/);
    expect(reply.body).not.toContain('"dependencies"');
  });
});
