/**
 * The dashboard map's data for one view on a date (map.view): the compounds in it when they are
 * few enough to draw one by one, else aggregates counted in SQL — per township at low zoom, per
 * grid cell in between — so what travels and what is drawn stays small whatever the number of
 * compounds (×1000: 347,000). Read-only; map.view memoises each answer per data revision.
 */
import { sql } from 'drizzle-orm';
import type { CompoundStatus } from '../../../shared/compounds/compoundStatus.ts';
import {
  cellSizeDeg,
  MAP_ROW_CAP,
  mapViewKind,
  type CompoundAggregate,
  type ViewBox,
} from '../../../shared/map/mapView.ts';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { compoundStatusAsOf } from '../compounds/compoundStatus.ts';

export type MapViewAnswer =
  | {
      kind: 'compounds';
      /** Compounds listed on the date within the view (the whole city without a view). */
      total: number;
      /** Every one of them, or the MAP_ROW_CAP largest when `total` is higher. */
      rows: CompoundStatus[];
    }
  | { kind: 'townships' | 'cells'; total: number; aggregates: CompoundAggregate[]; cellDeg: number | null };

export interface MapViewQuery {
  asOf: string;
  /** Null: the whole city (the first view, before the map has said what it shows). */
  bbox: ViewBox | null;
  zoom: number | null;
}

export async function mapView(db: Db, query: MapViewQuery): Promise<MapViewAnswer> {
  const { asOf, bbox, zoom } = query;
  const d = sql`${asOf}::date`;
  const within = bbox
    ? sql`and c.lon between ${bbox[0]} and ${bbox[2]} and c.lat between ${bbox[1]} and ${bbox[3]}`
    : sql``;
  const [counted] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from compounds c where c.listed_on <= ${d} ${within}`,
  );
  const total = Number(counted?.n ?? 0);
  const kind = mapViewKind(total, zoom);
  if (kind === 'compounds') {
    const rows =
      total <= MAP_ROW_CAP && !bbox
        ? await compoundStatusAsOf(db, asOf)
        : await compoundStatusAsOf(db, asOf, undefined, { bbox: bbox ?? WORLD, limit: MAP_ROW_CAP });
    return { kind, total, rows };
  }
  const cellDeg = kind === 'cells' ? cellSizeDeg(zoom ?? 0) : null;
  const key = cellDeg
    ? sql`floor(c.lon / ${cellDeg})::int || ':' || floor(c.lat / ${cellDeg})::int`
    : sql`c.township_code`;
  const rows = await queryRows<{
    key: string;
    lon: number;
    lat: number;
    compounds: number | string;
    households: number | string;
  }>(
    db,
    sql`select ${key} as key, avg(c.lon)::float8 as lon, avg(c.lat)::float8 as lat,
        count(*) as compounds, sum(c.households) as households
      from compounds c where c.listed_on <= ${d} ${within}
      group by 1 order by 1`,
  );
  return {
    kind,
    total,
    cellDeg,
    aggregates: rows.map((r) => ({
      key: String(r.key),
      lon: Number(r.lon),
      lat: Number(r.lat),
      compounds: Number(r.compounds),
      households: Number(r.households),
    })),
  };
}

const WORLD: ViewBox = [-180, -90, 180, 90];
