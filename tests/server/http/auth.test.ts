/**
 * Signing in over real HTTP (the server on port 0), on both databases: the session cookie's
 * flags, wrong passwords, the rate limit per username and per address (also under 30 parallel
 * attempts, and behind a proxy by the address it appended), disabled users and reset passwords
 * ending sessions, the forced change of an administrator's password, the idle timeout, the audit
 * log of sign-ins, and display tokens sent as a header until revoked or expired.
 */
import { asc, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../data/schema/index.ts';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { createDisplayToken, revokeDisplayToken } from '../../../server/services/auth/displayTokens.ts';
import { login } from '../../../server/services/auth/login.ts';
import { hashToken } from '../../../server/services/auth/tokens.ts';
import { addUser, resetPassword, setUserDisabled } from '../../../server/services/auth/users.ts';
import { DEMO_ACCOUNTS } from '../../../server/services/auth/demoAccounts.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

interface Reply {
  status: number;
  cookie: string | null;
  body: { result?: { data: unknown }; error?: { message: string; data: { code: string } } };
}

/** Passwords of the test accounts: each passes the password rule. */
const PASSWORD: Record<string, string> = { alice: 'Blue#Harbour-24', bob: 'Green#Valley-31', carol: 'Red#Mountain-42' };

describe.each(availableBackends())('signing in over HTTP (%s)', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let previousTrust: string | undefined;
  beforeAll(async () => {
    previousTrust = process.env.ONEMAP_TRUST_PROXY;
    // Each test comes from its own address (X-Forwarded-For), so address limits do not leak between tests.
    process.env.ONEMAP_TRUST_PROXY = '1';
    database = await openFixtureDatabase(kind);
    server = await startServer({ database, port: 0 });
    for (const username of ['alice', 'bob', 'carol']) {
      await addUser(
        database.db,
        null,
        { username, displayName: username, role: 'analyst', password: PASSWORD[username]! },
        { mustChangePassword: false },
      );
    }
  });
  afterAll(async () => {
    if (previousTrust === undefined) delete process.env.ONEMAP_TRUST_PROXY;
    else process.env.ONEMAP_TRUST_PROXY = previousTrust;
    await server?.close();
    await database?.dispose();
  });

  async function post(path: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(`${server.url}/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(input),
    });
    return { status: res.status, cookie: res.headers.get('set-cookie'), body: (await res.json()) as Reply['body'] };
  }
  async function get(path: string, headers: Record<string, string> = {}, input?: unknown): Promise<Reply> {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${server.url}/api/trpc/${path}${query}`, { headers });
    return { status: res.status, cookie: res.headers.get('set-cookie'), body: (await res.json()) as Reply['body'] };
  }
  /** A reply with its request id blanked: every answer has its own. */
  const withoutRequestId = (reply: Reply) =>
    JSON.parse(JSON.stringify(reply).replace(/"requestId":"[^"]*"/g, '"requestId":"-"')) as Reply;
  const sessionOf = (cookie: string | null) => /onemap_session=([^;]*)/.exec(cookie ?? '')?.[1] ?? '';

  it('sets an HttpOnly, SameSite=Strict session cookie on login (Secure behind https), and reads with it', async () => {
    const ip = { 'x-forwarded-for': '10.0.0.1' };
    const reply = await post('auth.login', { username: 'alice', password: PASSWORD.alice! }, ip);
    expect(reply.status).toBe(200);
    expect(reply.body.result?.data).toMatchObject({ role: 'analyst', roleName: '分析员' });
    const cookie = reply.cookie!;
    expect(cookie).toMatch(/^onemap_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/);
    const behindHttps = await post(
      'auth.login',
      { username: 'alice', password: PASSWORD.alice! },
      { ...ip, 'x-forwarded-proto': 'https' },
    );
    expect(behindHttps.cookie).toMatch(/; Secure/);

    const session = { cookie: `onemap_session=${sessionOf(cookie)}` };
    expect((await get('auth.me', session)).body.result?.data).toMatchObject({
      username: 'alice',
      permissions: ['read', 'export', 'supervise'],
    });
    expect((await get('geography.townships', session)).status).toBe(200);
    expect((await get('geography.townships')).status).toBe(401);
    expect((await get('geography.townships')).body.error?.message).toBe('请先登录');
    expect(
      (await get('review.settings', { cookie: 'onemap_session=forged-token-forged-token-forged-token-forged' })).status,
    ).toBe(401);
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
    expect((await post('auth.login', { username: 'nobody', password: 'nope' }, ip)).body.error?.message).toBe(
      '用户名或密码错误',
    );
    for (let i = 0; i < 4; i++) await post('auth.login', { username: 'bob', password: 'nope' }, ip);
    const limited = await post(
      'auth.login',
      { username: 'bob', password: PASSWORD.bob! },
      { 'x-forwarded-for': '10.0.0.3' },
    );
    expect(limited.status).toBe(429);
    expect(limited.body.error?.message).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(limited.cookie).toBeNull();
    // Fifteen minutes later the right password works again.
    const later = await login(
      database.db,
      { username: 'bob', password: PASSWORD.bob!, ip: '10.0.0.3' },
      new Date(Date.now() + 16 * 60_000),
    );
    expect(later.actor.username).toBe('bob');
  });

  it('rate-limits an address that tries many usernames', async () => {
    const ip = { 'x-forwarded-for': '10.0.0.4' };
    for (let i = 0; i < 20; i++) await post('auth.login', { username: `guess${i}`, password: 'nope' }, ip);
    expect((await post('auth.login', { username: 'carol', password: PASSWORD.carol! }, ip)).status).toBe(429);
    expect(
      (await post('auth.login', { username: 'carol', password: PASSWORD.carol! }, { 'x-forwarded-for': '10.0.0.5' }))
        .status,
    ).toBe(200);
  });

  it('ends every session of a disabled user, and refuses their right password exactly as a wrong one; a password reset ends sessions too', async () => {
    const ip = { 'x-forwarded-for': '10.0.0.6' };
    await addUser(
      database.db,
      null,
      {
        username: 'dave',
        displayName: 'dave',
        role: 'township_staff',
        townshipCode: '350582103',
        password: 'Plum#Orchard-55',
      },
      { mustChangePassword: false },
    );
    const first = {
      cookie: `onemap_session=${sessionOf((await post('auth.login', { username: 'dave', password: 'Plum#Orchard-55' }, ip)).cookie)}`,
    };
    const second = {
      cookie: `onemap_session=${sessionOf((await post('auth.login', { username: 'dave', password: 'Plum#Orchard-55' }, ip)).cookie)}`,
    };
    expect((await get('system.info', first)).status).toBe(200);
    await setUserDisabled(database.db, null, 'dave', true);
    expect((await get('system.info', first)).status).toBe(401);
    expect((await get('system.info', second)).status).toBe(401);
    const refused = await post('auth.login', { username: 'dave', password: 'Plum#Orchard-55' }, ip);
    const wrong = await post('auth.login', { username: 'dave', password: 'Not#His-Password-1' }, ip);
    expect(refused.status).toBe(401);
    expect(refused.cookie).toBeNull();
    // Nothing tells an attacker that the password was right (only the request id differs).
    expect(withoutRequestId(refused)).toEqual(withoutRequestId(wrong));
    expect(refused.body.error?.message).toBe('用户名或密码错误');

    await setUserDisabled(database.db, null, 'dave', false);
    const third = {
      cookie: `onemap_session=${sessionOf((await post('auth.login', { username: 'dave', password: 'Plum#Orchard-55' }, { 'x-forwarded-for': '10.0.0.16' })).cookie)}`,
    };
    expect((await get('system.info', third)).status).toBe(200);
    await resetPassword(database.db, null, 'dave', 'Plum#New-Orchard-66');
    expect((await get('system.info', third)).status).toBe(401);
    expect(
      (await post('auth.login', { username: 'dave', password: 'Plum#Orchard-55' }, { 'x-forwarded-for': '10.0.0.17' }))
        .status,
    ).toBe(401);
    expect(
      (
        await post(
          'auth.login',
          { username: 'dave', password: 'Plum#New-Orchard-66' },
          { 'x-forwarded-for': '10.0.0.18' },
        )
      ).status,
    ).toBe(200);
  });

  it('reads with a display token sent as a header, leader-level only, until revoked or expired (a year by default)', async () => {
    const created = await createDisplayToken(database.db, null, '大厅LED');
    expect(new Date(created.expiresAt).getTime() - Date.now()).toBeGreaterThan(364 * 86_400_000);
    expect(new Date(created.expiresAt).getTime() - Date.now()).toBeLessThan(366 * 86_400_000);
    const wall = { 'x-onemap-display-token': created.token };
    expect((await get('auth.me', wall)).body.result?.data).toMatchObject({
      displayName: '大厅LED',
      role: 'leader',
      via: 'display-token',
    });
    expect((await get('metrics.targets', wall)).status).toBe(200);
    expect((await post('review.pack', { week: '2025-W30', format: 'xlsx' }, wall)).status).toBe(403);
    await revokeDisplayToken(database.db, null, created.id);
    expect((await get('metrics.targets', wall)).status).toBe(401);

    const short = await createDisplayToken(database.db, null, '会议室', 1);
    const room = { 'x-onemap-display-token': short.token };
    expect((await get('metrics.targets', room)).status).toBe(200);
    // A display token is no session: no idle timeout, only its expiry.
    await database.db
      .update(s.displayTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(s.displayTokens.id, short.id));
    const expired = await get('metrics.targets', room);
    expect(expired.status).toBe(401);
    expect(expired.body.error?.message).toBe('请先登录');
    expect((await get('auth.me', room)).body.result?.data).toBeNull();
  });

  it('holds the username limit under 30 parallel attempts: the right password sent 15th gets no session', async () => {
    await addUser(
      database.db,
      null,
      { username: 'erin', displayName: 'erin', role: 'analyst', password: 'Amber#River-63' },
      { mustChangePassword: false },
    );
    // Each attempt from its own address: only the per-username limit applies.
    const attempts = Array.from({ length: 30 }, (_, i) =>
      post(
        'auth.login',
        { username: 'erin', password: i === 14 ? 'Amber#River-63' : `Wrong#Guess-${i}` },
        { 'x-forwarded-for': `10.1.0.${i + 1}` },
      ),
    );
    const replies = await Promise.all(attempts);
    expect(replies.filter((r) => r.status === 200)).toEqual([]);
    expect(replies.every((r) => r.cookie === null)).toBe(true);
    // Exactly the limit reached a verdict; every other attempt was refused before it.
    expect(replies.filter((r) => r.status === 401)).toHaveLength(5);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(25);
    expect(
      (await post('auth.login', { username: 'erin', password: 'Amber#River-63' }, { 'x-forwarded-for': '10.1.1.1' }))
        .status,
    ).toBe(429);
  });

  it('holds the address limit under 30 parallel attempts, by the address the trusted proxy appended (rightmost)', async () => {
    // The client writes whatever it likes on the left of X-Forwarded-For; the proxy appends 10.2.0.1.
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(
          'auth.login',
          { username: `spray${i}`, password: 'Wrong#Guess-1' },
          { 'x-forwarded-for': `198.51.100.${i + 1}, 10.2.0.1` },
        ),
      ),
    );
    expect(replies.filter((r) => r.status === 401)).toHaveLength(20);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(10);
    expect(
      (
        await post(
          'auth.login',
          { username: 'carol', password: PASSWORD.carol! },
          { 'x-forwarded-for': '203.0.113.9, 10.2.0.1' },
        )
      ).status,
    ).toBe(429);
    expect(
      (
        await post(
          'auth.login',
          { username: 'carol', password: PASSWORD.carol! },
          { 'x-forwarded-for': '10.2.0.1, 10.2.0.2' },
        )
      ).status,
    ).toBe(200);
  });

  it('makes a person change the password an administrator chose before anything but auth.*, then goes on', async () => {
    const ip = { 'x-forwarded-for': '10.0.0.20' };
    await addUser(database.db, null, {
      username: 'frank',
      displayName: 'frank',
      role: 'analyst',
      password: 'Chosen#By-Admin-7',
    });
    const signedIn = await post('auth.login', { username: 'frank', password: 'Chosen#By-Admin-7' }, ip);
    expect(signedIn.body.result?.data).toMatchObject({ mustChangePassword: true });
    const session = { cookie: `onemap_session=${sessionOf(signedIn.cookie)}` };
    const other = {
      cookie: `onemap_session=${sessionOf((await post('auth.login', { username: 'frank', password: 'Chosen#By-Admin-7' }, ip)).cookie)}`,
    };
    const refused = await get('geography.townships', session);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('请先修改管理员设置的初始密码');
    expect((refused.body.error?.data as { reason?: string } | undefined)?.reason).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await get('auth.me', session)).body.result?.data).toMatchObject({
      username: 'frank',
      mustChangePassword: true,
    });
    const weak = await post(
      'auth.changePassword',
      { oldPassword: 'Chosen#By-Admin-7', newPassword: 'P@ssw0rd123' },
      session,
    );
    expect(weak.status).toBe(400);
    expect(weak.body.error?.message).toBe('密码过于常见，请换一个');
    expect(
      (
        await post(
          'auth.changePassword',
          { oldPassword: 'Chosen#By-Admin-7', newPassword: 'Own#Choice-River-8' },
          session,
        )
      ).status,
    ).toBe(200);
    expect((await get('geography.townships', session)).status).toBe(200);
    // The person's other sessions end with the old password.
    expect((await get('auth.me', other)).body.result?.data).toBeNull();
    expect(
      (await post('auth.login', { username: 'frank', password: 'Own#Choice-River-8' }, ip)).body.result?.data,
    ).toMatchObject({ mustChangePassword: false });
  });

  it('ends a session idle longer than the idle timeout (30 minutes, ONEMAP_SESSION_IDLE_MINUTES), writing last activity at most once a minute', async () => {
    const ip = { 'x-forwarded-for': '10.0.0.21' };
    const token = sessionOf((await post('auth.login', { username: 'alice', password: PASSWORD.alice! }, ip)).cookie);
    const session = { cookie: `onemap_session=${token}` };
    const lastSeen = async () =>
      (
        await database.db
          .select({ at: s.sessions.lastSeenAt })
          .from(s.sessions)
          .where(eq(s.sessions.tokenHash, hashToken(token)))
      )[0]!.at;
    const setLastSeen = (minutesAgo: number) =>
      database.db
        .update(s.sessions)
        .set({ lastSeenAt: new Date(Date.now() - minutesAgo * 60_000) })
        .where(eq(s.sessions.tokenHash, hashToken(token)));
    const seenAtLogin = new Date(await lastSeen()).getTime();
    for (let i = 0; i < 5; i++) expect((await get('system.info', session)).status).toBe(200);
    expect(new Date(await lastSeen()).getTime()).toBe(seenAtLogin);
    await setLastSeen(29);
    expect((await get('system.info', session)).status).toBe(200);
    // That request was activity: the session goes on for another 30 minutes from now.
    expect(Date.now() - new Date(await lastSeen()).getTime()).toBeLessThan(60_000);
    const previous = process.env.ONEMAP_SESSION_IDLE_MINUTES;
    process.env.ONEMAP_SESSION_IDLE_MINUTES = '5';
    try {
      await setLastSeen(6);
      expect((await get('system.info', session)).status).toBe(401);
      expect((await get('auth.me', session)).body.result?.data).toBeNull();
    } finally {
      if (previous === undefined) delete process.env.ONEMAP_SESSION_IDLE_MINUTES;
      else process.env.ONEMAP_SESSION_IDLE_MINUTES = previous;
    }
    const fresh = {
      cookie: `onemap_session=${sessionOf((await post('auth.login', { username: 'alice', password: PASSWORD.alice! }, ip)).cookie)}`,
    };
    await database.db
      .update(s.sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(s.sessions.tokenHash, hashToken(sessionOf(fresh.cookie))));
    expect((await get('system.info', fresh)).status).toBe(401);
  });

  it('writes sign-ins, sign-outs and failed sign-ins to the audit log, never a password', async () => {
    const before =
      (await database.db.select({ id: s.auditLog.id }).from(s.auditLog).orderBy(desc(s.auditLog.id)).limit(1))[0]?.id ??
      0;
    const ip = { 'x-forwarded-for': '10.0.0.22' };
    await post('auth.login', { username: 'carol', password: 'Typo#Password-99' }, ip);
    await post('auth.login', { username: 'nobody-here', password: 'Guess#Password-98' }, ip);
    const session = {
      cookie: `onemap_session=${sessionOf((await post('auth.login', { username: 'carol', password: PASSWORD.carol! }, ip)).cookie)}`,
    };
    await post('auth.logout', null, { ...session, ...ip });
    const rows = await database.db
      .select()
      .from(s.auditLog)
      .where(gt(s.auditLog.id, before))
      .orderBy(asc(s.auditLog.id));
    const carol = (await database.db.select().from(s.users).where(eq(s.users.username, 'carol')))[0]!;
    expect(
      rows.map((r) => [
        r.action,
        r.userId,
        (r.after as { username: string }).username,
        (r.after as { ip: string }).ip,
        (r.after as { reason?: string }).reason ?? null,
      ]),
    ).toEqual([
      ['login-failed', null, 'carol', '10.0.0.22', 'wrong-password'],
      ['login-failed', null, 'nobody-here', '10.0.0.22', 'unknown-user'],
      ['login', carol.id, 'carol', '10.0.0.22', null],
      ['logout', carol.id, 'carol', '10.0.0.22', null],
    ]);
    const everything = JSON.stringify(await database.db.select().from(s.auditLog));
    for (const password of ['Typo#Password-99', 'Guess#Password-98', ...Object.values(PASSWORD)])
      expect(everything).not.toContain(password);
  });

  it('has the demo accounts in the demo city, each able to sign in', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const reply = await post(
        'auth.login',
        { username: account.username, password: account.password },
        { 'x-forwarded-for': '10.0.0.7' },
      );
      expect(reply.status, account.username).toBe(200);
    }
  });

  it('keeps /api/health public and the page itself free of data', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
