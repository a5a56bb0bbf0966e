/**
 * Where a point may be: inside Jinjiang. The city outline is hand-estimated (±1–3 km), so a
 * point counts as inside when it lies in the outline grown by 1 km, or in any township boundary
 * held in the database (official boundaries may reach past the schematic outline); always also
 * inside JINJIANG_BBOX, which the database enforces.
 */
import { booleanPointInPolygon, buffer, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { JINJIANG_BBOX } from '../../../data/schema/compounds.ts';
import { cityOutline } from './townshipBoundaries.ts';

const OUTLINE_MARGIN_KM = 1;
let grownOutline: Feature<Polygon | MultiPolygon> | null = null;

export function inBbox(lon: number, lat: number): boolean {
  return (
    lon >= JINJIANG_BBOX.minLon &&
    lon <= JINJIANG_BBOX.maxLon &&
    lat >= JINJIANG_BBOX.minLat &&
    lat <= JINJIANG_BBOX.maxLat
  );
}

export function makeCityAreaTest(
  boundaries: readonly (Polygon | MultiPolygon)[],
): (lon: number, lat: number) => boolean {
  grownOutline ??= buffer(cityOutline(), OUTLINE_MARGIN_KM, { units: 'kilometers' }) as Feature<Polygon | MultiPolygon>;
  const outline = grownOutline;
  return (lon, lat) => {
    if (!inBbox(lon, lat)) return false;
    const p = point([lon, lat]);
    return booleanPointInPolygon(p, outline) || boundaries.some((b) => booleanPointInPolygon(p, b));
  };
}

/** The first boundary (by the order given) that contains the point. */
export function containingCode<T extends { code: string; boundary: Polygon | MultiPolygon }>(
  items: readonly T[],
  lon: number,
  lat: number,
): string | null {
  const p = point([lon, lat]);
  return items.find((t) => booleanPointInPolygon(p, t.boundary))?.code ?? null;
}
