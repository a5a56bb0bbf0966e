/**
 * The outlines a boundary dry run draws: each township's outer rings before and after the import,
 * simplified (about 50 m) and rounded to 5 decimals (about 1 m), so that 19 townships travel in a
 * few tens of kilobytes. Coordinates are [lon, lat] in WGS84, as stored.
 */
import { simplify } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';

export interface TownshipOutline {
  code: string;
  name: string;
  /** Whether the file gives this township a new boundary. */
  changed: boolean;
  before: [number, number][][];
  after: [number, number][][];
}

const TOLERANCE_DEGREES = 0.0005;

function rings(geometry: Polygon | MultiPolygon): [number, number][][] {
  const simple = simplify(geometry, { tolerance: TOLERANCE_DEGREES, highQuality: false });
  const polygons = simple.type === 'Polygon' ? [simple.coordinates] : simple.coordinates;
  return polygons.map((polygon) =>
    polygon[0]!.map(([lon, lat]) => [Math.round(lon! * 1e5) / 1e5, Math.round(lat! * 1e5) / 1e5] as [number, number]),
  );
}

export function townshipOutlines(
  townships: readonly { code: string; name: string; boundary: Polygon | MultiPolygon }[],
  replaced: ReadonlyMap<string, Polygon | MultiPolygon>,
): TownshipOutline[] {
  return townships.map((t) => {
    const next = replaced.get(t.code);
    const before = rings(t.boundary);
    return { code: t.code, name: t.name, changed: next !== undefined, before, after: next ? rings(next) : before };
  });
}
