/**
 * Every compound in scope on a date with its status on that date: the row behind the map,
 * the compound table and `onemap export compounds`. Answered from the stored state ranges (one
 * range probe for all compounds, compoundStateRanges.ts) once they are built; from the records
 * directly (the definition they are checked against) otherwise. One SQL statement either way, so
 * it costs the same on PGlite and PostgreSQL and can be checked against independent recomputation.
 */
import { sql } from 'drizzle-orm';
import { isPartyMajority } from '../../../shared/indicators/committeeRate.ts';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import type { CompoundKind, CompoundStatus, PartyOrgType } from '../../../shared/compounds/compoundStatus.ts';
import { compoundStatesAsOf } from './compoundStateRanges.ts';
import {
  COMPOUND_COLUMNS,
  COMPOUND_JOINS,
  inScope,
  statusFromColumns,
  type StatusColumns,
  type StatusWithin,
} from './statusColumns.ts';

// The plain types live in shared/ (the client classes and filters the same rows); re-exported for
// the server modules that read them with the query.
export type { CompoundKind, CompoundStatus, PartyOrgType };
export type { StatusWithin };

type Row = Omit<StatusColumns, 'committee_in_office' | 'committee_party_majority'> & {
  committee_members: number | null;
  committee_party_members: number | null;
};

/** Half-open ranges: a record holds on D when start <= D and (end is null or D < end). */
export async function compoundStatusAsOf(
  db: Db,
  asOf: string,
  townshipCode?: string,
  within?: StatusWithin,
): Promise<CompoundStatus[]> {
  const states = await compoundStatesAsOf(db, asOf, townshipCode, within);
  return states ? states.map((s) => s.status) : directCompoundStatusAsOf(db, asOf, townshipCode, within);
}

/**
 * The definition, from the records: each compound with its latest contract, organisation and
 * committee in force (ties: the higher id), its last meeting, latest evaluation and open issues.
 */
export async function directCompoundStatusAsOf(
  db: Db,
  asOf: string,
  townshipCode?: string,
  within?: StatusWithin,
): Promise<CompoundStatus[]> {
  const d = sql`${asOf}::date`;
  const rows = await queryRows<Row>(
    db,
    sql`
    select ${COMPOUND_COLUMNS},
      pc.company_name as property_company,
      po.type as party_org_type,
      ct.members as committee_members, ct.party_members as committee_party_members,
      (select max(m.held_on) from meetings m where m.compound_id = c.id and m.held_on <= ${d})::text as last_meeting_date,
      case when pc.company_name is not null then ev.rating end as rating,
      (select count(*) from resident_issues i where i.compound_id = c.id and i.opened_on <= ${d}
         and (i.closed_on is null or i.closed_on > ${d}))::int as open_issues,
      (select count(*) from resident_issues i where i.compound_id = c.id and i.opened_on <= ${d}
         and (i.closed_on is null or i.closed_on > ${d}) and i.due_on < ${d})::int as overdue_issues
    from compounds c
    ${COMPOUND_JOINS}
    left join lateral (
      select p.name as company_name from property_contracts k join property_companies p on p.id = k.company_id
      where k.compound_id = c.id and k.start_on <= ${d} and (k.end_on is null or ${d} < k.end_on)
      order by k.start_on desc, k.id desc limit 1) pc on true
    left join lateral (
      select o.type from party_organisations o
      where o.compound_id = c.id and o.established_on <= ${d} and (o.dissolved_on is null or ${d} < o.dissolved_on)
      order by o.established_on desc, o.id desc limit 1) po on true
    left join lateral (
      select x.members, x.party_members from committee_terms x
      where x.compound_id = c.id and x.formed_on <= ${d} and ${d} < x.term_end and (x.ended_on is null or ${d} < x.ended_on)
      order by x.formed_on desc, x.id desc limit 1) ct on true
    left join lateral (
      select e.rating from evaluations e where e.compound_id = c.id and e.evaluated_on <= ${d}
      order by e.evaluated_on desc, e.id desc limit 1) ev on true
    where ${inScope(d, townshipCode, within)}
    order by c.code`,
  );
  return rows.map((r) =>
    statusFromColumns({
      ...r,
      committee_in_office: r.committee_members !== null,
      committee_party_majority:
        r.committee_members !== null && isPartyMajority(r.committee_members, r.committee_party_members ?? 0),
    }),
  );
}
