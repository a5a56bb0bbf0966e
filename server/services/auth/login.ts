/**
 * Logging in: rate-limited per username and per client address (failures in the last 15
 * minutes), the password checked in constant time, a session created on success.
 */
import { and, count, desc, eq, gt, lt, or, isNotNull } from 'drizzle-orm';
import { loginAttempts, sessions } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { TooManyAttemptsError, UnauthorizedError } from '../errors.ts';
import { UNUSABLE_HASH, verifyPassword } from './passwords.ts';
import type { Actor } from './roles.ts';
import { createSession } from './sessions.ts';
import { findUser, normaliseUsername } from './users.ts';

export const LOGIN_WINDOW_MINUTES = 15;
/** Failures per username in the window (since its last successful login). */
export const MAX_FAILURES_PER_USERNAME = 5;
/** Failures per client address in the window: a shared office address serves many people. */
export const MAX_FAILURES_PER_IP = 20;

async function failuresSince(db: Db, column: 'username' | 'ip', value: string, since: Date): Promise<number> {
  const key = column === 'username' ? loginAttempts.username : loginAttempts.ip;
  let from = since;
  if (column === 'username') {
    const [success] = await db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(eq(key, value), eq(loginAttempts.succeeded, true), gt(loginAttempts.at, since)))
      .orderBy(desc(loginAttempts.at))
      .limit(1);
    if (success) from = new Date(success.at);
  }
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(key, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, from)));
  return row?.n ?? 0;
}

export interface LoginResult {
  actor: Actor;
  token: string;
  expiresAt: Date;
}

export async function login(db: Db, input: { username: string; password: string; ip: string }, now = new Date()): Promise<LoginResult> {
  const username = normaliseUsername(input.username).slice(0, 100);
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const [byName, byIp] = await Promise.all([failuresSince(db, 'username', username, since), failuresSince(db, 'ip', input.ip, since)]);
  if (byName >= MAX_FAILURES_PER_USERNAME || byIp >= MAX_FAILURES_PER_IP) {
    throw new TooManyAttemptsError(`登录失败次数过多，请 ${LOGIN_WINDOW_MINUTES} 分钟后再试`);
  }
  const user = await findUser(db, username);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH);
  const ok = user !== null && matches && !user.disabled;
  await db.insert(loginAttempts).values({ username, ip: input.ip, succeeded: ok, at: now });
  if (!user || !matches) throw new UnauthorizedError('用户名或密码错误');
  if (user.disabled) throw new UnauthorizedError('该账号已停用，请联系管理员');
  await forgetOldEntries(db, now);
  const session = await createSession(db, user.id, now);
  return {
    ...session,
    actor: { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, townshipCode: user.townshipCode, via: 'session' },
  };
}

/** Login attempts older than a day and sessions expired or revoked a day ago are of no further use. */
async function forgetOldEntries(db: Db, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, dayAgo));
  await db.delete(sessions).where(or(lt(sessions.expiresAt, dayAgo), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, dayAgo))));
}
