/**
 * Numerators and denominators of the five indicators, and the secondary figures, for every
 * township as of one day — one set-based SQL statement (every join is an indexed range), so the
 * cost grows with the records in force, not with history length. City figures are sums of the
 * township figures, never a separate computation.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { addDays } from '../time/dates.ts';
import { DELIBERATION_WINDOW_DAYS, PETITION_WINDOW_DAYS } from './definitions.ts';

export interface ScopeCounts {
  compounds: number;
  households: number;
  withPartyOrg: number;
  withCommittee: number;
  withRecentMeeting: number;
  /** Under property management on D with at least one evaluation on or before D. */
  managedEvaluated: number;
  /** …of which the latest evaluation is 4 or 5 stars. */
  managedFourStarPlus: number;
  /** Petitions + disputes received in the window. */
  petitions: number;
  // Secondary figures.
  managed: number;
  partyMajorityCommittees: number;
  /** Committees in office whose chair is also the compound's party secretary (一肩挑). */
  chairIsSecretary: number;
  openIssues: number;
  overdueIssues: number;
  ratings: Record<'5' | '4' | '3' | '2' | '1' | 'fail', number>;
  modelHomes: number;
}

export const EMPTY_COUNTS: ScopeCounts = {
  compounds: 0, households: 0, withPartyOrg: 0, withCommittee: 0, withRecentMeeting: 0, managedEvaluated: 0,
  managedFourStarPlus: 0, petitions: 0, managed: 0, partyMajorityCommittees: 0, chairIsSecretary: 0,
  openIssues: 0, overdueIssues: 0, ratings: { '5': 0, '4': 0, '3': 0, '2': 0, '1': 0, fail: 0 }, modelHomes: 0,
};

export function addCounts(a: ScopeCounts, b: ScopeCounts): ScopeCounts {
  const out = { ...a, ratings: { ...a.ratings } };
  for (const key of Object.keys(b) as (keyof ScopeCounts)[]) {
    if (key === 'ratings') for (const r of Object.keys(b.ratings) as (keyof ScopeCounts['ratings'])[]) out.ratings[r] += b.ratings[r];
    else out[key] += b[key];
  }
  return out;
}

type Row = Record<string, unknown> & { township_code: string };

/** Counts per township code for every township (townships without compounds get zeros). */
export async function indicatorCountsAsOf(db: Db, asOf: string): Promise<Map<string, ScopeCounts>> {
  const d = sql`${asOf}::date`;
  const meetingFrom = addDays(asOf, -(DELIBERATION_WINDOW_DAYS - 1));
  const petitionFrom = addDays(asOf, -(PETITION_WINDOW_DAYS - 1));
  const rows = await queryRows<Row>(
    db,
    sql`
    with scope as (
      select id, township_code, households, model_home_since from compounds where listed_on <= ${d}
    ),
    org as (
      select distinct compound_id from party_organisations
      where established_on <= ${d} and (dissolved_on is null or ${d} < dissolved_on)
    ),
    committee as (
      select distinct on (compound_id) compound_id, members, party_members, chair_is_party_secretary from committee_terms
      where formed_on <= ${d} and ${d} < term_end and (ended_on is null or ${d} < ended_on)
      order by compound_id, formed_on desc
    ),
    meeting as (
      select distinct compound_id from meetings where held_on between ${meetingFrom}::date and ${d}
    ),
    managed as (
      select distinct compound_id from property_contracts where start_on <= ${d} and (end_on is null or ${d} < end_on)
    ),
    latest_eval as (
      select distinct on (compound_id) compound_id, rating from evaluations
      where evaluated_on <= ${d} order by compound_id, evaluated_on desc, id desc
    ),
    petition as (
      select compound_id, count(*) as n from petitions where received_on between ${petitionFrom}::date and ${d} group by compound_id
    ),
    issue as (
      select compound_id, count(*) as open, count(*) filter (where due_on < ${d}) as overdue from resident_issues
      where coalesce(closed_on, '9999-12-31'::date) > ${d} and opened_on <= ${d} group by compound_id
    )
    select t.code as township_code,
      count(s.id)::int as compounds,
      coalesce(sum(s.households), 0)::int as households,
      count(org.compound_id)::int as with_party_org,
      count(committee.compound_id)::int as with_committee,
      count(meeting.compound_id)::int as with_recent_meeting,
      count(*) filter (where managed.compound_id is not null and latest_eval.compound_id is not null)::int as managed_evaluated,
      count(*) filter (where managed.compound_id is not null and latest_eval.rating in ('5', '4'))::int as managed_four_star_plus,
      coalesce(sum(petition.n), 0)::int as petitions,
      count(managed.compound_id)::int as managed,
      count(*) filter (where committee.party_members * 2 >= committee.members)::int as party_majority_committees,
      count(*) filter (where committee.chair_is_party_secretary)::int as chair_is_secretary,
      coalesce(sum(issue.open), 0)::int as open_issues,
      coalesce(sum(issue.overdue), 0)::int as overdue_issues,
      count(*) filter (where managed.compound_id is not null and latest_eval.rating = '5')::int as r5,
      count(*) filter (where managed.compound_id is not null and latest_eval.rating = '4')::int as r4,
      count(*) filter (where managed.compound_id is not null and latest_eval.rating = '3')::int as r3,
      count(*) filter (where managed.compound_id is not null and latest_eval.rating = '2')::int as r2,
      count(*) filter (where managed.compound_id is not null and latest_eval.rating = '1')::int as r1,
      count(*) filter (where managed.compound_id is not null and latest_eval.rating = 'fail')::int as rfail,
      count(*) filter (where s.model_home_since <= ${d})::int as model_homes
    from townships t
    left join scope s on s.township_code = t.code
    left join org on org.compound_id = s.id
    left join committee on committee.compound_id = s.id
    left join meeting on meeting.compound_id = s.id
    left join managed on managed.compound_id = s.id
    left join latest_eval on latest_eval.compound_id = s.id
    left join petition on petition.compound_id = s.id
    left join issue on issue.compound_id = s.id
    group by t.code
    order by t.code`,
  );
  const n = (row: Row, key: string) => Number(row[key] ?? 0);
  return new Map(
    rows.map((row) => [
      row.township_code,
      {
        compounds: n(row, 'compounds'),
        households: n(row, 'households'),
        withPartyOrg: n(row, 'with_party_org'),
        withCommittee: n(row, 'with_committee'),
        withRecentMeeting: n(row, 'with_recent_meeting'),
        managedEvaluated: n(row, 'managed_evaluated'),
        managedFourStarPlus: n(row, 'managed_four_star_plus'),
        petitions: n(row, 'petitions'),
        managed: n(row, 'managed'),
        partyMajorityCommittees: n(row, 'party_majority_committees'),
        chairIsSecretary: n(row, 'chair_is_secretary'),
        openIssues: n(row, 'open_issues'),
        overdueIssues: n(row, 'overdue_issues'),
        ratings: { '5': n(row, 'r5'), '4': n(row, 'r4'), '3': n(row, 'r3'), '2': n(row, 'r2'), '1': n(row, 'r1'), fail: n(row, 'rfail') },
        modelHomes: n(row, 'model_homes'),
      },
    ]),
  );
}
