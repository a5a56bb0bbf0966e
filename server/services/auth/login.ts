/**
 * Logging in: rate-limited per username and per client address (failures in the last 15
 * minutes), the password checked in constant time, a session created on success; every sign-in
 * and every failed one written to the audit log (never the password).
 *
 * The limit holds under any parallelism: the attempt is counted and recorded (as a failure until
 * proven right) under a per-username and a per-address advisory lock *before* the password is
 * verified, so N parallel attempts are admitted one after another and at most the limit of them
 * ever reach the verdict.
 */
import { AUTH_WORDS } from './authWords.ts';
import { and, count, desc, eq, gt, lt, or, isNotNull, sql } from 'drizzle-orm';
import { loginAttempts, sessions } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { TooManyAttemptsError, UnauthorizedError } from '../errors.ts';
import { demoPasswordsAllowed, isDemoPassword } from './demoAccounts.ts';
import { UNUSABLE_HASH, verifyPassword } from './passwords.ts';
import type { Actor } from './roles.ts';
import { createSession } from './sessions.ts';
import { findUser, normaliseUsername } from './users.ts';

export const LOGIN_WINDOW_MINUTES = 15;
/** Failures per username in the window (since its last successful login). */
export const MAX_FAILURES_PER_USERNAME = 5;
/** Failures per client address in the window: a shared office address serves many people. */
export const MAX_FAILURES_PER_IP = 20;
/** The one answer to every refused password: unknown user, wrong password, disabled account, demo password. */
export const WRONG_CREDENTIALS = AUTH_WORDS.wrongCredentials['zh-CN'];

/** Advisory-lock classes (the first key of pg_advisory_xact_lock(int, int)); always taken in this order. */
const LOCK_USERNAME = 1;
const LOCK_ADDRESS = 2;

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

/**
 * Counts the failures and records this attempt as one, atomically per username and per address;
 * the attempt's id, or null when the limit is reached (nothing recorded).
 */
async function admitAttempt(db: Db, username: string, ip: string, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_USERNAME}, hashtext(${username}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_ADDRESS}, hashtext(${ip}))`);
    const byName = await failuresSince(tx, 'username', username, since);
    const byIp = await failuresSince(tx, 'ip', ip, since);
    if (byName >= MAX_FAILURES_PER_USERNAME || byIp >= MAX_FAILURES_PER_IP) return null;
    const [row] = await tx
      .insert(loginAttempts)
      .values({ username, ip, succeeded: false, at: now })
      .returning({ id: loginAttempts.id });
    return row!.id;
  });
}

export interface LoginResult {
  actor: Actor;
  token: string;
  expiresAt: Date;
}

export async function login(
  db: Db,
  input: { username: string; password: string; ip: string },
  now = new Date(),
): Promise<LoginResult> {
  const started = Date.now();
  const username = normaliseUsername(input.username).slice(0, 100);
  const ip = input.ip.slice(0, 64);
  const refused = (reason: string) =>
    writeAudit(db, null, { action: 'login-failed', tableName: 'sessions', after: { username, ip, reason } });
  const attemptId = await admitAttempt(db, username, ip, now);
  if (attemptId === null) {
    await refused('rate-limited');
    throw new TooManyAttemptsError(AUTH_WORDS.tooManyLogins(LOGIN_WINDOW_MINUTES));
  }
  const user = await findUser(db, username);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH);
  // A published demo password opens nothing once the data is real, however the data got there.
  const demoRefused = matches && isDemoPassword(input.password) && !(await demoPasswordsAllowed(db));
  const reason = !user
    ? 'unknown-user'
    : !matches
      ? 'wrong-password'
      : user.disabled
        ? 'disabled'
        : demoRefused
          ? 'demo-password'
          : null;
  if (!user || reason !== null) {
    await refused(reason ?? 'unknown-user');
    // The same answer for every refusal: a disabled account's right password tells an attacker nothing.
    throw new UnauthorizedError(AUTH_WORDS.wrongCredentials);
  }
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
  await forgetOldEntries(db, now);
  // The session starts when it is made, not when the attempt came in (the verdict takes a while under load).
  const session = await createSession(db, user.id, new Date(now.getTime() + (Date.now() - started)));
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    townshipCode: user.townshipCode,
    via: 'session',
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  };
  await writeAudit(db, actor, {
    action: 'login',
    tableName: 'sessions',
    recordId: user.id,
    after: { username: user.username, ip },
  });
  return { ...session, actor };
}

/** Signing out, audited: `actor` is who the session belonged to (null when it was already over). */
export async function auditLogout(db: Db, actor: Actor | null, ip: string): Promise<void> {
  if (actor?.via !== 'session') return;
  await writeAudit(db, actor, {
    action: 'logout',
    tableName: 'sessions',
    recordId: actor.userId,
    after: { username: actor.username, ip },
  });
}

/** Login attempts older than a day and sessions expired or revoked a day ago are of no further use. */
async function forgetOldEntries(db: Db, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, dayAgo));
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, dayAgo), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, dayAgo))));
}
