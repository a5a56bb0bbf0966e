/**
 * Supervision items (督办事项) and their history: what the weekly review (or an early warning, or
 * an analyst by hand) assigned to a township, by when, and what became of it
 * (待办理 → 已反馈 → 已销号, or 退回 and answered again). The states and the moves between them
 * are shared/supervision/states.ts; the services are server/services/supervision/.
 *
 * These are data tables: every statement on them bumps `data_revision` (the trigger is in the
 * migration's hand-written part, as for the records in 0001). The walls' live refresh and the
 * per-revision memo of reads (revisionCachedReadProcedure) already listen to that one number, so
 * a wall's supervision scene and the township pages learn of a new, answered or closed item
 * without a second notification path. Items change a few times a week: the extra invalidation
 * of the counts cache this causes is negligible.
 */
import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { SUPERVISION_SOURCES, SUPERVISION_STATES } from '../../shared/supervision/states.ts';
import { indicatorKey } from './admin.ts';
import { townships } from './geography.ts';

export const supervisionState = pgEnum('supervision_state', SUPERVISION_STATES);
export const supervisionSource = pgEnum('supervision_source', SUPERVISION_SOURCES);

export const supervisionItems = pgTable(
  'supervision_items',
  {
    id: serial('id').primaryKey(),
    townshipCode: text('township_code')
      .notNull()
      .references(() => townships.code),
    /**
     * The compounds the item is about (their ledger codes, possibly none). Codes rather than ids:
     * they are the ledger's stable names, survive a re-import and read the same in the CLI output.
     * The services check that each belongs to the township when the item is issued.
     */
    compoundCodes: text('compound_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The indicator the item is about, when it is about one (null for overdue issues or a free problem). */
    indicator: indicatorKey('indicator'),
    /** The problem seen (e.g. "3个小区近60天未召开四方联席会议"); may be empty when the indicator says it. */
    problem: text('problem').notNull().default(''),
    /** What must be done. */
    task: text('task').notNull(),
    /** Asia/Shanghai calendar day; the item is overdue from the day after, while not closed. */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** Null when issued by the CLI or a rule (no person). */
    issuedById: integer('issued_by_id'),
    issuedByName: text('issued_by_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    /** The review week it came from ('YYYY-Www'); null for items not from a review. */
    reviewWeek: text('review_week'),
    source: supervisionSource('source').notNull(),
    /** What raised it, e.g. an early warning's key (filled by the warnings). */
    sourceRef: text('source_ref'),
    state: supervisionState('state').notNull().default('pending'),
    /** The township's latest answer (earlier ones stay in the events). */
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredById: integer('answered_by_id'),
    answeredByName: text('answered_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedById: integer('closed_by_id'),
    closedByName: text('closed_by_name'),
    /** The latest return's reason (kept after a new answer; the events hold every one). */
    returnedReason: text('returned_reason'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('supervision_items_township_idx').on(t.townshipCode, t.state),
    index('supervision_items_deadline_idx').on(t.deadline),
    index('supervision_items_week_idx').on(t.reviewWeek),
    check('supervision_items_week_format', sql`${t.reviewWeek} is null or ${t.reviewWeek} ~ '^[0-9]{4}-W[0-9]{2}$'`),
    check('supervision_items_task_length', sql`char_length(${t.task}) between 1 and 500`),
    check('supervision_items_closed_has_time', sql`(${t.state} = 'closed') = (${t.closedAt} is not null)`),
  ],
);

/** One move of an item (issued, answered, closed, returned), for its timeline. */
export const supervisionItemEvents = pgTable(
  'supervision_item_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => supervisionItems.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    /** Null for the issue itself. */
    fromState: supervisionState('from_state'),
    toState: supervisionState('to_state').notNull(),
    /** The task (issue), the answer, or the return's reason; empty for an acceptance without remark. */
    text: text('text').notNull().default(''),
  },
  (t) => [index('supervision_item_events_item_idx').on(t.itemId, t.at)],
);
