/**
 * The weekly review (每周调度晾晒): its administrator-set rules, and the weeks marked reviewed
 * with a frozen snapshot of everything the board, township pages and pack showed for them.
 * Neither is a data table: changing them does not bump `data_revision`.
 */
import { sql } from 'drizzle-orm';
import { check, date, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Key/value settings of the review; key 'rules' holds the ReviewRules (data/review-rules.ts). */
export const reviewSettings = pgTable('review_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A week marked reviewed: from then on its board and pack come from `snapshot`, never recomputed. */
export const reviewedWeeks = pgTable(
  'reviewed_weeks',
  {
    /** ISO week, 'YYYY-Www'. */
    week: text('week').primaryKey(),
    /** The day the week's figures were read on (its Sunday). */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: text('reviewed_by'),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [check('reviewed_weeks_week_format', sql`${t.week} ~ '^[0-9]{4}-W[0-9]{2}$'`)],
);
