/**
 * Each township's compounds counted per coverage-layer class on a day, in one SQL statement over
 * the stored state ranges (the range of each compound containing the day: one GiST probe, as
 * compoundStateRanges.ts reads the whole city) — what `townshipClassCounts` counts in JS from
 * every compound's row, without sending the city's rows to Node (×100: 35 000 rows read and
 * classed per change; here one aggregate of a few dozen rows). Each class's predicate is
 * `classOf`'s (shared/compounds/compoundClasses.ts) written in SQL; a test checks the two agree on
 * a scaled city (tests/server/services/wall/townshipClassCountsSql.test.ts). Null while the ranges
 * are not built (checked in the same statement, so one snapshot): the caller counts in JS then.
 */
import { sql, type SQL } from 'drizzle-orm';
import { LAYER_CLASS_IDS, type CoverageLayer } from '../../../shared/compounds/compoundClasses.ts';
import type { LayerClassCounts, TownshipClassCounts } from '../../../shared/wall/wallCompounds.ts';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { whenTimelineBuilt } from '../metrics/countsTimeline.ts';

/** `classOf` per layer and class, over a state range `r` (a contract's company id: managed). */
const CLASS_SQL: { [L in CoverageLayer]: Record<(typeof LAYER_CLASS_IDS)[L][number], SQL> } = {
  party: {
    standalone: sql`r.party_org_type = 'standalone'`,
    combined: sql`r.party_org_type = 'combined'`,
    joint: sql`r.party_org_type = 'joint'`,
    none: sql`r.party_org_type is null`,
  },
  committee: {
    partyMajority: sql`r.committee_in_office and r.committee_party_majority`,
    inOffice: sql`r.committee_in_office and not r.committee_party_majority`,
    none: sql`not r.committee_in_office`,
  },
  rating: {
    '5': sql`r.property_company_id is not null and r.rating = '5'`,
    '4': sql`r.property_company_id is not null and r.rating = '4'`,
    '3': sql`r.property_company_id is not null and r.rating = '3'`,
    '2': sql`r.property_company_id is not null and r.rating = '2'`,
    '1': sql`r.property_company_id is not null and r.rating = '1'`,
    fail: sql`r.property_company_id is not null and r.rating = 'fail'`,
    notEvaluated: sql`r.property_company_id is not null and r.rating is null`,
    unmanaged: sql`r.property_company_id is null`,
  },
  issues: {
    overdue: sql`r.overdue_issues > 0`,
    open: sql`r.overdue_issues <= 0 and r.open_issues > 0`,
    none: sql`r.overdue_issues <= 0 and r.open_issues <= 0`,
  },
};

/** Every (layer, class) with its result column name, in legend order. */
const CLASS_COLUMNS = (Object.keys(CLASS_SQL) as CoverageLayer[]).flatMap((layer) =>
  Object.entries(CLASS_SQL[layer] as Record<string, SQL>).map(([id, when], i) => ({
    layer,
    id,
    when,
    column: `${layer}_${i}`,
  })),
);

type Row = { built: boolean; code: string | null; compounds: number | string; households: number | string } & Record<
  string,
  unknown
>;

export async function townshipClassCountsSql(db: Db, asOf: string): Promise<TownshipClassCounts[] | null> {
  const d = sql`${asOf}::date`;
  const counts = sql.join(
    CLASS_COLUMNS.map((c) => sql`count(*) filter (where ${c.when}) as ${sql.identifier(c.column)}`),
    sql`, `,
  );
  const rows = await queryRows<Row>(
    db,
    whenTimelineBuilt(
      sql`
      select c.township_code as code, count(*) as compounds, sum(c.households) as households,
        avg(c.lon) as lon, avg(c.lat) as lat, ${counts}
      from compound_state_ranges r
      join compounds c on c.id = r.compound_id
      where r.during @> ${d} and c.listed_on <= ${d}
      group by c.township_code
    `,
      sql`x.code`,
    ),
  );
  if (!rows[0]?.built) return null;
  return rows
    .filter((r) => r.code !== null && r.code !== undefined)
    .map((r) => {
      const classes: LayerClassCounts = { party: {}, committee: {}, rating: {}, issues: {} };
      // As the JS count: a class with no compound is absent, not zero.
      for (const c of CLASS_COLUMNS) {
        const n = Number(r[c.column]);
        if (n > 0) classes[c.layer][c.id] = n;
      }
      return {
        code: r.code!,
        compounds: Number(r.compounds),
        households: Number(r.households),
        lon: Number(r.lon),
        lat: Number(r.lat),
        classes,
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
