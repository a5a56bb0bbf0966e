/**
 * What the dashboard's map draws for a view, decided on the server from how many compounds the
 * view holds (map.view): every compound when there are few (a city like the demo's 347 always),
 * else townships at low zoom, a grid of cells in between, and the view's compounds (capped) when
 * zoomed in. Pure: the server decides with it and the client snaps its requests with it, so a
 * small pan asks the same question again and the server's per-revision memo answers it.
 */

/** [west, south, east, north] in WGS84 degrees. */
export type ViewBox = readonly [number, number, number, number];

/**
 * The most compounds drawn one by one: at and below it the map draws every compound in view, as
 * it always did at ×1 (347); above it, aggregates. 4,000 points draw within a frame of a bare
 * maplibre map in software WebGL (BENCHMARKS.md, "Map client": ×1 and ×100 figures).
 */
export const MAP_ROW_CAP = 4000;

/**
 * Below this zoom, a view holding more than MAP_ROW_CAP compounds shows one bubble per township:
 * the whole city fits at about 11.6 on a 1080p screen, 11 on a laptop.
 */
export const TOWNSHIP_ZOOM_BELOW = 12;

/** From this zoom on, the view's compounds are drawn (the MAP_ROW_CAP largest when there are more). */
export const COMPOUND_ZOOM_FROM = 14;

export type MapViewKind = 'compounds' | 'townships' | 'cells';

/** How the map shows a view holding `total` compounds at `zoom` (null: the whole city, first view). */
export function mapViewKind(total: number, zoom: number | null): MapViewKind {
  if (total <= MAP_ROW_CAP) return 'compounds';
  if (zoom === null || zoom < TOWNSHIP_ZOOM_BELOW) return 'townships';
  if (zoom >= COMPOUND_ZOOM_FROM) return 'compounds';
  return 'cells';
}

/**
 * The grid's cell side in degrees at a zoom: about 48 screen pixels (a 256-pixel tile spans
 * 360 / 2^zoom degrees of longitude), halved per zoom level so a cell stays the same size on screen.
 */
export function cellSizeDeg(zoom: number): number {
  return 360 / 2 ** Math.floor(zoom) / (256 / 48);
}

/**
 * A view snapped outward to a grid two tiles wide at its zoom (and the zoom
 * to a whole level), so the requests of a pan that stays within it are the same request.
 */
export function snapView(box: ViewBox, zoom: number): { bbox: [number, number, number, number]; zoom: number } {
  const level = Math.max(0, Math.floor(zoom));
  const step = (2 * 360) / 2 ** level;
  const down = (v: number) => Math.floor(v / step) * step;
  const up = (v: number) => Math.ceil(v / step) * step;
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, Number(v.toFixed(6))));
  return {
    bbox: [clamp(down(box[0]), 180), clamp(down(box[1]), 90), clamp(up(box[2]), 180), clamp(up(box[3]), 90)],
    zoom: level,
  };
}

/** Whether `inner` lies within `outer`. */
export function containsBox(outer: ViewBox, inner: ViewBox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/** Compounds aggregated: per township (`key` = its code) or per grid cell (`key` = "x:y"). */
export interface CompoundAggregate {
  key: string;
  /** Where the bubble goes: the mean position of its compounds. */
  lon: number;
  lat: number;
  compounds: number;
  households: number;
}
