/**
 * What the accounts page (/admin, the accounts duty) needs beyond users.ts: each account's last
 * sign-in and open sessions, a password reset that can make up a one-time password (shown once
 * to the administrator, to be changed at the person's next sign-in), and ending a user's sessions.
 */
import { AUTH_WORDS } from './authWords.ts';
import { randomInt } from 'node:crypto';
import { and, count, eq, gt, isNull, max } from 'drizzle-orm';
import { auditLog, sessions } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { BadInputError } from '../errors.ts';
import { checkPasswordStrength } from './passwords.ts';
import type { Actor } from './roles.ts';
import { addUser, findUser, listUsers, resetPassword, type NewUser, type UserSummary } from './users.ts';

export interface AccountRow extends UserSummary {
  /** The last successful sign-in (from the audit log), ISO; null if never. */
  lastSignInAt: string | null;
  /** Sessions not ended and not expired (idle ones included until they are cleared). */
  openSessions: number;
}

export async function listAccounts(db: Db, now = new Date()): Promise<AccountRow[]> {
  const [list, signIns, open] = await Promise.all([
    listUsers(db),
    db
      .select({ userId: auditLog.userId, at: max(auditLog.at) })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login'), eq(auditLog.tableName, 'sessions')))
      .groupBy(auditLog.userId),
    db
      .select({ userId: sessions.userId, n: count() })
      .from(sessions)
      .where(and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .groupBy(sessions.userId),
  ]);
  const lastByUser = new Map(signIns.map((r) => [r.userId, r.at]));
  const openByUser = new Map(open.map((r) => [r.userId, r.n]));
  return list.map((u) => {
    const last = lastByUser.get(u.id);
    return {
      ...u,
      lastSignInAt: last ? new Date(last).toISOString() : null,
      openSessions: openByUser.get(u.id) ?? 0,
    };
  });
}

/** Letters and digits that cannot be misread on screen or paper (no 0/O, 1/l/I), and a few symbols. */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@';

/** 14 random characters with every kind present: meets the password rule (checked all the same). */
export function generateOneTimePassword(): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const pick = (from: string) => from[randomInt(from.length)]!;
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < 14) chars.push(pick(all));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    try {
      checkPasswordStrength(password);
      return password;
    } catch {
      // A generated password that happens to be common (never in practice): draw again.
    }
  }
}

/**
 * Resets a password to the one the administrator typed, or (none given) to a generated one
 * returned here once; either way the person must change it at their next sign-in, and all their
 * sessions end (users.ts resetPassword, audited there; never the password).
 */
export async function resetPasswordByAdmin(
  db: Db,
  actor: Actor | null,
  username: string,
  password: string | null,
): Promise<{ user: UserSummary; oneTimePassword: string | null }> {
  const oneTimePassword = password === null ? generateOneTimePassword() : null;
  const user = await resetPassword(db, actor, username, password ?? oneTimePassword!);
  return { user, oneTimePassword };
}

/** Ends every session of a user now (signed out everywhere); audited with how many ended. */
export async function endUserSessions(
  db: Db,
  actor: Actor | null,
  username: string,
  now = new Date(),
): Promise<{ ended: number }> {
  const user = await findUser(db, username);
  if (!user) throw new BadInputError(AUTH_WORDS.noUser(username));
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .returning({ id: sessions.id });
    await writeAudit(tx, actor, {
      action: 'end-sessions',
      tableName: 'users',
      recordId: user.id,
      after: { username: user.username, ended: ended.length },
    });
    return { ended: ended.length };
  });
}

/**
 * A new account from the accounts page: with the password the administrator typed, or (none
 * given) a generated one returned here once. Either way its person changes it at first sign-in.
 */
export async function addAccount(
  db: Db,
  actor: Actor | null,
  input: Omit<NewUser, 'password'> & { password?: string | null | undefined },
): Promise<{ user: UserSummary; oneTimePassword: string | null }> {
  const oneTimePassword = input.password ? null : generateOneTimePassword();
  const user = await addUser(db, actor, { ...input, password: input.password || oneTimePassword! });
  return { user, oneTimePassword };
}
