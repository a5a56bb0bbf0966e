/**
 * Every compound in scope on a date with its status on that date: the row behind the map,
 * the compound table and `onemap export compounds`. One SQL statement, so it costs the same
 * on PGlite and PostgreSQL and can be checked against independent recomputation in tests.
 */
import { sql } from 'drizzle-orm';
import { isPartyMajority } from '../../../shared/indicators/committeeRate.ts';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import type { CompoundKind, CompoundStatus, PartyOrgType, Rating } from '../../../shared/compounds/compoundStatus.ts';
import type { ViewBox } from '../../../shared/map/mapView.ts';

// The plain types live in shared/ (the client classes and filters the same rows); re-exported for
// the server modules that read them with the query.
export type { CompoundKind, CompoundStatus, PartyOrgType };

interface Row extends Record<string, unknown> {
  id: number;
  code: string;
  name: string;
  township_code: string;
  township_name: string;
  community: string | null;
  lon: number;
  lat: number;
  households: number;
  kind: CompoundKind;
  property_company: string | null;
  party_org_type: PartyOrgType | null;
  committee_members: number | null;
  committee_party_members: number | null;
  last_meeting_date: string | Date | null;
  rating: Rating | null;
  open_issues: number | string;
  overdue_issues: number | string;
}

/** The compounds of a map view: those within `bbox`, the `limit` largest (by households) when there are more. */
export interface StatusWithin {
  bbox: ViewBox;
  limit: number;
}

/** Half-open ranges: a record holds on D when start <= D and (end is null or D < end). */
export async function compoundStatusAsOf(
  db: Db,
  asOf: string,
  townshipCode?: string,
  within?: StatusWithin,
): Promise<CompoundStatus[]> {
  const d = sql`${asOf}::date`;
  // The view's compounds are chosen first, so the per-compound lookups below run for them alone.
  const inView = within
    ? sql`and c.id in (select v.id from compounds v
        where v.listed_on <= ${d} and v.lon between ${within.bbox[0]} and ${within.bbox[2]}
          and v.lat between ${within.bbox[1]} and ${within.bbox[3]}
        order by v.households desc, v.id limit ${within.limit})`
    : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`
    select c.id, c.code, c.name, c.township_code, t.name as township_name, cm.name as community,
      c.lon, c.lat, c.households, c.kind,
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
    join townships t on t.code = c.township_code
    left join communities cm on cm.id = c.community_id
    left join lateral (
      select p.name as company_name from property_contracts k join property_companies p on p.id = k.company_id
      where k.compound_id = c.id and k.start_on <= ${d} and (k.end_on is null or ${d} < k.end_on)
      order by k.start_on desc limit 1) pc on true
    left join lateral (
      select o.type from party_organisations o
      where o.compound_id = c.id and o.established_on <= ${d} and (o.dissolved_on is null or ${d} < o.dissolved_on)
      order by o.established_on desc limit 1) po on true
    left join lateral (
      select x.members, x.party_members from committee_terms x
      where x.compound_id = c.id and x.formed_on <= ${d} and ${d} < x.term_end and (x.ended_on is null or ${d} < x.ended_on)
      order by x.formed_on desc limit 1) ct on true
    left join lateral (
      select e.rating from evaluations e where e.compound_id = c.id and e.evaluated_on <= ${d}
      order by e.evaluated_on desc, e.id desc limit 1) ev on true
    where c.listed_on <= ${d} ${townshipCode ? sql`and c.township_code = ${townshipCode}` : sql``} ${inView}
    order by c.code`,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    townshipCode: r.township_code,
    townshipName: r.township_name,
    community: r.community ?? '',
    lon: Number(r.lon),
    lat: Number(r.lat),
    households: r.households,
    kind: r.kind,
    propertyManaged: r.property_company !== null,
    propertyCompany: r.property_company,
    partyOrgType: r.party_org_type,
    committeeInOffice: r.committee_members !== null,
    committeePartyMajority:
      r.committee_members !== null && isPartyMajority(r.committee_members, r.committee_party_members ?? 0),
    lastMeetingDate: r.last_meeting_date === null ? null : String(r.last_meeting_date).slice(0, 10),
    rating: r.rating,
    openIssues: Number(r.open_issues),
    overdueIssues: Number(r.overdue_issues),
  }));
}
