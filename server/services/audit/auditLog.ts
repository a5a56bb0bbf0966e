/**
 * The audit log: every change (who, when, which table and record, before, after), written in
 * the same transaction as the change, and every refused attempt (action 'forbidden'; repeats are
 * counted, see refusalSummaries.ts). The database keeps the log append-only and hash-chained
 * (auditChain.ts).
 */
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog, compounds, users } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../auth/roles.ts';
import { BadInputError } from '../errors.ts';
import { addDays, parseIsoDate } from '../../../shared/time/dates.ts';
import { countRefusal, type ForbiddenAttempt } from './refusalSummaries.ts';
import { AUDIT_REFUSALS } from './auditWords.ts';

export interface AuditEntry {
  action: string;
  tableName: string;
  recordId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** How many events the row stands for (1 unless summarising repeated refusals). */
  count?: number;
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
    count: entry.count ?? 1,
  });
}

/**
 * A refused attempt; written outside any transaction of the refused change (which did not happen).
 * The first refusal of an actor on a procedure is written at once; repeats within the minute are
 * counted and written as one summary row (refusalSummaries.ts), so a flood cannot fill the log.
 */
export async function auditForbidden(db: Db, actor: Actor | null, attempt: ForbiddenAttempt): Promise<void> {
  await countRefusal(db, actor, attempt);
}

export interface AuditFilter {
  userId?: number | undefined;
  tableName?: string | undefined;
  action?: string | undefined;
  /** Rows about this township: its own records, its compounds' records (by id or code). */
  townshipCode?: string | undefined;
  /** Days in Asia/Shanghai, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** The filter as SQL conditions on audit_log. */
function auditConditions(filter: AuditFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.userId !== undefined) where.push(eq(auditLog.userId, filter.userId));
  if (filter.tableName) where.push(eq(auditLog.tableName, filter.tableName));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.from) where.push(gte(auditLog.at, new Date(`${parseIsoDate(filter.from, '起始日期')}T00:00:00+08:00`)));
  if (filter.to)
    where.push(lt(auditLog.at, new Date(`${addDays(parseIsoDate(filter.to, '截止日期'), 1)}T00:00:00+08:00`)));
  if (filter.from && filter.to && filter.from > filter.to) throw new BadInputError(AUDIT_REFUSALS.fromAfterTo);
  if (filter.townshipCode) {
    const code = filter.townshipCode;
    const side = (key: string) => sql`coalesce(${auditLog.after}->>${key}, ${auditLog.before}->>${key})`;
    where.push(
      sql`(${side('townshipCode')} = ${code}
        or ${side('compoundId')} in (select ${compounds.id}::text from ${compounds} where ${compounds.townshipCode} = ${code})
        or ${side('compoundCode')} in (select ${compounds.code} from ${compounds} where ${compounds.townshipCode} = ${code})
        or (${auditLog.tableName} = 'compounds' and ${auditLog.recordId} in
          (select ${compounds.code} from ${compounds} where ${compounds.townshipCode} = ${code})))`,
    );
  }
  return where.length ? and(...where) : undefined;
}

const rowColumns = {
  id: auditLog.id,
  at: auditLog.at,
  userId: auditLog.userId,
  username: auditLog.username,
  // The account's current display name while it still is the same account (a restore can
  // give the id to another user); otherwise the user name recorded in the row.
  displayName: sql<string | null>`coalesce(${users.displayName}, ${auditLog.username})`,
  role: users.role,
  action: auditLog.action,
  tableName: auditLog.tableName,
  recordId: auditLog.recordId,
  before: auditLog.before,
  after: auditLog.after,
  count: auditLog.count,
};

/** Rows matching the filter, newest first, at most `limit` from `offset` (the export takes them all, capped). */
export async function auditRows(db: Db, filter: AuditFilter, limit: number, offset = 0) {
  const rows = await db
    .select(rowColumns)
    .from(auditLog)
    .leftJoin(users, and(eq(users.id, auditLog.userId), eq(users.username, auditLog.username)))
    .where(auditConditions(filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

export async function listAuditLog(db: Db, filter: AuditFilter) {
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 50;
  // The filter is checked before either query starts: a refusal then leaves no query behind.
  const where = auditConditions(filter);
  const [rows, [total]] = await Promise.all([
    auditRows(db, filter, pageSize, (page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { total: total?.n ?? 0, page, pageSize, rows };
}

/** The people who appear in the log (for the filter's list): the auditor may not hold the accounts duty. */
export async function auditedPeople(db: Db) {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName, role: users.role })
    .from(auditLog)
    .innerJoin(users, and(eq(users.id, auditLog.userId), eq(users.username, auditLog.username)))
    .orderBy(users.displayName);
}

/** The tables that appear in the log, for the filter's list. */
export async function auditedTables(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ tableName: auditLog.tableName }).from(auditLog).orderBy(auditLog.tableName);
  return rows.map((r) => r.tableName);
}
