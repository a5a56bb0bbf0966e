/**
 * Numerators and denominators of the five indicators, and the secondary figures, for every
 * township as of one day. Answered from the counts timeline (countsTimeline.ts, 19 index probes);
 * the direct set-based statement below is the definition it is checked against and the fallback.
 * City figures are sums of the township figures, never a separate computation.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { addDays } from '../../../shared/time/dates.ts';
import { timelineCountsAsOf } from './countsTimeline.ts';
import { DELIBERATION_WINDOW_DAYS, PETITION_WINDOW_DAYS } from '../../../shared/indicators/index.ts';
import { countsFromRow, type CountsRow, type ScopeCounts } from './scopeCounts.ts';

export { addCounts, EMPTY_COUNTS, type ScopeCounts } from './scopeCounts.ts';

/**
 * Counts per township code for every township (townships without compounds get zeros): from
 * the counts timeline (kept current by every write), or directly from the records while it is
 * not built. A pure read either way.
 */
export async function indicatorCountsAsOf(db: Db, asOf: string): Promise<Map<string, ScopeCounts>> {
  return (await timelineCountsAsOf(db, asOf)) ?? directIndicatorCountsAsOf(db, asOf);
}

/**
 * The definition, computed directly from the records in one statement: every compound in scope
 * joined with its seven per-compound sets (≈ 650 ms per day at ×100: the latest evaluation per
 * compound, the open issues and the joins). The timeline must always equal it.
 */
export async function directIndicatorCountsAsOf(db: Db, asOf: string): Promise<Map<string, ScopeCounts>> {
  const d = sql`${asOf}::date`;
  const meetingFrom = addDays(asOf, -(DELIBERATION_WINDOW_DAYS - 1));
  const petitionFrom = addDays(asOf, -(PETITION_WINDOW_DAYS - 1));
  const rows = await queryRows<CountsRow>(
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
      order by compound_id, formed_on desc, id desc
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
  return new Map(rows.map((row) => [row.township_code, countsFromRow(row)]));
}
