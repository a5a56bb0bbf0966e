/**
 * Display tokens for wall screens (`onemap users display-token --name 大厅LED`): the wall opens
 * /wall?token=… and sends the token with every request; it reads as a leader, nothing more,
 * until revoked.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { displayTokens } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { BadInputError } from '../errors.ts';
import type { Actor } from './roles.ts';
import { hashToken, looksLikeToken, newToken } from './tokens.ts';

export const DISPLAY_TOKEN_HEADER = 'x-onemap-display-token';

export async function createDisplayToken(db: Db, actor: Actor | null, name: string): Promise<{ id: number; name: string; token: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 60) throw new BadInputError('大屏名称应为 1–60 个字符');
  const token = newToken();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(displayTokens).values({ name: trimmed, tokenHash: hashToken(token), createdBy: actor?.userId ?? null }).returning({ id: displayTokens.id });
    await writeAudit(tx as unknown as Db, actor, { action: 'insert', tableName: 'display_tokens', recordId: row!.id, after: { id: row!.id, name: trimmed } });
    return { id: row!.id, name: trimmed, token };
  });
}

export async function listDisplayTokens(db: Db) {
  const rows = await db.select().from(displayTokens).orderBy(asc(displayTokens.id));
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: new Date(r.createdAt).toISOString(), revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null }));
}

export async function revokeDisplayToken(db: Db, actor: Actor | null, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.update(displayTokens).set({ revokedAt: new Date() }).where(and(eq(displayTokens.id, id), isNull(displayTokens.revokedAt))).returning();
    if (!row) throw new BadInputError(`没有有效的大屏令牌 #${id}`);
    await writeAudit(tx as unknown as Db, actor, { action: 'revoke', tableName: 'display_tokens', recordId: id, after: { id, name: row.name } });
  });
}

export async function actorFromDisplayToken(db: Db, token: unknown): Promise<Actor | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db.select().from(displayTokens).where(and(eq(displayTokens.tokenHash, hashToken(token)), isNull(displayTokens.revokedAt)));
  if (!row) return null;
  return { userId: null, username: null, displayName: row.name, role: 'leader', townshipCode: null, via: 'display-token', displayTokenId: row.id };
}
