/**
 * The supervision events the group robots hear of, queued in the transaction of the move:
 * an item issued → its township's hook; an item answered → the department's. (Overdue items and
 * new warnings are announced by the daily warning run, warnings/runWarnings.ts.)
 */
import { and, count, eq } from 'drizzle-orm';
import { supervisionItemEvents } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import type { SupervisionItemView } from '../supervision/itemView.ts';
import { itemAnsweredMessage, itemIssuedMessage } from './messages.ts';
import { notify } from './outbox.ts';

export async function notifyIssued(tx: Db, item: SupervisionItemView, at: Date): Promise<void> {
  await notify(tx, [item.townshipCode], itemIssuedMessage(item), at);
}

export async function notifyAnswered(tx: Db, item: SupervisionItemView, at: Date): Promise<void> {
  const [answers] = await tx
    .select({ n: count() })
    .from(supervisionItemEvents)
    .where(and(eq(supervisionItemEvents.itemId, item.id), eq(supervisionItemEvents.toState, 'answered')));
  await notify(tx, ['department'], itemAnsweredMessage(item, answers?.n ?? 1), at);
}
