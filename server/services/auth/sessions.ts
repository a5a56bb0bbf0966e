/**
 * Sessions: a random token in an HttpOnly cookie; the database keeps its SHA-256 with an
 * expiry. A session dies when it expires, on logout, or when its user is disabled or their
 * password reset.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { sessions, users } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from './roles.ts';
import { hashToken, looksLikeToken, newToken } from './tokens.ts';

export const SESSION_HOURS = 12;
export const SESSION_COOKIE = 'onemap_session';

export async function createSession(db: Db, userId: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The user behind a session token, or null (unknown, expired, revoked, user disabled). */
export async function actorFromSession(db: Db, token: unknown, now = new Date()): Promise<Actor | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, townshipCode: users.townshipCode })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), eq(users.disabled, false)));
  if (!row) return null;
  return { userId: row.id, username: row.username, displayName: row.displayName, role: row.role, townshipCode: row.townshipCode, via: 'session' };
}

export async function revokeSession(db: Db, token: unknown, now = new Date()): Promise<void> {
  if (!looksLikeToken(token)) return;
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: Db, userId: number, now = new Date()): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
