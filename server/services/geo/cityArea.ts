/**
 * Where a point may be: inside the city this deployment serves. The city outline is
 * hand-estimated (±1–3 km), so a point counts as inside when it lies in the outline grown by
 * 1 km, or in any township boundary held in the database (official boundaries may reach past the
 * schematic outline); always also inside the city's storable box (its map extent with a margin).
 * The services check this before they store a point; the database holds no city's box.
 */
import { booleanPointInPolygon, buffer, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { inBounds, storableBounds } from '../../../shared/city/cityDefinition.ts';
import { activeCity, type City } from '../city/activeCity.ts';
import { cityOutline } from './townshipBoundaries.ts';

const OUTLINE_MARGIN_KM = 1;
/** Per city definition: buffering the outline costs milliseconds, and the outline never changes. */
const grownOutlines = new WeakMap<City, Feature<Polygon | MultiPolygon>>();

/** Whether the point lies in the city's storable box (WGS84 degrees). */
export function inBbox(lon: number, lat: number, city: City = activeCity()): boolean {
  return inBounds(storableBounds(city), lon, lat);
}

export function makeCityAreaTest(
  boundaries: readonly (Polygon | MultiPolygon)[],
  city: City = activeCity(),
): (lon: number, lat: number) => boolean {
  let outline = grownOutlines.get(city);
  if (!outline) {
    outline = buffer(cityOutline(city), OUTLINE_MARGIN_KM, { units: 'kilometers' }) as Feature<Polygon | MultiPolygon>;
    grownOutlines.set(city, outline);
  }
  const grown = outline;
  return (lon, lat) => {
    if (!inBbox(lon, lat, city)) return false;
    const p = point([lon, lat]);
    return booleanPointInPolygon(p, grown) || boundaries.some((b) => booleanPointInPolygon(p, b));
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
