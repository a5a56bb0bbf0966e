/**
 * Display tokens for wall screens (`onemap users display-token --name 大厅LED`): the wall opens
 * /wall?token=… (and takes the token out of the address bar), then sends it with every request;
 * it reads as a leader, nothing more, until revoked or expired (a year by default). A display
 * token is not a session: no idle timeout.
 */
import { AUTH_WORDS } from './authWords.ts';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { displayTokens } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { BadInputError } from '../errors.ts';
import type { Actor } from './roles.ts';
import { hashToken, looksLikeToken, newToken } from './tokens.ts';
import { addDays, isIsoDate, todayInCity } from '../../../shared/time/dates.ts';

export const DISPLAY_TOKEN_HEADER = 'x-onemap-display-token';
export const DEFAULT_DISPLAY_TOKEN_DAYS = 365;
/** Ten years: a token that outlives its screen is what expiry is meant to prevent. */
export const MAX_DISPLAY_TOKEN_DAYS = 3650;
/** Last use is written at most this often: not a write on every request of the wall. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface CreatedDisplayToken {
  id: number;
  name: string;
  token: string;
  expiresAt: string;
}

export async function createDisplayToken(
  db: Db,
  actor: Actor | null,
  name: string,
  expiresDays = DEFAULT_DISPLAY_TOKEN_DAYS,
  now = new Date(),
): Promise<CreatedDisplayToken> {
  if (!Number.isInteger(expiresDays) || expiresDays < 1 || expiresDays > MAX_DISPLAY_TOKEN_DAYS)
    throw new BadInputError(AUTH_WORDS.tokenDays(MAX_DISPLAY_TOKEN_DAYS));
  return insertToken(db, actor, name, new Date(now.getTime() + expiresDays * 86_400_000));
}

/**
 * A token valid through the day `expiresOn` (YYYY-MM-DD, Asia/Shanghai): it stops working at the
 * midnight that ends that day. The day must be after today and within the ten-year limit.
 */
export async function createDisplayTokenUntil(
  db: Db,
  actor: Actor | null,
  name: string,
  expiresOn: string,
  now = new Date(),
): Promise<CreatedDisplayToken> {
  if (!isIsoDate(expiresOn)) throw new BadInputError(AUTH_WORDS.tokenDateFormat);
  const today = todayInCity(now);
  if (expiresOn <= today) throw new BadInputError(AUTH_WORDS.tokenDatePast);
  if (expiresOn > addDays(today, MAX_DISPLAY_TOKEN_DAYS))
    throw new BadInputError(
      AUTH_WORDS.tokenDateTooLate(MAX_DISPLAY_TOKEN_DAYS, addDays(today, MAX_DISPLAY_TOKEN_DAYS)),
    );
  return insertToken(db, actor, name, new Date(`${addDays(expiresOn, 1)}T00:00:00+08:00`));
}

async function insertToken(db: Db, actor: Actor | null, name: string, expiresAt: Date): Promise<CreatedDisplayToken> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 60) throw new BadInputError(AUTH_WORDS.tokenName);
  const token = newToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(displayTokens)
      .values({ name: trimmed, tokenHash: hashToken(token), createdBy: actor?.userId ?? null, expiresAt })
      .returning({ id: displayTokens.id });
    await writeAudit(tx, actor, {
      action: 'insert',
      tableName: 'display_tokens',
      recordId: row!.id,
      after: { id: row!.id, name: trimmed, expiresAt: expiresAt.toISOString() },
    });
    return { id: row!.id, name: trimmed, token, expiresAt: expiresAt.toISOString() };
  });
}

/** A token made before tokens had an expiry expires a year after it was made, like a new one. */
function expiryOf() {
  return sql<Date>`coalesce(${displayTokens.expiresAt}, ${displayTokens.createdAt} + make_interval(days => ${DEFAULT_DISPLAY_TOKEN_DAYS}))`;
}

export async function listDisplayTokens(db: Db, now = new Date()) {
  const rows = await db
    .select({ row: displayTokens, expiresAt: expiryOf() })
    .from(displayTokens)
    .orderBy(asc(displayTokens.id));
  return rows.map(({ row: r, expiresAt }) => ({
    id: r.id,
    name: r.name,
    createdAt: new Date(r.createdAt).toISOString(),
    expiresAt: new Date(expiresAt).toISOString(),
    revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
    lastUsedAt: r.lastUsedAt ? new Date(r.lastUsedAt).toISOString() : null,
    state: r.revokedAt ? ('revoked' as const) : new Date(expiresAt) <= now ? ('expired' as const) : ('valid' as const),
  }));
}

export async function revokeDisplayToken(db: Db, actor: Actor | null, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(displayTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(displayTokens.id, id), isNull(displayTokens.revokedAt)))
      .returning();
    if (!row) throw new BadInputError(AUTH_WORDS.noToken(id));
    await writeAudit(tx, actor, {
      action: 'revoke',
      tableName: 'display_tokens',
      recordId: id,
      after: { id, name: row.name },
    });
  });
}

/** The wall behind a token, or null (unknown, revoked, expired: all alike). */
export async function actorFromDisplayToken(db: Db, token: unknown, now = new Date()): Promise<Actor | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select()
    .from(displayTokens)
    .where(
      and(
        eq(displayTokens.tokenHash, hashToken(token)),
        isNull(displayTokens.revokedAt),
        sql`${expiryOf()} > ${now.toISOString()}::timestamptz`,
      ),
    );
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() >= LAST_USED_RESOLUTION_MS) {
    // Only forward, like a session's last activity.
    await db
      .update(displayTokens)
      .set({ lastUsedAt: now })
      .where(
        and(eq(displayTokens.id, row.id), or(isNull(displayTokens.lastUsedAt), lt(displayTokens.lastUsedAt, now))),
      );
  }
  return {
    userId: null,
    username: null,
    displayName: row.name,
    role: 'leader',
    townshipCode: null,
    via: 'display-token',
    displayTokenId: row.id,
  };
}

/** Whether a token the wall connected with still works (a live stream checks this as it goes on). */
export async function displayTokenStillValid(db: Db, id: number, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: displayTokens.id })
    .from(displayTokens)
    .where(
      and(
        eq(displayTokens.id, id),
        isNull(displayTokens.revokedAt),
        sql`${expiryOf()} > ${now.toISOString()}::timestamptz`,
      ),
    );
  return Boolean(row);
}
