/**
 * Derived from the records, never edited: the per-township counts behind the five indicators as
 * a step function of the day. A row holds the counts of one township in force from `fromDay`
 * until the township's next row, so the counts on any day D are one index probe per township
 * (the latest row with fromDay ≤ D).
 *
 * The whole timeline is rebuilt, in one statement, when `data_revision` has moved since it was
 * built (see server/services/metrics/countsTimeline.ts); `counts_timeline_state.revision` says
 * which revision it was built from, so it is never read when it could differ from the direct
 * computation. Not data tables: they have no revision trigger.
 */
import { bigint, check, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
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
  (t) => [primaryKey({ columns: [t.townshipCode, t.fromDay] })],
);

/** Single row: the data revision the timeline was built from (null: never built). */
export const countsTimelineState = pgTable(
  'counts_timeline_state',
  {
    id: integer('id').primaryKey().default(1),
    revision: bigint('revision', { mode: 'number' }),
  },
  (t) => [check('counts_timeline_state_single_row', sql`${t.id} = 1`)],
);
