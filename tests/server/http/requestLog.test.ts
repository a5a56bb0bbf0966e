/**
 * The request log of a running server, on both databases: one JSON line per request with its id
 * (the one the client got), user, procedures, status, duration and address; unexpected errors
 * with their stacks; and never a password, session token, display token or cookie — whether sent
 * in a body, a cookie, a header, the wall's `?token=` address or a stream's connection parameters.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { createDisplayToken } from '../../../server/services/auth/displayTokens.ts';
import { addUser } from '../../../server/services/auth/users.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { captureLog, type CapturedLog } from '../../support/logs.ts';

const PASSWORD = 'Lantern-Harbour-7319';
const WRONG_PASSWORD = 'Lantern-Harbour-7318';

describe.each(availableBackends())('the request log (%s)', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let captured: CapturedLog;
  let displayToken: string;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    await addUser(
      database.db,
      null,
      { username: 'lin', displayName: '林分析', role: 'analyst', password: PASSWORD },
      { mustChangePassword: false },
    );
    displayToken = (await createDisplayToken(database.db, null, '大厅LED')).token;
    server = await startServer({ database, port: 0 });
    captured = captureLog('info');
  });
  afterAll(async () => {
    captured?.stop();
    await server?.close();
    await database?.dispose();
  });

  async function call(path: string, init: RequestInit = {}): Promise<{ res: Response; requestId: string }> {
    const res = await fetch(`${server.url}${path}`, init);
    await res.arrayBuffer();
    return { res, requestId: res.headers.get('x-request-id') ?? '' };
  }
  const login = (password: string) =>
    call('/api/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lin', password }),
    });
  const requestLine = (requestId: string) =>
    captured.waitFor((l) => l.msg === 'request' && l.requestId === requestId, `request ${requestId}`);

  it('writes one line per request: id, method, path, user, procedures, status, duration, address', async () => {
    const wrong = await login(WRONG_PASSWORD);
    expect(wrong.res.status).toBe(401);
    expect(wrong.requestId, 'the client gets the request id').toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(await requestLine(wrong.requestId)).toMatchObject({
      level: 'info',
      method: 'POST',
      path: '/api/trpc/auth.login',
      user: null,
      procedures: ['auth.login'],
      status: 401,
    });

    const right = await login(PASSWORD);
    expect(right.res.status).toBe(200);
    const session = /onemap_session=([^;]+)/.exec(right.res.headers.get('set-cookie') ?? '')![1]!;
    const me = await call('/api/trpc/auth.me', { headers: { cookie: `onemap_session=${session}` } });
    expect(me.res.status).toBe(200);
    const line = await requestLine(me.requestId);
    expect(line).toMatchObject({
      method: 'GET',
      path: '/api/trpc/auth.me',
      user: 'lin',
      procedures: ['auth.me'],
      procedureCount: 1,
      status: 200,
    });
    expect(line.durationMs).toBeTypeOf('number');
    expect(line.clientIp).toMatch(/127\.0\.0\.1/);
    expect(Date.parse(line.time)).toBeGreaterThan(Date.now() - 60_000);
    const requests = captured.lines().filter((l) => l.msg === 'request');
    expect(new Set(requests.map((l) => l.requestId)).size, 'every request its own id').toBe(requests.length);

    const batch = await call('/api/trpc/geography.townships,auth.me?batch=1&input=%7B%7D', {
      headers: { 'x-onemap-display-token': displayToken },
    });
    expect(batch.res.status).toBe(200);
    expect(await requestLine(batch.requestId)).toMatchObject({
      path: '/api/trpc/geography.townships,auth.me',
      user: 'display-token:大厅LED',
      procedures: ['geography.townships', 'auth.me'],
      status: 200,
    });

    const forbidden = await call('/api/trpc/review.markReviewed', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `onemap_session=${session}` },
      body: JSON.stringify({ week: '2025-W30' }),
    });
    expect(await requestLine(forbidden.requestId)).toMatchObject({
      user: 'lin',
      procedures: ['review.markReviewed'],
      status: 403,
    });
    const logout = await call('/api/trpc/auth.logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `onemap_session=${session}` },
      body: 'null',
    });
    expect(await requestLine(logout.requestId)).toMatchObject({ user: 'lin', procedures: ['auth.logout'] });
    const unknown = await call('/api/nothing-here');
    expect(await requestLine(unknown.requestId)).toMatchObject({ path: '/api/nothing-here', user: null, status: 404 });
    expect(
      captured.lines().filter((l) => l.level === 'error'),
      'no error for refusals',
    ).toEqual([]);
  });

  it('never writes a password, session token, display token or cookie — only who it was', async () => {
    const before = captured.lines().length;
    await login(WRONG_PASSWORD);
    const right = await login(PASSWORD);
    const cookie = right.res.headers.get('set-cookie') ?? '';
    const session = /onemap_session=([^;]+)/.exec(cookie)![1]!;
    await call('/api/trpc/auth.me', { headers: { cookie: `onemap_session=${session}; theme=dark` } });
    await call('/api/trpc/auth.me', { headers: { authorization: `Bearer ${session}` } });
    const wall = await call(`/wall?token=${displayToken}`);
    expect(await requestLine(wall.requestId)).toMatchObject({ method: 'GET', path: '/wall', user: null });
    await call(`/api/trpc/geography.townships?input=%7B%7D`, { headers: { 'x-onemap-display-token': displayToken } });

    // A wall's stream: the token travels in the address (EventSource sends no headers).
    const stream = new AbortController();
    const params = encodeURIComponent(JSON.stringify({ displayToken }));
    const res = await fetch(`${server.url}/api/trpc/live.revision?connectionParams=${params}`, {
      signal: stream.signal,
    });
    expect(res.status).toBe(200);
    const streamId = res.headers.get('x-request-id')!;
    await res.body!.getReader().read(); // the first event has come: the stream is established
    stream.abort();
    const streamLine = await requestLine(streamId);
    expect(streamLine).toMatchObject({
      path: '/api/trpc/live.revision',
      user: 'display-token:大厅LED',
      procedures: ['live.revision'],
    });

    expect(captured.lines().length - before, 'a line per request').toBeGreaterThanOrEqual(7);
    const text = captured.text();
    for (const secret of [PASSWORD, WRONG_PASSWORD, session, displayToken, encodeURIComponent(displayToken), cookie]) {
      expect(text.includes(secret), `the log holds ${secret.slice(0, 6)}…`).toBe(false);
    }
    expect(text).not.toMatch(/theme=dark|Bearer|onemap_session/);
  });

  it('logs an unexpected error once, with its stack and request id, without the statement parameters', async () => {
    // A broken database (a table gone): signing in fails inside the server.
    await database.db.execute(sql`alter table sessions rename to sessions_gone`);
    const broken = await login(PASSWORD);
    expect(broken.res.status).toBe(500);
    const error = await captured.waitFor(
      (l) => l.level === 'error' && l.requestId === broken.requestId,
      'the internal error',
    );
    expect(error).toMatchObject({ msg: '接口内部错误', procedure: 'auth.login' });
    const err = error.err as { type: string; message: string; stack: string };
    expect(err.stack, 'the stack is there').toMatch(/\n {4}at /);
    expect(err.message).toContain('sessions');
    expect(JSON.stringify(error), 'no parameter values').not.toMatch(/[0-9a-f]{64}|[A-Za-z0-9_-]{43}/);
    expect(JSON.stringify(error)).not.toContain(PASSWORD);
    expect(await requestLine(broken.requestId)).toMatchObject({
      level: 'warn',
      status: 500,
      procedures: ['auth.login'],
    });
    expect(captured.lines().filter((l) => l.level === 'error')).toHaveLength(1);
  });
});
