/**
 * Every compound's state on a day from the stored state ranges (table compound_state_ranges,
 * kept by the writing transaction: server/services/metrics/stateRangesSql.ts): the one range of
 * each compound that contains the day, instead of reading every record. For the whole city that
 * is one GiST probe of `during @> D`; for a township or a map view, one btree probe per compound
 * (its last range starting on or before D), which does not read the rest of the city. A
 * pure read; null while the ranges are not built (a bulk load deferring to one rebuild, seen from
 * inside; a fresh restore), and the caller then answers from the records. The check that they
 * are built is part of the same statement, so it and the ranges are one snapshot.
 */
import { sql } from 'drizzle-orm';
import type { CompoundStatus } from '../../../shared/compounds/compoundStatus.ts';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { whenTimelineBuilt } from '../metrics/countsTimeline.ts';
import {
  COMPOUND_COLUMNS,
  COMPOUND_JOINS,
  inScope,
  statusFromColumns,
  type StatusColumns,
  type StatusWithin,
} from './statusColumns.ts';

/** A compound on a day: its status, and what the indicators' reasons read beyond it. */
export interface CompoundState {
  status: CompoundStatus;
  /** Petitions and disputes received in the 28 days ending on the day. */
  petitions: number;
  /** How the latest committee formed by the day ends (early, or at its term's end); null: none formed yet. */
  lastCommittee: { endsOn: string; endedEarly: boolean } | null;
}

type Row = Partial<StatusColumns> & {
  built: boolean;
  petitions: number | null;
  committee_fact_on: string | null;
  committee_fact_ended: boolean | null;
};

export async function compoundStatesAsOf(
  db: Db,
  asOf: string,
  townshipCode?: string,
  within?: StatusWithin,
): Promise<CompoundState[] | null> {
  const d = sql`${asOf}::date`;
  const perCompound = townshipCode !== undefined || within !== undefined;
  const range = perCompound
    ? sql`from compounds c
      join lateral (
        select * from compound_state_ranges x where x.compound_id = c.id and lower(x.during) <= ${d}
        order by lower(x.during) desc limit 1
      ) r on r.during @> ${d}`
    : sql`from compound_state_ranges r
      join compounds c on c.id = r.compound_id`;
  const rows = await queryRows<Row>(
    db,
    whenTimelineBuilt(
      sql`
      select ${COMPOUND_COLUMNS},
        p.name as property_company, r.party_org_type, r.committee_in_office, r.committee_party_majority,
        r.last_meeting_on::text as last_meeting_date, r.rating, r.open_issues, r.overdue_issues,
        r.petitions, r.committee_fact_on::text as committee_fact_on, r.committee_fact_ended
      ${range}
      ${COMPOUND_JOINS}
      left join property_companies p on p.id = r.property_company_id
      where r.during @> ${d} and ${inScope(d, townshipCode, within)}
    `,
      sql`x.code`,
    ),
  );
  if (!rows[0]?.built) return null;
  return rows
    .filter((r) => r.id !== null && r.id !== undefined)
    .map((r) => ({
      status: statusFromColumns(r as StatusColumns),
      petitions: Number(r.petitions),
      lastCommittee:
        r.committee_fact_on === null
          ? null
          : { endsOn: String(r.committee_fact_on).slice(0, 10), endedEarly: r.committee_fact_ended === true },
    }));
}
