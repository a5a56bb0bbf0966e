/**
 * Moving an item on (shared/supervision/states.ts): the township answers (反馈), a supervisor
 * accepts (销号) or returns it (退回, with a reason). Each move reads and checks the item with its
 * row locked, inside the transaction that writes it, so two identical moves at once cannot both
 * pass. Refusals write nothing: who may not → ForbiddenError (the API audits the attempt), a
 * move the state does not allow → BadInputError, both in Chinese. Every move that happens writes
 * the item, an event for its timeline, and an audit row with before and after.
 */
import { SUPERVISION_WORDS } from './supervisionWords.ts';
import { eq } from 'drizzle-orm';
import { supervisionItemEvents, supervisionItems, townships } from '../../../data/schema/index.ts';
import { canMove, MOVE_RULES, refusedMoveMessage, type SupervisionMove } from '../../../shared/supervision/states.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { canAnswerForTownship, type Actor } from '../auth/roles.ts';
import { parseEdit } from '../editing/editableCompound.ts';
import { BadInputError, ForbiddenError } from '../errors.ts';
import {
  acceptItemInput,
  answerItemInput,
  returnItemInput,
  type AcceptItemInput,
  type AnswerItemInput,
  type ReturnItemInput,
} from './inputs.ts';
import { actorName, assertMaySupervise, resolveWhen, type WhenOptions } from './issue.ts';
import { notifyAnswered } from '../webhooks/itemEvents.ts';
import { toItemView, type SupervisionItemRow, type SupervisionItemView } from './itemView.ts';

type Changes = Partial<typeof supervisionItems.$inferInsert>;

async function move(
  db: Db,
  actor: Actor,
  itemId: number,
  kind: SupervisionMove,
  text: string,
  changes: (at: Date, name: string) => Changes,
  options: WhenOptions,
): Promise<SupervisionItemView> {
  const when = resolveWhen(options);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(supervisionItems).where(eq(supervisionItems.id, itemId)).for('update');
    if (!before) throw new BadInputError(SUPERVISION_WORDS.noItem(itemId));
    checkWho(actor, before, kind);
    if (!canMove(before.state, kind)) throw new BadInputError(refusedMoveMessage(before.state, kind));
    const name = actorName(actor);
    const to = MOVE_RULES[kind].to;
    const [after] = await tx
      .update(supervisionItems)
      .set({ ...changes(when.at, name), state: to, updatedAt: when.at })
      .where(eq(supervisionItems.id, itemId))
      .returning();
    await tx.insert(supervisionItemEvents).values({
      itemId,
      at: when.at,
      actorId: actor.userId,
      actorName: name,
      fromState: before.state,
      toState: to,
      text,
    });
    await writeAudit(tx, actor, {
      action: 'update',
      tableName: 'supervision_items',
      recordId: itemId,
      before,
      after: { ...after, move: kind },
    });
    const [township] = await tx
      .select({ name: townships.name })
      .from(townships)
      .where(eq(townships.code, after!.townshipCode));
    const view = toItemView(after!, township?.name ?? after!.townshipCode, when.today);
    // The department's group robot hears of each answer (queued in this transaction: webhooks/).
    if (kind === 'answer') await notifyAnswered(tx, view, when.at);
    return view;
  });
}

/** Refuses (ForbiddenError, audited by the API) when the actor may not make this move on this item. */
function checkWho(actor: Actor, item: SupervisionItemRow, kind: SupervisionMove): void {
  if (MOVE_RULES[kind].by === 'supervisor') {
    assertMaySupervise(
      actor,
      kind === 'accept' ? SUPERVISION_WORDS.acts.accept : SUPERVISION_WORDS.acts.return,
      String(item.id),
    );
    return;
  }
  if (canAnswerForTownship(actor, item.townshipCode)) return;
  throw new ForbiddenError(
    actor.role === 'township_staff' ? SUPERVISION_WORDS.answerOwnTownship : SUPERVISION_WORDS.onlyTownshipAnswers,
    { tableName: 'supervision_items', recordId: String(item.id), detail: { townshipOfItem: item.townshipCode } },
  );
}

/** The township's answer (待办理 or 退回 → 已反馈): what was done, with evidence. */
export async function answerItem(
  db: Db,
  actor: Actor,
  raw: AnswerItemInput,
  options: WhenOptions = {},
): Promise<SupervisionItemView> {
  const input = parseEdit(answerItemInput, raw, '督办反馈');
  return move(
    db,
    actor,
    input.itemId,
    'answer',
    input.answer,
    (at, name) => ({ answer: input.answer, answeredAt: at, answeredById: actor.userId, answeredByName: name }),
    options,
  );
}

/** Accepted by the organisation department (已反馈 → 已销号); final. */
export async function acceptItem(
  db: Db,
  actor: Actor,
  raw: AcceptItemInput,
  options: WhenOptions = {},
): Promise<SupervisionItemView> {
  const input = parseEdit(acceptItemInput, raw, '督办销号');
  return move(
    db,
    actor,
    input.itemId,
    'accept',
    input.remark,
    (at, name) => ({ closedAt: at, closedById: actor.userId, closedByName: name }),
    options,
  );
}

/** Returned to the township with a reason (已反馈 → 退回); it answers again. */
export async function returnItem(
  db: Db,
  actor: Actor,
  raw: ReturnItemInput,
  options: WhenOptions = {},
): Promise<SupervisionItemView> {
  const input = parseEdit(returnItemInput, raw, '督办退回');
  return move(
    db,
    actor,
    input.itemId,
    'return',
    input.reason,
    (at) => ({ returnedReason: input.reason, returnedAt: at }),
    options,
  );
}
