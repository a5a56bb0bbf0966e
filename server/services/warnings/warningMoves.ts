/**
 * What the department does with an open warning: turn it into a supervision item (交办; the
 * suggested task and deadline for its topic unless given) or dismiss it with a reason. Both need
 * 'supervise'; both move only an open warning (the row locked, so two clicks make one item), and
 * write the warning, the audit row and (for an item) the item in one transaction.
 */
import { SUPERVISION_WORDS } from '../supervision/supervisionWords.ts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_SUPERVISION_SUGGESTIONS } from '../../../data/supervision-rules.ts';
import { supervisionWarnings } from '../../../data/schema/index.ts';
import { suggestItem } from '../../../shared/supervision/suggestions.ts';
import { warningTopic } from '../../../shared/supervision/warnings.ts';
import { isIndicatorKey } from '../../../shared/indicators/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Actor } from '../auth/roles.ts';
import { isoDate, parseEdit, recordId } from '../editing/editableCompound.ts';
import { BadInputError } from '../errors.ts';
import { MAX_TASK_CHARS } from '../supervision/inputs.ts';
import { actorName, assertMaySupervise, issueItem, resolveWhen, type WhenOptions } from '../supervision/issue.ts';
import type { SupervisionItemView } from '../supervision/itemView.ts';

export const warningToItemInput = z.strictObject({
  warningId: recordId('预警'),
  task: z
    .string({ error: '督办任务应为文本' })
    .trim()
    .min(1, '请填写督办任务（要求做什么）')
    .max(MAX_TASK_CHARS, `督办任务不能超过${MAX_TASK_CHARS}个字符`)
    .optional(),
  deadline: isoDate('办理期限').optional(),
});
export const dismissWarningInput = z.strictObject({
  warningId: recordId('预警'),
  reason: z
    .string({ error: '忽略理由应为文本' })
    .trim()
    .min(1, '请填写忽略理由')
    .max(MAX_TASK_CHARS, `忽略理由不能超过${MAX_TASK_CHARS}个字符`),
});

type Row = typeof supervisionWarnings.$inferSelect;

async function lockOpen(tx: Db, warningId: number): Promise<Row> {
  const [row] = await tx.select().from(supervisionWarnings).where(eq(supervisionWarnings.id, warningId)).for('update');
  if (!row) throw new BadInputError(SUPERVISION_WORDS.noWarning(warningId));
  if (row.state !== 'open') throw new BadInputError(SUPERVISION_WORDS.warningNotOpen(row.state));
  return row;
}

/** Issues the warning's item inside `tx` and marks the warning issued. */
export async function issueForWarning(
  tx: Db,
  actor: Actor | null,
  row: Row,
  input: { task?: string | undefined; deadline?: string | undefined },
  options: WhenOptions = {},
): Promise<SupervisionItemView> {
  const when = resolveWhen(options);
  const indicator = row.indicator !== null && isIndicatorKey(row.indicator) ? row.indicator : null;
  const topic = warningTopic(row.rule, indicator);
  const suggested = suggestItem(DEFAULT_SUPERVISION_SUGGESTIONS, topic, when.today);
  const item = await issueItem(
    tx,
    actor,
    {
      townshipCode: row.townshipCode,
      compoundCodes: row.compoundCode ? [row.compoundCode] : [],
      indicator: topic === 'overdueIssues' ? null : topic,
      problem: row.details.slice(0, MAX_TASK_CHARS),
      task: input.task ?? suggested.task,
      deadline: input.deadline ?? suggested.deadline,
      source: 'warning',
      sourceRef: row.causeKey.slice(0, 200),
    },
    options,
  );
  await handle(tx, actor, row, { state: 'issued', itemId: item.id, handledAt: when.at });
  return item;
}

/** An open warning handled (turned into an item or dismissed): who and when, audited before → after. */
async function handle(
  tx: Db,
  actor: Actor | null,
  row: typeof supervisionWarnings.$inferSelect,
  change: Partial<typeof supervisionWarnings.$inferInsert> & { handledAt: Date },
): Promise<void> {
  const [after] = await tx
    .update(supervisionWarnings)
    .set({ ...change, handledByName: actorName(actor) })
    .where(eq(supervisionWarnings.id, row.id))
    .returning();
  await writeAudit(tx, actor, {
    action: 'update',
    tableName: 'supervision_warnings',
    recordId: row.id,
    before: row,
    after,
  });
}

export async function warningToItem(
  db: Db,
  actor: Actor | null,
  raw: z.input<typeof warningToItemInput>,
  options: WhenOptions = {},
): Promise<SupervisionItemView> {
  assertMaySupervise(actor, SUPERVISION_WORDS.acts.warningToItem);
  const input = parseEdit(warningToItemInput, raw, '预警转督办');
  return db.transaction(async (tx) => issueForWarning(tx, actor, await lockOpen(tx, input.warningId), input, options));
}

export async function dismissWarning(
  db: Db,
  actor: Actor | null,
  raw: z.input<typeof dismissWarningInput>,
  options: WhenOptions = {},
): Promise<void> {
  assertMaySupervise(actor, SUPERVISION_WORDS.acts.dismissWarning);
  const input = parseEdit(dismissWarningInput, raw, '忽略预警');
  const when = resolveWhen(options);
  await db.transaction(async (tx) => {
    const row = await lockOpen(tx, input.warningId);
    await handle(tx, actor, row, { state: 'dismissed', dismissedReason: input.reason, handledAt: when.at });
  });
}
