/**
 * Derived from the records, never edited: the per-township counts behind the five indicators as
 * a step function of the day. A row holds the counts of one township in force from `fromDay`
 * until the township's next row, so the counts on any day D are one index probe per township
 * (the latest row with fromDay ≤ D).
 *
 * Statement triggers on the data tables (migration counts_timeline_triggers) mark the townships
 * whose records changed in `counts_timeline_dirty`, in the writer's transaction; those townships
 * are rebuilt before the timeline is read again (server/services/metrics/countsTimeline.ts).
 * Not data tables: they have no revision trigger.
 */
import { bigint, check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const count = (name: string) => integer(name).notNull().default(0);

export const townshipCountsTimeline = pgTable(
  'township_counts_timeline',
  {
    townshipCode: text('township_code').notNull(),
    fromDay: date('from_day', { mode: 'string' }).notNull(),
    compounds: count('compounds'),
    households: count('households'),
    withPartyOrg: count('with_party_org'),
    withCommittee: count('with_committee'),
    withRecentMeeting: count('with_recent_meeting'),
    managedEvaluated: count('managed_evaluated'),
    managedFourStarPlus: count('managed_four_star_plus'),
    petitions: count('petitions'),
    managed: count('managed'),
    partyMajorityCommittees: count('party_majority_committees'),
    chairIsSecretary: count('chair_is_secretary'),
    openIssues: count('open_issues'),
    overdueIssues: count('overdue_issues'),
    r5: count('r5'),
    r4: count('r4'),
    r3: count('r3'),
    r2: count('r2'),
    r1: count('r1'),
    rfail: count('rfail'),
    modelHomes: count('model_homes'),
  },
  // Not unique: a rebuild deletes a township's rows and inserts the new ones in one statement.
  (t) => [index('township_counts_timeline_day_idx').on(t.townshipCode, t.fromDay)],
);

/** Single row: the data revision at the last rebuild (no row or null: never built, rebuild all). */
export const countsTimelineState = pgTable(
  'counts_timeline_state',
  {
    id: integer('id').primaryKey().default(1),
    revision: bigint('revision', { mode: 'number' }),
  },
  (t) => [check('counts_timeline_state_single_row', sql`${t.id} = 1`)],
);

/**
 * Townships whose records changed since the timeline was last rebuilt ('*': all of them, after a
 * TRUNCATE). `changes` counts the marking statements, so a rebuild clears only what it saw.
 */
export const countsTimelineDirty = pgTable('counts_timeline_dirty', {
  townshipCode: text('township_code').primaryKey(),
  changes: bigint('changes', { mode: 'number' }).notNull().default(1),
});
