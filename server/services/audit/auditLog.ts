/**
 * The audit log: every change (who, when, which table and record, before, after), written in
 * the same transaction as the change, and every refused attempt (action 'forbidden').
 */
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { auditLog, users } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../auth/roles.ts';
import { BadInputError } from '../errors.ts';
import { addDays, parseIsoDate } from '../time/dates.ts';

export interface AuditEntry {
  action: string;
  tableName: string;
  recordId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Who did it: the user's id, or null for the CLI and display tokens (named in `after`). */
export async function writeAudit(db: Db, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: actor?.userId ?? null,
    action: entry.action,
    tableName: entry.tableName,
    recordId: entry.recordId === undefined || entry.recordId === null ? null : String(entry.recordId),
    before: (entry.before ?? null) as never,
    after: (entry.after ?? null) as never,
  });
}

/** A refused attempt; written outside any transaction of the refused change (which did not happen). */
export async function auditForbidden(db: Db, actor: Actor | null, attempt: { tableName: string; recordId?: string | null; detail?: Record<string, unknown> }): Promise<void> {
  await writeAudit(db, actor, {
    action: 'forbidden',
    tableName: attempt.tableName,
    recordId: attempt.recordId ?? null,
    after: {
      ...attempt.detail,
      role: actor?.role ?? null,
      townshipCode: actor?.townshipCode ?? null,
      ...(actor?.via === 'display-token' ? { displayToken: actor.displayName } : {}),
    },
  });
}

export interface AuditFilter {
  userId?: number | undefined;
  tableName?: string | undefined;
  action?: string | undefined;
  /** Days in Asia/Shanghai, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export async function listAuditLog(db: Db, filter: AuditFilter) {
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 50;
  const where: SQL[] = [];
  if (filter.userId !== undefined) where.push(eq(auditLog.userId, filter.userId));
  if (filter.tableName) where.push(eq(auditLog.tableName, filter.tableName));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.from) where.push(gte(auditLog.at, new Date(`${parseIsoDate(filter.from, '起始日期')}T00:00:00+08:00`)));
  if (filter.to) where.push(lt(auditLog.at, new Date(`${addDays(parseIsoDate(filter.to, '截止日期'), 1)}T00:00:00+08:00`)));
  if (filter.from && filter.to && filter.from > filter.to) throw new BadInputError('起始日期不能晚于截止日期');
  const condition = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        userId: auditLog.userId,
        username: users.username,
        displayName: users.displayName,
        action: auditLog.action,
        tableName: auditLog.tableName,
        recordId: auditLog.recordId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(condition)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(condition),
  ]);
  return {
    total: total?.n ?? 0,
    page,
    pageSize,
    rows: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
  };
}

/** The tables that appear in the log, for the filter's list. */
export async function auditedTables(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ tableName: auditLog.tableName }).from(auditLog).orderBy(auditLog.tableName);
  return rows.map((r) => r.tableName);
}
