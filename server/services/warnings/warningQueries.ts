/**
 * Reading warnings: the list for the department (all townships) or a township's page, newest
 * first, with the township's and compound's names.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { compounds, supervisionWarnings, townships } from '../../../data/schema/index.ts';
import {
  WARNING_RULE_KEYS,
  WARNING_RULE_TEXT,
  WARNING_STATES,
  type WarningRuleKey,
  type WarningState,
} from '../../../shared/supervision/warnings.ts';
import type { Db } from '../../db/connection.ts';
import { parseEdit } from '../editing/editableCompound.ts';
import { townshipCode } from '../supervision/inputs.ts';

export const warningFilterInput = z.strictObject({
  townshipCode: townshipCode.optional(),
  state: z.enum(WARNING_STATES, { error: `状态应为 ${WARNING_STATES.join('、')} 之一` }).optional(),
  rule: z.enum(WARNING_RULE_KEYS, { error: `规则应为 ${WARNING_RULE_KEYS.join('、')} 之一` }).optional(),
  limit: z
    .number({ error: '条数应为整数' })
    .int('条数应为整数')
    .min(1, '条数至少为1')
    .max(2000, '条数最多为2000')
    .optional(),
});
export type WarningFilter = z.input<typeof warningFilterInput>;

export interface WarningView {
  id: number;
  rule: WarningRuleKey;
  /** e.g. 四方联席会议久未召开. */
  ruleLabel: string;
  townshipCode: string;
  townshipName: string;
  compoundCode: string | null;
  /** The compound's name (its code when no longer in the ledger); null for a township warning. */
  compoundName: string | null;
  indicator: string | null;
  causeKey: string;
  details: string;
  figures: Record<string, unknown>;
  asOf: string;
  raisedAt: string;
  state: WarningState;
  itemId: number | null;
  dismissedReason: string | null;
  handledByName: string | null;
  handledAt: string | null;
  resolvedOn: string | null;
}

type Row = typeof supervisionWarnings.$inferSelect;

export function toWarningView(r: Row, townshipName: string, compoundName: string | null): WarningView {
  return {
    id: r.id,
    rule: r.rule,
    ruleLabel: WARNING_RULE_TEXT[r.rule].label,
    townshipCode: r.townshipCode,
    townshipName,
    compoundCode: r.compoundCode,
    compoundName: r.compoundCode === null ? null : (compoundName ?? r.compoundCode),
    indicator: r.indicator,
    causeKey: r.causeKey,
    details: r.details,
    figures: (r.figures ?? {}) as Record<string, unknown>,
    asOf: r.asOf,
    raisedAt: r.raisedAt.toISOString(),
    state: r.state,
    itemId: r.itemId,
    dismissedReason: r.dismissedReason,
    handledByName: r.handledByName,
    handledAt: r.handledAt?.toISOString() ?? null,
    resolvedOn: r.resolvedOn,
  };
}

export async function warningsWhere(db: Db, where: SQL | undefined, limit = 500): Promise<WarningView[]> {
  const rows = await db
    .select({ w: supervisionWarnings, townshipName: townships.name, compoundName: compounds.name })
    .from(supervisionWarnings)
    .innerJoin(townships, eq(townships.code, supervisionWarnings.townshipCode))
    .leftJoin(compounds, eq(compounds.code, supervisionWarnings.compoundCode))
    .where(where)
    .orderBy(desc(supervisionWarnings.raisedAt), desc(supervisionWarnings.id))
    .limit(limit);
  return rows.map((r) => toWarningView(r.w, r.townshipName, r.compoundName));
}

/** Warnings by township, state and rule, newest first (at most `limit`, 500 by default). */
export async function listWarnings(db: Db, raw: WarningFilter = {}): Promise<WarningView[]> {
  const filter = parseEdit(warningFilterInput, raw, '预警筛选条件');
  const where: SQL[] = [];
  if (filter.townshipCode) where.push(eq(supervisionWarnings.townshipCode, filter.townshipCode));
  if (filter.state) where.push(eq(supervisionWarnings.state, filter.state));
  if (filter.rule) where.push(eq(supervisionWarnings.rule, filter.rule));
  return warningsWhere(db, where.length ? and(...where) : undefined, filter.limit ?? 500);
}
