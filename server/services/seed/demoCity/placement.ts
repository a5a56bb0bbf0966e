/**
 * Where compounds go: rejection sampling around each township seat (denser near the seat),
 * strictly inside the township polygon, at least EDGE_MARGIN_M from its edge and
 * MIN_SPACING_M from every other compound.
 */
import { booleanPointInPolygon, point } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Random } from './random.ts';

export const EDGE_MARGIN_M = 220;
export const MIN_SPACING_M = 160;

const M_PER_DEG_LAT = 110_574;
const mPerDegLon = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180);

/** Planar distance in metres between two lon/lat points (fine at city scale). */
export function distanceM(a: readonly [number, number], b: readonly [number, number]): number {
  const kx = mPerDegLon((a[1] + b[1]) / 2);
  const dx = (a[0] - b[0]) * kx;
  const dy = (a[1] - b[1]) * M_PER_DEG_LAT;
  return Math.hypot(dx, dy);
}

function rings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Distance in metres from a point to the nearest edge of any ring of the geometry. */
export function distanceToEdgeM(p: readonly [number, number], geometry: Polygon | MultiPolygon): number {
  const kx = mPerDegLon(p[1]);
  let best = Infinity;
  for (const ring of rings(geometry)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const ax = (a[0]! - p[0]) * kx;
      const ay = (a[1]! - p[1]) * M_PER_DEG_LAT;
      const bx = (b[0]! - p[0]) * kx;
      const by = (b[1]! - p[1]) * M_PER_DEG_LAT;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) best = d;
    }
  }
  return best;
}

export interface PlacementArea {
  seat: readonly [number, number];
  boundary: Polygon | MultiPolygon;
  areaKm2: number;
}

/**
 * Places `count` points in the area; `taken` holds points already placed anywhere (they are
 * kept at MIN_SPACING_M too) and is extended with the new ones.
 */
export function placePoints(
  rng: Random,
  area: PlacementArea,
  count: number,
  taken: [number, number][],
): [number, number][] {
  const out: [number, number][] = [];
  // Spread (km) of a Rayleigh-distributed distance from the seat: dense near the seat.
  let sigmaKm = Math.max(0.35, 0.26 * Math.sqrt(area.areaKm2));
  let failures = 0;
  while (out.length < count) {
    const r = sigmaKm * Math.sqrt(-2 * Math.log(1 - rng.next()));
    const theta = rng.next() * 2 * Math.PI;
    const lon = area.seat[0] + (r * 1000 * Math.cos(theta)) / mPerDegLon(area.seat[1]);
    const lat = area.seat[1] + (r * 1000 * Math.sin(theta)) / M_PER_DEG_LAT;
    const p: [number, number] = [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
    const ok =
      booleanPointInPolygon(point(p), area.boundary) &&
      distanceToEdgeM(p, area.boundary) >= EDGE_MARGIN_M &&
      taken.every((q) => distanceM(p, q) >= MIN_SPACING_M);
    if (ok) {
      out.push(p);
      taken.push(p);
      failures = 0;
    } else if (++failures > 60) {
      sigmaKm *= 1.15;
      failures = 0;
      if (sigmaKm > 50) throw new Error('cannot place compounds: township too small or too crowded');
    }
  }
  return out;
}
