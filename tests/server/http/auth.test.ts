/**
 * Signing in over real HTTP (the server on port 0): the session cookie's flags, wrong passwords,
 * the rate limit per username and per address, disabled users and reset passwords ending
 * sessions, logout, and display tokens sent as a header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { createDisplayToken, revokeDisplayToken } from '../../../server/services/auth/displayTokens.ts';
import { login } from '../../../server/services/auth/login.ts';
import { addUser, resetPassword, setUserDisabled } from '../../../server/services/auth/users.ts';
import { DEMO_ACCOUNTS } from '../../../server/services/auth/demoAccounts.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

interface Reply {
  status: number;
  cookie: string | null;
  body: { result?: { data: unknown }; error?: { message: string; data: { code: string } } };
}

describe('signing in over HTTP', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let previousTrust: string | undefined;
  beforeAll(async () => {
    previousTrust = process.env.ONEMAP_TRUST_PROXY;
    // Each test comes from its own address (X-Forwarded-For), so address limits do not leak between tests.
    process.env.ONEMAP_TRUST_PROXY = '1';
    database = await openFixtureDatabase('pglite');
    server = await startServer({ database, port: 0 });
    for (const username of ['alice', 'bob', 'carol']) {
      await addUser(database.db, null, { username, displayName: username, role: 'analyst', password: `${username}-password` });
    }
  });
  afterAll(async () => {
    if (previousTrust === undefined) delete process.env.ONEMAP_TRUST_PROXY;
    else process.env.ONEMAP_TRUST_PROXY = previousTrust;
    await server?.close();
    await database?.dispose();
  });

  async function post(path: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(`${server.url}/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
    return { status: res.status, cookie: res.headers.get('set-cookie'), body: (await res.json()) as Reply['body'] };
  }
  async function get(path: string, headers: Record<string, string> = {}, input?: unknown): Promise<Reply> {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${server.url}/api/trpc/${path}${query}`, { headers });
    return { status: res.status, cookie: res.headers.get('set-cookie'), body: (await res.json()) as Reply['body'] };
  }
  const sessionOf = (cookie: string | null) => /onemap_session=([^;]*)/.exec(cookie ?? '')?.[1] ?? '';

  it('sets an HttpOnly, SameSite=Strict session cookie on login (Secure behind https), and reads with it', async () => {
    const ip = { 'x-forwarded-for': '10.0.0.1' };
    const reply = await post('auth.login', { username: 'alice', password: 'alice-password' }, ip);
    expect(reply.status).toBe(200);
    expect(reply.body.result?.data).toMatchObject({ role: 'analyst', roleName: '分析员' });
    const cookie = reply.cookie!;
    expect(cookie).toMatch(/^onemap_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/);
    const behindHttps = await post('auth.login', { username: 'alice', password: 'alice-password' }, { ...ip, 'x-forwarded-proto': 'https' });
    expect(behindHttps.cookie).toMatch(/; Secure/);

    const session = { cookie: `onemap_session=${sessionOf(cookie)}` };
    expect((await get('auth.me', session)).body.result?.data).toMatchObject({ username: 'alice', permissions: ['read', 'export'] });
    expect((await get('geography.townships', session)).status).toBe(200);
    expect((await get('geography.townships')).status).toBe(401);
    expect((await get('geography.townships')).body.error?.message).toBe('请先登录');
    expect((await get('review.settings', { cookie: 'onemap_session=forged-token-forged-token-forged-token-forged' })).status).toBe(401);
    expect((await post('review.markReviewed', { week: '2025-W30' }, session)).status).toBe(403);

    const out = await post('auth.logout', null, session);
    expect(out.cookie).toMatch(/onemap_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/);
    expect((await get('geography.townships', session)).status).toBe(401);
    expect((await get('auth.me', session)).body.result?.data).toBeNull();
  });

  it('rejects a wrong password, then rate-limits the username after 5 failures with a Chinese message', async () => {
    const ip = { 'x-forwarded-for': '10.0.0.2' };
    const wrong = await post('auth.login', { username: 'bob', password: 'nope' }, ip);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.message).toBe('用户名或密码错误');
    expect(wrong.cookie).toBeNull();
    expect((await post('auth.login', { username: 'nobody', password: 'nope' }, ip)).body.error?.message).toBe('用户名或密码错误');
    for (let i = 0; i < 4; i++) await post('auth.login', { username: 'bob', password: 'nope' }, ip);
    const limited = await post('auth.login', { username: 'bob', password: 'bob-password' }, { 'x-forwarded-for': '10.0.0.3' });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.message).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(limited.cookie).toBeNull();
    // Fifteen minutes later the right password works again.
    const later = await login(database.db, { username: 'bob', password: 'bob-password', ip: '10.0.0.3' }, new Date(Date.now() + 16 * 60_000));
    expect(later.actor.username).toBe('bob');
  });

  it('rate-limits an address that tries many usernames', async () => {
    const ip = { 'x-forwarded-for': '10.0.0.4' };
    for (let i = 0; i < 20; i++) await post('auth.login', { username: `guess${i}`, password: 'nope' }, ip);
    expect((await post('auth.login', { username: 'carol', password: 'carol-password' }, ip)).status).toBe(429);
    expect((await post('auth.login', { username: 'carol', password: 'carol-password' }, { 'x-forwarded-for': '10.0.0.5' })).status).toBe(200);
  });

  it('ends every session of a disabled user, and refuses their login; a password reset ends sessions too', async () => {
    const ip = { 'x-forwarded-for': '10.0.0.6' };
    await addUser(database.db, null, { username: 'dave', displayName: 'dave', role: 'township_staff', townshipCode: '350582103', password: 'dave-password' });
    const first = { cookie: `onemap_session=${sessionOf((await post('auth.login', { username: 'dave', password: 'dave-password' }, ip)).cookie)}` };
    const second = { cookie: `onemap_session=${sessionOf((await post('auth.login', { username: 'dave', password: 'dave-password' }, ip)).cookie)}` };
    expect((await get('system.info', first)).status).toBe(200);
    await setUserDisabled(database.db, null, 'dave', true);
    expect((await get('system.info', first)).status).toBe(401);
    expect((await get('system.info', second)).status).toBe(401);
    const refused = await post('auth.login', { username: 'dave', password: 'dave-password' }, ip);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.message).toBe('该账号已停用，请联系管理员');

    await setUserDisabled(database.db, null, 'dave', false);
    const third = { cookie: `onemap_session=${sessionOf((await post('auth.login', { username: 'dave', password: 'dave-password' }, ip)).cookie)}` };
    expect((await get('system.info', third)).status).toBe(200);
    await resetPassword(database.db, null, 'dave', 'dave-new-password');
    expect((await get('system.info', third)).status).toBe(401);
    expect((await post('auth.login', { username: 'dave', password: 'dave-password' }, ip)).status).toBe(401);
    expect((await post('auth.login', { username: 'dave', password: 'dave-new-password' }, ip)).status).toBe(200);
  });

  it('reads with a display token sent as a header, leader-level only, until revoked', async () => {
    const created = await createDisplayToken(database.db, null, '大厅LED');
    const wall = { 'x-onemap-display-token': created.token };
    expect((await get('auth.me', wall)).body.result?.data).toMatchObject({ displayName: '大厅LED', role: 'leader', via: 'display-token' });
    expect((await get('metrics.targets', wall)).status).toBe(200);
    expect((await post('review.pack', { week: '2025-W30', format: 'xlsx' }, wall)).status).toBe(403);
    await revokeDisplayToken(database.db, null, created.id);
    expect((await get('metrics.targets', wall)).status).toBe(401);
  });

  it('has the demo accounts in the demo city, each able to sign in', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const reply = await post('auth.login', { username: account.username, password: account.password }, { 'x-forwarded-for': '10.0.0.7' });
      expect(reply.status, account.username).toBe(200);
    }
  });

  it('keeps /api/health public and the page itself free of data', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
