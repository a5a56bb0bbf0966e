/**
 * Resident issues (居民诉求) with the date of each stage of their handling, and petitions
 * and disputes (信访件 / 矛盾纠纷). The stage dates make the status on any past date
 * reproducible; `status` is derived from them by the database.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { ISSUE_STAGES, type IssueStage } from '../../shared/issues/issueStages.ts';
import { compounds } from './compounds.ts';

export const issueChannel = pgEnum('issue_channel', [
  'grid',
  'hotline',
  'petition',
  'reception',
  'meeting',
  'wish_wall',
]);
export const issueCategory = pgEnum('issue_category', [
  'parking',
  'ebike_charging',
  'fire_safety',
  'water_leak',
  'high_rise_littering',
  'public_space',
  'gates_roads',
  'drainage',
  'video',
  'gas',
  'lift',
  'noise',
  'public_revenue',
  'illegal_structure',
  'other',
]);
/** 受理 → 派单 → 办理中 → 办结 → 回访: the stages are shared/issues/issueStages.ts's; the enum follows them. */
export const ISSUE_STATUSES = ISSUE_STAGES;
export type IssueStatus = IssueStage;

export const residentIssues = pgTable(
  'resident_issues',
  {
    id: serial('id').primaryKey(),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    channel: issueChannel('channel').notNull(),
    category: issueCategory('category').notNull(),
    summary: text('summary').notNull().default(''),
    /** 受理: the day the issue was accepted. */
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    dispatchedOn: date('dispatched_on', { mode: 'string' }),
    inProgressOn: date('in_progress_on', { mode: 'string' }),
    /** 办结: from this day on the issue is no longer open. */
    closedOn: date('closed_on', { mode: 'string' }),
    revisitedOn: date('revisited_on', { mode: 'string' }),
    /** Open past this day (exclusive of the day itself) means overdue. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status')
      .$type<IssueStatus>()
      .notNull()
      .generatedAlwaysAs(
        sql`case when revisited_on is not null then 'revisited'
          when closed_on is not null then 'closed'
          when in_progress_on is not null then 'in_progress'
          when dispatched_on is not null then 'dispatched'
          else 'accepted' end`,
      ),
  },
  (t) => [
    check('resident_issues_due_after_opened', sql`${t.dueOn} >= ${t.openedOn}`),
    check(
      'resident_issues_dispatched_after_opened',
      sql`${t.dispatchedOn} is null or ${t.dispatchedOn} >= ${t.openedOn}`,
    ),
    check(
      'resident_issues_in_progress_after_dispatched',
      sql`${t.inProgressOn} is null or (${t.dispatchedOn} is not null and ${t.inProgressOn} >= ${t.dispatchedOn})`,
    ),
    check('resident_issues_closed_after_opened', sql`${t.closedOn} is null or ${t.closedOn} >= ${t.openedOn}`),
    check(
      'resident_issues_closed_after_stages',
      sql`${t.closedOn} is null or ${t.closedOn} >= coalesce(${t.inProgressOn}, ${t.dispatchedOn}, ${t.openedOn})`,
    ),
    check(
      'resident_issues_revisited_after_closed',
      sql`${t.revisitedOn} is null or (${t.closedOn} is not null and ${t.revisitedOn} >= ${t.closedOn})`,
    ),
    index('resident_issues_compound_idx').on(t.compoundId, t.openedOn),
    index('resident_issues_opened_idx').on(t.openedOn),
    // Issues open on D are those with open_until > D: a range on this index, small for recent days.
    index('resident_issues_open_until_idx').on(
      sql`coalesce(${t.closedOn}, '9999-12-31'::date)`,
      t.openedOn,
      t.compoundId,
      t.dueOn,
    ),
  ],
);

export const petitionKind = pgEnum('petition_kind', ['petition', 'dispute']);

/** 信访件 (petition) or 矛盾纠纷 (dispute) arising in a compound. */
export const petitions = pgTable(
  'petitions',
  {
    id: serial('id').primaryKey(),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    kind: petitionKind('kind').notNull(),
    category: issueCategory('category').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    resolvedOn: date('resolved_on', { mode: 'string' }),
  },
  (t) => [
    check('petitions_resolved_after_received', sql`${t.resolvedOn} is null or ${t.resolvedOn} >= ${t.receivedOn}`),
    index('petitions_received_compound_idx').on(t.receivedOn, t.compoundId),
    index('petitions_compound_idx').on(t.compoundId, t.receivedOn),
  ],
);
