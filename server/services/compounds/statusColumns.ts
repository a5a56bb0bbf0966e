/**
 * What the two ways of answering a compound's status on a day share: the compound's own columns
 * and joins, the map view's choice of compounds, and the row as the screens get it. The state on
 * the day comes either from the stored ranges (compoundStateRanges.ts) or from the records
 * (compoundStatus.ts); both end in `statusFromColumns`, so they cannot differ in shape.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CompoundKind, CompoundStatus, PartyOrgType, Rating } from '../../../shared/compounds/compoundStatus.ts';
import type { ViewBox } from '../../../shared/map/mapView.ts';

/** The compounds of a map view: those within `bbox`, the `limit` largest (by households) when there are more. */
export interface StatusWithin {
  bbox: ViewBox;
  limit: number;
}

/** The compound's own columns (alias c), its township (t) and community (cm). */
export const COMPOUND_COLUMNS = sql`c.id, c.code, c.name, c.township_code, t.name as township_name, cm.name as community,
      c.lon, c.lat, c.households, c.kind`;
export const COMPOUND_JOINS = sql`join townships t on t.code = c.township_code
    left join communities cm on cm.id = c.community_id`;

/** The compounds in scope on `d` (listed by then), of one township or one map view when asked. */
export function inScope(d: SQL, townshipCode?: string, within?: StatusWithin): SQL {
  // The view's compounds are chosen first, so the per-compound lookups run for them alone.
  const inView = within
    ? sql`and c.id in (select v.id from compounds v
        where v.listed_on <= ${d} and v.lon between ${within.bbox[0]} and ${within.bbox[2]}
          and v.lat between ${within.bbox[1]} and ${within.bbox[3]}
        order by v.households desc, v.id limit ${within.limit})`
    : sql``;
  return sql`c.listed_on <= ${d} ${townshipCode ? sql`and c.township_code = ${townshipCode}` : sql``} ${inView}`;
}

export interface StatusColumns {
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
  committee_in_office: boolean;
  committee_party_majority: boolean;
  last_meeting_date: string | Date | null;
  rating: Rating | null;
  open_issues: number | string;
  overdue_issues: number | string;
}

export function statusFromColumns(r: StatusColumns): CompoundStatus {
  return {
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
    committeeInOffice: r.committee_in_office,
    committeePartyMajority: r.committee_party_majority,
    lastMeetingDate: r.last_meeting_date === null ? null : String(r.last_meeting_date).slice(0, 10),
    rating: r.rating,
    openIssues: Number(r.open_issues),
    overdueIssues: Number(r.overdue_issues),
  };
}
