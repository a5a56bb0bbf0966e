/**
 * Whether whoever opened a long-lived stream (the wall's live updates) may still read: a display
 * token not revoked nor expired, a session not ended nor expired whose user is still enabled.
 * The idle timeout is not checked here: a stream is not a request, and the wall's figures
 * refetch often enough to keep a session it uses alive.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { sessions, users } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { displayTokenStillValid } from './displayTokens.ts';
import type { Actor } from './roles.ts';
import { hashToken } from './tokens.ts';

export async function stillSignedIn(
  db: Db,
  actor: Actor,
  sessionToken: string | null,
  now = new Date(),
): Promise<boolean> {
  if (actor.via === 'display-token')
    return actor.displayTokenId ? displayTokenStillValid(db, actor.displayTokenId, now) : false;
  if (!sessionToken) return false;
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(sessionToken)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        eq(users.disabled, false),
      ),
    );
  return Boolean(row);
}
