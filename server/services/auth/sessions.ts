/**
 * Sessions: a random token in an HttpOnly cookie; the database keeps its SHA-256 with an
 * expiry. A session dies after 12 hours, after 30 minutes without a request (the idle timeout,
 * `ONEMAP_SESSION_IDLE_MINUTES`), on logout, or when its user is disabled or their password
 * reset. Display tokens (wall screens) are not sessions and have no idle timeout.
 */
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { sessions, users } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from './roles.ts';
import { hashToken, looksLikeToken, newToken } from './tokens.ts';

export const SESSION_HOURS = 12;
export const SESSION_COOKIE = 'onemap_session';
export const DEFAULT_IDLE_MINUTES = 30;
/** Last activity is written at most this often: not a write on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** The idle timeout in minutes: `ONEMAP_SESSION_IDLE_MINUTES` (1 … 720), else 30. */
export function idleMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env.ONEMAP_SESSION_IDLE_MINUTES);
  return Number.isInteger(raw) && raw >= 1 && raw <= SESSION_HOURS * 60 ? raw : DEFAULT_IDLE_MINUTES;
}

export async function createSession(
  db: Db,
  userId: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, expiresAt };
}

/** The user behind a session token, or null (unknown, expired, idle too long, revoked, user disabled). */
export async function actorFromSession(db: Db, token: unknown, now = new Date()): Promise<Actor | null> {
  if (!looksLikeToken(token)) return null;
  const idleSince = new Date(now.getTime() - idleMinutes() * 60_000);
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      townshipCode: users.townshipCode,
      mustChangePassword: users.mustChangePassword,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince),
        eq(users.disabled, false),
      ),
    );
  if (!row) return null;
  if (now.getTime() - new Date(row.lastSeenAt).getTime() >= LAST_SEEN_RESOLUTION_MS) {
    // Only forward: a request that started earlier never moves it back.
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, now)));
  }
  return {
    userId: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    townshipCode: row.townshipCode,
    via: 'session',
    ...(row.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

export async function revokeSession(db: Db, token: unknown, now = new Date()): Promise<void> {
  if (!looksLikeToken(token)) return;
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: Db, userId: number, now = new Date()): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
