/**
 * Early warnings (预警) and the outgoing webhooks (通知).
 *
 * `supervision_warnings` holds each warning raised by the rules (server/services/warnings/): one
 * row per cause (`cause_key` unique), so a cause still there the next day is never raised twice.
 * It is a data table: statements on it bump `data_revision` (trigger in the migration's
 * hand-written part), so the township pages and the walls see new warnings as they see new items.
 *
 * `webhooks` (set by an administrator) and `webhook_deliveries` (the outbox: each message to post,
 * its tries and last error) are configuration and plumbing, not data: no revision trigger.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { WARNING_RULE_KEYS, WARNING_STATES } from '../../shared/supervision/warnings.ts';
import { indicatorKey } from './admin.ts';
import { townships } from './geography.ts';
import { supervisionItems } from './supervision.ts';

export const warningRule = pgEnum('warning_rule', WARNING_RULE_KEYS);
export const warningState = pgEnum('warning_state', WARNING_STATES);

export const supervisionWarnings = pgTable(
  'supervision_warnings',
  {
    id: serial('id').primaryKey(),
    rule: warningRule('rule').notNull(),
    townshipCode: text('township_code')
      .notNull()
      .references(() => townships.code),
    /** Ledger code; null for a township-wide warning (an indicator unmet for weeks). */
    compoundCode: text('compound_code'),
    /** The indicator of an indicatorUnmet warning; null otherwise. */
    indicator: indicatorKey('indicator'),
    /**
     * What the warning is about, once: e.g. 'noMeeting:C001:2026-08-01' (the last meeting's day),
     * 'termEnding:C001:term-17', 'issueOverdue:issue-8812', 'ratingDrop:C001:eval-301',
     * 'petitionSurge:C001:2026-11-02' (the first day of the surge),
     * 'indicatorUnmet:350582103:deliberationCoverage:2026-W40' (the first unmet week).
     */
    causeKey: text('cause_key').notNull(),
    /** One Chinese sentence, e.g. "某小区已52天未召开四方联席会议（上次：2026-10-04）". */
    details: text('details').notNull(),
    /** The figures behind the sentence (days, counts, ratings, weeks). */
    figures: jsonb('figures')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The Asia/Shanghai day whose records raised it. */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    state: warningState('state').notNull().default('open'),
    /** The supervision item it was turned into (state 'issued'). */
    itemId: integer('item_id').references(() => supervisionItems.id, { onDelete: 'set null' }),
    dismissedReason: text('dismissed_reason'),
    /** Who issued or dismissed it (系统 for a rule's autoIssue). */
    handledByName: text('handled_by_name'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    /** The as-of day on which the rule no longer found the cause (state 'resolved'). */
    resolvedOn: date('resolved_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('supervision_warnings_cause_idx').on(t.causeKey),
    index('supervision_warnings_township_idx').on(t.townshipCode, t.state),
    index('supervision_warnings_state_idx').on(t.state, t.raisedAt),
    check(
      'supervision_warnings_dismissed_has_reason',
      sql`${t.state} <> 'dismissed' or ${t.dismissedReason} is not null`,
    ),
  ],
);

export const webhookKind = pgEnum('webhook_kind', ['wecom', 'dingtalk']);
export const deliveryState = pgEnum('webhook_delivery_state', ['pending', 'delivered', 'failed']);

/** An outgoing group-robot webhook of a township (its 9-digit code) or of the department. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: serial('id').primaryKey(),
    /** A township code, or 'department' (the organisation department's group). */
    scope: text('scope').notNull(),
    name: text('name').notNull().default(''),
    kind: webhookKind('kind').notNull(),
    url: text('url').notNull(),
    /** 钉钉 加签 secret (SEC…): each post is signed with it; null when the robot has none. */
    secret: text('secret'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhooks_scope_idx').on(t.scope),
    check('webhooks_scope_format', sql`${t.scope} = 'department' or ${t.scope} ~ '^[0-9]{9}$'`),
  ],
);

/**
 * The outbox: a message waiting to be posted (pending), posted (delivered) or given up after the
 * last try (failed). Written in the transaction of the change it reports, so no event is lost
 * when the receiver is down; `event_key` makes enqueueing the same event twice a no-op.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    /** e.g. 'issued:41', 'answered:41:2', 'overdue:41', 'warnings:2026-11-25:350582103', 'test:…'. */
    eventKey: text('event_key').notNull(),
    title: text('title').notNull(),
    /** Markdown text of the message (the body's JSON is made from it at posting time). */
    text: text('text').notNull(),
    state: deliveryState('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    lastStatus: integer('last_status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_idx').on(t.webhookId, t.eventKey),
    index('webhook_deliveries_due_idx').on(t.state, t.nextAttemptAt),
    index('webhook_deliveries_created_idx').on(t.createdAt),
  ],
);
