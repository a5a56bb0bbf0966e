/**
 * What the wall draws from the compounds (wall.compounds), in a form whose size does not grow with
 * the city: every compound when there are few (MAP_ROW_CAP; the demo's 347 always), as the wall
 * always had them; else each township's compounds counted per coverage-layer class (the layer
 * scenes' legends, bars and township bubbles); this week's started / stopped lagging (wall.movers,
 * the first WALL_LIST_CAP of each and how many) and the spotlit township's lagging compounds
 * (wall.lagging, capped alike) come apart, each asked for as its scene comes up. Pure: the wall
 * counts its rows with these functions when it has them, and the server with the same ones or
 * (above the cap, ranges built) with their SQL twin, which a test holds to them, so both say the
 * same figures.
 */
import { classOf, COVERAGE_LAYERS, type ClassedCompound, type CoverageLayer } from '../compounds/compoundClasses.ts';
import type { CompoundStatus } from '../compounds/compoundStatus.ts';
import { laggingCompounds } from '../review/laggingCompounds.ts';

/**
 * The most compounds of one list sent to a wall: more than a screen holds (the spotlight's list
 * fits 12 a column on up to 3 columns, a movers panel about 16 lines on 2), so the cap never shows.
 */
export const WALL_LIST_CAP = 40;

/** Compounds per class id, for each coverage layer. */
export type LayerClassCounts = Record<CoverageLayer, Record<string, number>>;

/** One township's compounds counted per class; its bubble goes at `lon`/`lat` (their mean position). */
export interface TownshipClassCounts {
  code: string;
  compounds: number;
  households: number;
  lon: number;
  lat: number;
  classes: LayerClassCounts;
}

/** A township's lagging compounds: the first WALL_LIST_CAP rows in laggingCompounds' order, and how many. */
export interface TownshipLaggingRows {
  code: string;
  count: number;
  rows: CompoundStatus[];
}

export type WallCompounds =
  | { kind: 'compounds'; total: number; rows: CompoundStatus[] }
  | {
      kind: 'townships';
      total: number;
      townships: TownshipClassCounts[];
    };

type CountedCompound = ClassedCompound & Pick<CompoundStatus, 'townshipCode' | 'households' | 'lon' | 'lat'>;

const noClasses = (): LayerClassCounts => ({ party: {}, committee: {}, rating: {}, issues: {} });

/** Each township's compounds counted per class of every layer, by township code. */
export function townshipClassCounts(rows: readonly CountedCompound[]): TownshipClassCounts[] {
  const byCode = new Map<string, TownshipClassCounts>();
  for (const c of rows) {
    let t = byCode.get(c.townshipCode);
    if (!t) {
      t = { code: c.townshipCode, compounds: 0, households: 0, lon: 0, lat: 0, classes: noClasses() };
      byCode.set(c.townshipCode, t);
    }
    t.compounds += 1;
    t.households += c.households;
    // Sums first, divided below: the mean position.
    t.lon += c.lon;
    t.lat += c.lat;
    for (const layer of COVERAGE_LAYERS) {
      const id = classOf(layer, c);
      t.classes[layer][id] = (t.classes[layer][id] ?? 0) + 1;
    }
  }
  return [...byCode.values()]
    .map((t) => ({ ...t, lon: t.lon / t.compounds, lat: t.lat / t.compounds }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** One layer's class counts over some townships (the whole city, or one). */
export function layerClassCounts(
  townships: readonly Pick<TownshipClassCounts, 'classes'>[],
  layer: CoverageLayer,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of townships) for (const [id, n] of Object.entries(t.classes[layer])) counts[id] = (counts[id] ?? 0) + n;
  return counts;
}

/** Each township's lagging compounds on `asOf`: the first `limit` rows (most reasons first) and the count. */
export function townshipLaggingRows(
  rows: readonly CompoundStatus[],
  asOf: string,
  limit = WALL_LIST_CAP,
): TownshipLaggingRows[] {
  const byCode = new Map(rows.map((c) => [c.code, c]));
  const found = new Map<string, TownshipLaggingRows>();
  for (const l of laggingCompounds(rows, asOf)) {
    let t = found.get(l.townshipCode);
    if (!t) {
      t = { code: l.townshipCode, count: 0, rows: [] };
      found.set(l.townshipCode, t);
    }
    t.count += 1;
    if (t.rows.length < limit) t.rows.push(byCode.get(l.code)!);
  }
  return [...found.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
