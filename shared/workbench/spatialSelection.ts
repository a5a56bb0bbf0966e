/**
 * A selection drawn on the map — a polygon, a rectangle or a radius around a point — and which
 * compounds fall inside it (turf). Kept in the workbench URL as text:
 *   poly:lon,lat;lon,lat;lon,lat[;…]   rect:west,south,east,north   circle:lon,lat,metres
 * Pure; shared by the client and the tests.
 */
import { booleanPointInPolygon, circle, distance, point, polygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { Bounds } from '../city/cityDefinition.ts';

export type Position = [number, number];

export type SpatialSelection =
  | { kind: 'polygon'; ring: Position[] }
  | { kind: 'rect'; bbox: [number, number, number, number] }
  | { kind: 'circle'; centre: Position; radiusM: number };

/**
 * How far past the city's map extent a selection may reach, in degrees (≈ 50 km): a radius drawn
 * at the edge of the city may be centred outside it, but a selection in another province is a
 * broken or foreign link.
 */
export const SELECTION_MARGIN_DEG = 0.5;
const MAX_VERTICES = 200;
const MAX_RADIUS_M = 60_000;

/** The box selections must lie in: the city's extent [west, south, east, north] grown by the margin. */
export function selectionRegion(cityBounds: Bounds): Bounds {
  const [w, s, e, n] = cityBounds;
  const m = SELECTION_MARGIN_DEG;
  return [w - m, s - m, e + m, n + m];
}
const round = (v: number) => Math.round(v * 1e6) / 1e6;

function numbers(text: string, separator: string): number[] | null {
  const parts = text.split(separator);
  const values = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  return values.every(Number.isFinite) ? values : null;
}

/** Parses the URL text; null when it is not a valid selection inside the city's selection region. */
export function parseSelection(text: string, cityBounds: Bounds): SpatialSelection | null {
  const [west, south, east, north] = selectionRegion(cityBounds);
  const inRegion = ([lon, lat]: Position) => lon >= west && lon <= east && lat >= south && lat <= north;
  const [kind, body = ''] = text.split(':', 2) as [string, string | undefined];
  if (kind === 'poly') {
    const ring = body.split(';').map((pair) => numbers(pair, ','));
    if (ring.length < 3 || ring.length > MAX_VERTICES || ring.some((p) => p === null || p.length !== 2)) return null;
    const positions = ring.map((p) => [p![0]!, p![1]!] as Position);
    return positions.every(inRegion) ? { kind: 'polygon', ring: positions } : null;
  }
  if (kind === 'rect') {
    const v = numbers(body, ',');
    if (!v || v.length !== 4) return null;
    const [w, s, e, n] = v as [number, number, number, number];
    if (!(w < e && s < n) || !inRegion([w, s]) || !inRegion([e, n])) return null;
    return { kind: 'rect', bbox: [w, s, e, n] };
  }
  if (kind === 'circle') {
    const v = numbers(body, ',');
    if (!v || v.length !== 3) return null;
    const [lon, lat, r] = v as [number, number, number];
    if (!inRegion([lon, lat]) || !(r > 0 && r <= MAX_RADIUS_M)) return null;
    return { kind: 'circle', centre: [lon, lat], radiusM: r };
  }
  return null;
}

export function serialiseSelection(s: SpatialSelection): string {
  switch (s.kind) {
    case 'polygon':
      return `poly:${s.ring.map(([lon, lat]) => `${round(lon)},${round(lat)}`).join(';')}`;
    case 'rect':
      return `rect:${s.bbox.map(round).join(',')}`;
    case 'circle':
      return `circle:${round(s.centre[0])},${round(s.centre[1])},${Math.round(s.radiusM)}`;
  }
}

/** A polygon ring is closed by repeating its first vertex. */
function closed(ring: Position[]): Position[] {
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}

/** The selection's outline as a GeoJSON polygon (the circle as 96 segments), for drawing. */
export function selectionOutline(s: SpatialSelection): Polygon {
  switch (s.kind) {
    case 'polygon':
      return { type: 'Polygon', coordinates: [closed(s.ring)] };
    case 'rect': {
      const [w, so, e, n] = s.bbox;
      return {
        type: 'Polygon',
        coordinates: [
          [
            [w, so],
            [e, so],
            [e, n],
            [w, n],
            [w, so],
          ],
        ],
      };
    }
    case 'circle':
      return circle(s.centre, s.radiusM / 1000, { steps: 96, units: 'kilometers' }).geometry;
  }
}

/** Whether a point lies inside (or on the edge of) the selection. The circle is exact (great-circle distance), not its outline. */
export function selectionContains(s: SpatialSelection, lon: number, lat: number): boolean {
  switch (s.kind) {
    case 'polygon':
      return booleanPointInPolygon(point([lon, lat]), polygon([closed(s.ring)]));
    case 'rect':
      return lon >= s.bbox[0] && lon <= s.bbox[2] && lat >= s.bbox[1] && lat <= s.bbox[3];
    case 'circle':
      return distance(s.centre, [lon, lat], { units: 'meters' }) <= s.radiusM;
  }
}
