/**
 * Dated governance records of a compound: party organisations (党组织), owners'-committee
 * terms (业委会) and 四方联席 meetings. Half-open date ranges: [start, end).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { compounds } from './compounds.ts';

/** 建制式 standalone branch / 兼合式 combined / 联建式 jointly built. */
export const partyOrgType = pgEnum('party_org_type', ['standalone', 'combined', 'joint']);

export const partyOrganisations = pgTable(
  'party_organisations',
  {
    id: serial('id').primaryKey(),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    type: partyOrgType('type').notNull(),
    name: text('name').notNull(),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    /** Exclusive: not in force from this day on. */
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
  },
  (t) => [
    check(
      'party_organisations_dissolved_after_established',
      sql`${t.dissolvedOn} is null or ${t.dissolvedOn} > ${t.establishedOn}`,
    ),
    index('party_organisations_compound_idx').on(t.compoundId, t.establishedOn),
  ],
);

export const committeeTerms = pgTable(
  'committee_terms',
  {
    id: serial('id').primaryKey(),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    formedOn: date('formed_on', { mode: 'string' }).notNull(),
    /** Exclusive: the statutory end of the term (usually five years after formation). */
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    /** Exclusive: the committee left office early (dissolved, resigned) on this day. */
    endedOn: date('ended_on', { mode: 'string' }),
    members: integer('members').notNull(),
    partyMembers: integer('party_members').notNull(),
    /** The compound's party secretary also chairs the committee ("一肩挑"). */
    chairIsPartySecretary: boolean('chair_is_party_secretary').notNull().default(false),
  },
  (t) => [
    check('committee_terms_term_end_after_formed', sql`${t.termEnd} > ${t.formedOn}`),
    check('committee_terms_ended_after_formed', sql`${t.endedOn} is null or ${t.endedOn} > ${t.formedOn}`),
    check('committee_terms_members_positive', sql`${t.members} > 0`),
    check('committee_terms_party_members_range', sql`${t.partyMembers} >= 0 and ${t.partyMembers} <= ${t.members}`),
    index('committee_terms_compound_idx').on(t.compoundId, t.formedOn),
  ],
);

/** 四方联席 meeting: party branch, owners' committee, property company, building heads. */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendees: integer('attendees').notNull(),
    topics: text('topics').notNull().default(''),
    problemsResolved: integer('problems_resolved').notNull().default(0),
  },
  (t) => [
    check('meetings_attendees_positive', sql`${t.attendees} > 0`),
    check('meetings_problems_nonnegative', sql`${t.problemsResolved} >= 0`),
    index('meetings_compound_held_idx').on(t.compoundId, t.heldOn),
    // Covering: the 30-day window is answered from the index alone.
    index('meetings_held_compound_idx').on(t.heldOn, t.compoundId),
  ],
);
