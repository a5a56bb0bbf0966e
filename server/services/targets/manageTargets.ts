/**
 * Targets as an administrator manages them: add, change, retire (the row stays, with retired_at,
 * and no longer applies), each validated and audited in the same transaction; the change history
 * is the audit log's rows for the table. Values are stored in the indicator's stored unit
 * (shared/indicators/units.ts): rates as fractions 0–1, petitionRate per 1,000 households.
 */
import { PLACE_WORDS } from '../compounds/placeWords.ts';
import { TARGET_WORDS } from './targetWords.ts';
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, targets, townships, users } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../auth/roles.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { BadInputError, describeIssues } from '../errors.ts';
import { INDICATOR_KEYS, INDICATORS, UNITS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import { isIsoDate } from '../../../shared/time/dates.ts';

export interface TargetFields {
  indicator: IndicatorKey;
  /** null = the city. */
  townshipCode: string | null;
  value: number;
  deadline: string;
  source: 'published' | 'assumed';
  note: string;
}

export const targetFieldsSchema = z.strictObject({
  indicator: z.enum(INDICATOR_KEYS, { error: '未知指标' }),
  townshipCode: z.string({ error: '镇街代码应为文本' }).max(20, '镇街代码应为9位数字').nullable(),
  value: z.number({ error: '目标值应为数字' }).finite('目标值应为有限的数字').min(0, '目标值不能为负'),
  deadline: z
    .string({ error: '期限应为 YYYY-MM-DD' })
    .max(10, '期限应为 YYYY-MM-DD')
    .refine(isIsoDate, '期限应为 YYYY-MM-DD 格式的真实日期'),
  source: z.enum(['published', 'assumed'], { error: '来源应为“已发布”或“假设”' }),
  note: z.string({ error: '说明应为文本' }).trim().max(200, '说明不能超过200个字'),
});

export const targetIdSchema = z
  .number({ error: '目标编号应为整数' })
  .int('目标编号应为整数')
  .positive('目标编号应为正整数')
  .max(2_147_483_647, '目标编号无效');

/** Checks what the schema cannot: the unit's ceiling (a rate is at most 100%) and the township. */
export async function checkTargetFields(db: Db, raw: unknown): Promise<TargetFields> {
  const parsed = targetFieldsSchema.safeParse(raw);
  if (!parsed.success) throw new BadInputError(describeIssues(parsed.error, TARGET_WORDS.invalid));
  const fields = parsed.data;
  const unit = UNITS[INDICATORS[fields.indicator].target];
  if (unit.ceiling !== null && fields.value > unit.ceiling)
    throw new BadInputError(
      TARGET_WORDS.aboveCeiling(
        INDICATORS[fields.indicator].name,
        INDICATORS[fields.indicator].nameEn,
        unit.format(unit.ceiling),
      ),
    );
  if (fields.townshipCode !== null) {
    const [found] = await db
      .select({ code: townships.code })
      .from(townships)
      .where(eq(townships.code, fields.townshipCode));
    if (!found) throw new BadInputError(PLACE_WORDS.unknownTownship(fields.townshipCode));
  }
  return fields;
}

export interface StoredTarget extends TargetFields {
  id: number;
  retiredAt: string | null;
}

const columns = {
  id: targets.id,
  indicator: targets.indicator,
  townshipCode: targets.townshipCode,
  value: targets.value,
  deadline: targets.deadline,
  source: targets.source,
  note: targets.note,
  retiredAt: targets.retiredAt,
};

const stored = (row: Omit<StoredTarget, 'retiredAt'> & { retiredAt: Date | string | null }): StoredTarget => ({
  ...row,
  retiredAt: row.retiredAt === null ? null : new Date(row.retiredAt).toISOString(),
});

/** Every target, in force and retired: indicator, city first then townships, deadline. */
export async function listAllTargets(db: Db): Promise<StoredTarget[]> {
  const rows = await db
    .select(columns)
    .from(targets)
    .orderBy(asc(targets.indicator), sql`${targets.townshipCode} nulls first`, asc(targets.deadline), asc(targets.id));
  return rows.map(stored);
}

async function findTarget(db: Db, id: number): Promise<StoredTarget> {
  const [row] = await db.select(columns).from(targets).where(eq(targets.id, id));
  if (!row) throw new BadInputError(TARGET_WORDS.noTarget(id));
  return stored(row);
}

/** Another target in force with the same indicator, scope and deadline (the unique index's rule, said in Chinese). */
async function refuseDuplicate(db: Db, fields: TargetFields, exceptId: number | null): Promise<void> {
  const [other] = await db
    .select({ id: targets.id })
    .from(targets)
    .where(
      and(
        eq(targets.indicator, fields.indicator),
        fields.townshipCode === null ? isNull(targets.townshipCode) : eq(targets.townshipCode, fields.townshipCode),
        eq(targets.deadline, fields.deadline),
        isNull(targets.retiredAt),
        ...(exceptId === null ? [] : [ne(targets.id, exceptId)]),
      ),
    );
  if (other)
    throw new BadInputError(
      TARGET_WORDS.sameDeadline(
        INDICATORS[fields.indicator].name,
        INDICATORS[fields.indicator].nameEn,
        fields.deadline,
      ),
    );
}

export async function addTarget(db: Db, actor: Actor | null, raw: unknown): Promise<StoredTarget> {
  const fields = await checkTargetFields(db, raw);
  return db.transaction(async (tx) => {
    await refuseDuplicate(tx, fields, null);
    const [row] = await tx.insert(targets).values(fields).returning(columns);
    const added = stored(row!);
    await writeAudit(tx, actor, { action: 'insert', tableName: 'targets', recordId: added.id, after: added });
    return added;
  });
}

export async function changeTarget(db: Db, actor: Actor | null, id: number, raw: unknown): Promise<StoredTarget> {
  const fields = await checkTargetFields(db, raw);
  return db.transaction(async (tx) => {
    const before = await findTarget(tx, id);
    if (before.retiredAt !== null) throw new BadInputError(TARGET_WORDS.retiredNoChange);
    await refuseDuplicate(tx, fields, id);
    const [row] = await tx.update(targets).set(fields).where(eq(targets.id, id)).returning(columns);
    const after = stored(row!);
    await writeAudit(tx, actor, { action: 'update', tableName: 'targets', recordId: id, before, after });
    return after;
  });
}

export async function retireTarget(db: Db, actor: Actor | null, id: number): Promise<StoredTarget> {
  return db.transaction(async (tx) => {
    const before = await findTarget(tx, id);
    if (before.retiredAt !== null) throw new BadInputError(TARGET_WORDS.retiredAlready);
    const [row] = await tx.update(targets).set({ retiredAt: new Date() }).where(eq(targets.id, id)).returning(columns);
    const after = stored(row!);
    await writeAudit(tx, actor, { action: 'retire', tableName: 'targets', recordId: id, before, after });
    return after;
  });
}

export interface TargetChange {
  id: number;
  at: string;
  action: string;
  who: string | null;
  targetId: string | null;
  before: StoredTarget | null;
  after: StoredTarget | null;
}

/** The targets' change history from the audit log, newest first. */
export async function targetHistory(db: Db, limit = 200): Promise<TargetChange[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      who: sql<string | null>`coalesce(${users.displayName}, ${auditLog.username})`,
      targetId: auditLog.recordId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.id, auditLog.userId), eq(users.username, auditLog.username)))
    .where(and(eq(auditLog.tableName, 'targets'), ne(auditLog.action, 'forbidden')))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    at: new Date(r.at).toISOString(),
    before: (r.before ?? null) as StoredTarget | null,
    after: (r.after ?? null) as StoredTarget | null,
  }));
}
