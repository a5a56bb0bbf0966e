/** Targets, users, the audit log and what the loaded dataset is. */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
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
import { INDICATOR_KEYS, type IndicatorKey } from '../../shared/indicators/keys.ts';
import { townships } from './geography.ts';

// The keys are the indicators' (shared/indicators); the enum follows them.
export { INDICATOR_KEYS, type IndicatorKey };

export const indicatorKey = pgEnum('indicator_key', INDICATOR_KEYS);
export const targetSource = pgEnum('target_source', ['published', 'assumed']);
/**
 * `admin` holds every duty (small offices); the three duties can also be held apart (三员分立):
 * accounts (system_admin), reading the audit log (security_auditor), imports, rules and targets
 * (business_admin).
 */
export const userRole = pgEnum('user_role', [
  'leader',
  'analyst',
  'township_staff',
  'admin',
  'system_admin',
  'security_auditor',
  'business_admin',
]);

/** A goal for one indicator in one scope (the city when townshipCode is null). */
export const targets = pgTable(
  'targets',
  {
    id: serial('id').primaryKey(),
    indicator: indicatorKey('indicator').notNull(),
    townshipCode: text('township_code').references(() => townships.code),
    /** Rates as fractions 0–1; petitionRate per 1,000 households in 28 days. */
    value: doublePrecision('value').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    source: targetSource('source').notNull(),
    note: text('note').notNull().default(''),
    /**
     * Set when an administrator retires the target: it no longer applies, but the row stays (what
     * applied before, and the audit log's history, still name it). null = in force.
     */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    // One target in force per indicator, scope and deadline; retired ones may repeat it.
    uniqueIndex('targets_scope_deadline_idx')
      .on(t.indicator, sql`coalesce(${t.townshipCode}, 'city')`, t.deadline)
      .where(sql`${t.retiredAt} is null`),
    check('targets_value_nonnegative', sql`${t.value} >= 0`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: userRole('role').notNull(),
    /** Township staff edit only this township's records. */
    townshipCode: text('township_code').references(() => townships.code),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    /** Set when an administrator chose the password (a new account, a reset): only auth.* until the person changes it. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_staff_have_township', sql`${t.role} <> 'township_staff' or ${t.townshipCode} is not null`)],
);

/**
 * Append-only and hash-chained (see the migration audit_log_chain): the database refuses UPDATE,
 * DELETE and TRUNCATE, and a BEFORE INSERT trigger sets `seq`, `prevHash`, `hash` and `username`
 * whatever the client sends (a unique index on `seq` lives in that migration too). No foreign key
 * to users: a row outlives the account it names (a restore replaces the users), so it records the
 * user name as it was.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    /** The user's name when the row was written (set by the trigger from user_id). */
    username: text('username'),
    /** e.g. 'insert', 'update', 'delete', 'import', 'forbidden'. */
    action: text('action').notNull(),
    tableName: text('table_name').notNull(),
    recordId: text('record_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    /** How many events the row stands for: repeated refusals are written as one row with a count. */
    count: integer('count').notNull().default(1),
    /** Position in the chain, 1, 2, 3… in the order rows were chained. */
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    /** The previous row's hash (64 zeros for the first row). */
    prevHash: text('prev_hash').notNull().default(''),
    /** hex SHA-256 over prevHash and the row's canonical content (onemap_audit_row_hash). */
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_user_at_idx').on(t.userId, t.at),
    index('audit_log_table_at_idx').on(t.tableName, t.at),
    check('audit_log_count_positive', sql`${t.count} >= 1`),
  ],
);

/** Key/value facts about the loaded dataset: source ('demo' | 'ledger'), seed, asOf, generatedAt. */
export const datasetInfo = pgTable('dataset_info', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * One row whose `revision` is bumped by a statement trigger on every data table (see the
 * migration 0001): caches of computed figures compare it to know when records changed, even
 * when another process (an import, the CLI) made the change.
 */
export const dataRevision = pgTable(
  'data_revision',
  {
    id: integer('id').primaryKey().default(1),
    revision: bigint('revision', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('data_revision_single_row', sql`${t.id} = 1`)],
);
