/**
 * Derived from the records, never edited: the per-township counts behind the five indicators as
 * a step function of the day. A row holds the counts of one township in force from `fromDay`
 * until the township's next row, so the counts on any day D are one index probe per township
 * (the latest row with fromDay ≤ D).
 *
 * Kept current by the writing transaction itself: statement triggers on the data tables
 * (migration counts_timeline_per_compound, server/services/metrics/timelineFunctions.ts)
 * recompute the touched compounds, take their stored changes (`compound_counts_changes`) out of
 * their townships' running sums and put the new ones in. A read is a pure read.
 * Not data tables: they have no revision trigger.
 */
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { partyOrgType } from './governance.ts';
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
  // Unique: a writer adds a township's missing day once (writers of a township take turns).
  (t) => [uniqueIndex('township_counts_timeline_day_idx').on(t.townshipCode, t.fromDay)],
);

/**
 * Single row: the data revision at the last full rebuild. No row or null: not built (never, or a
 * bulk load deferred to one rebuild at its end); reads then answer from the records directly.
 */
export const countsTimelineState = pgTable(
  'counts_timeline_state',
  {
    id: integer('id').primaryKey().default(1),
    revision: bigint('revision', { mode: 'number' }),
  },
  (t) => [check('counts_timeline_state_single_row', sql`${t.id} = 1`)],
);

/**
 * Each compound's net changes as the timeline counts them (parallel arrays, ordered by day: on
 * `days[i]` column `cols[i]` of township_counts_timeline moves by `deltas[i]`), and the township it
 * is counted in: what a write takes out before it puts the compound's new changes in. Column
 * numbers follow COLUMNS in server/services/metrics/timelineSql.ts.
 */
export const compoundCountsChanges = pgTable('compound_counts_changes', {
  compoundId: integer('compound_id').primaryKey(),
  townshipCode: text('township_code').notNull(),
  days: date('days', { mode: 'string' }).array().notNull(),
  cols: smallint('cols').array().notNull(),
  deltas: integer('deltas').array().notNull(),
});

/** A PostgreSQL daterange, as its text ('[2024-01-01,2024-03-01)'): only the database reads it. */
const daterange = customType<{ data: string }>({ dataType: () => 'daterange' });

/**
 * Each compound's state as a step function of the day: one row per stretch [from, to) of
 * Asia/Shanghai calendar days over which nothing the compound table, the workbench or the
 * drill-through shows of it changes, so its state on D is the row whose `during` contains D (one
 * GiST probe for every compound at once). Derived from the same per-compound changes as the
 * counts timeline, in the same writing transaction (migration compound_state_ranges,
 * server/services/metrics/timelineFunctions.ts); nothing before the compound's listing day.
 */
export const compoundStateRanges = pgTable(
  'compound_state_ranges',
  {
    compoundId: integer('compound_id').notNull(),
    during: daterange('during').notNull(),
    /** The company of the latest-started contract in force (null: not under property management). */
    propertyCompanyId: integer('property_company_id'),
    partyOrgType: partyOrgType('party_org_type'),
    committeeInOffice: boolean('committee_in_office').notNull(),
    committeePartyMajority: boolean('committee_party_majority').notNull(),
    lastMeetingOn: date('last_meeting_on', { mode: 'string' }),
    /** The latest evaluation's rating, only while under property management. */
    rating: text('rating'),
    openIssues: integer('open_issues').notNull(),
    overdueIssues: integer('overdue_issues').notNull(),
    /** Petitions and disputes received in the 28 days ending on the day. */
    petitions: integer('petitions').notNull(),
    /** How the latest committee formed so far ends: on this day, early (`ended`) or at its term's end. */
    committeeFactOn: date('committee_fact_on', { mode: 'string' }),
    committeeFactEnded: boolean('committee_fact_ended'),
  },
  // A compound's ranges tile [listedOn, ∞) without gaps, so its range on D is the one starting last
  // on or before D: one btree probe per compound (a township, a map view). The whole city's
  // ranges on D are one GiST probe instead.
  (t) => [
    uniqueIndex('compound_state_ranges_from_idx').on(t.compoundId, sql`lower(${t.during})`),
    index('compound_state_ranges_during_idx').using('gist', t.during),
  ],
);
