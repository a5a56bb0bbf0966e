/**
 * The features of an official boundary file and their checked geometries: a GeoJSON feature
 * collection (or the GeoJSON a zipped Shapefile was read into) in lon/lat degrees, each feature a
 * Polygon or MultiPolygon within reach of the city, converted to WGS84 from the file's stated
 * coordinate system and rounded to 6 decimals (≈ 0.1 m). Anything else is refused with the
 * feature's position in the file.
 */
import gcoord from 'gcoord';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { inBounds } from '../../../shared/city/cityDefinition.ts';
import { activeCity } from '../city/activeCity.ts';
import { BadInputError } from '../errors.ts';
import { decodeText, type LedgerFile } from '../ledger/readLedgerFile.ts';
import type { Crs } from '../ledger/validateRow.ts';
import { BOUNDARY_WORDS } from './boundaryWords.ts';

export type Geometry = Polygon | MultiPolygon;
const GCOORD_CRS = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

export function parseGeoJson(file: LedgerFile): unknown {
  try {
    return JSON.parse(decodeText(file.data));
  } catch (error) {
    throw new BadInputError(BOUNDARY_WORDS.notGeoJson(file.name, (error as Error).message));
  }
}

/** The text attribute values of a feature (numbers are codes, not names). */
export function textValues(properties: unknown): string[] {
  return Object.values((properties ?? {}) as Record<string, unknown>).flatMap((v) =>
    typeof v === 'string' && v.trim() !== '' && !/^[\d.\s-]+$/.test(v) ? [v.trim()] : [],
  );
}

export interface FeatureLike {
  properties?: unknown;
  geometry?: unknown;
}

export function featuresOf(json: unknown, name: string): FeatureLike[] {
  const object = json as { type?: unknown; features?: unknown };
  if (object && object.type === 'FeatureCollection' && Array.isArray(object.features))
    return object.features as FeatureLike[];
  if (object && object.type === 'Feature') return [object as FeatureLike];
  throw new BadInputError(BOUNDARY_WORDS.notCollection(name));
}

/** A GeoJSON 2008 `crs` member naming anything but lon/lat degrees (WGS84, CGCS2000) is refused. */
export function checkCrsMember(json: unknown): void {
  const crs = (json as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name;
  if (typeof crs !== 'string') return;
  if (/CRS84|EPSG:+4326|EPSG:+4490|EPSG:+4490|WGS.?84|CGCS.?2000/i.test(crs)) return;
  throw new BadInputError(BOUNDARY_WORDS.foreignCrs(crs));
}

export function checkedGeometry(geometry: unknown, n: number, crs: Crs): Geometry {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    throw new BadInputError(
      BOUNDARY_WORDS.notPolygon(n, g?.type === undefined || g?.type === null ? null : String(g.type)),
    );
  }
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : (g.coordinates as unknown[])) as unknown[];
  if (!Array.isArray(polygons) || polygons.length === 0) throw new BadInputError(BOUNDARY_WORDS.noCoordinates(n));
  const rings = polygons.map((polygon) => {
    if (!Array.isArray(polygon) || polygon.length === 0) throw new BadInputError(BOUNDARY_WORDS.noRing(n));
    return polygon.map((ring) => checkedRing(ring, n, crs));
  });
  const rounded = (ring: Position[]) =>
    ring.map(([lon, lat]) => [Math.round(lon! * 1e6) / 1e6, Math.round(lat! * 1e6) / 1e6]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rings[0]!.map(rounded) }
    : { type: 'MultiPolygon', coordinates: rings.map((p) => p.map(rounded)) };
}

/** How far around the city's extent a boundary's coordinates may reach, in degrees: past it they are not lon/lat of this region. */
const REGION_MARGIN_DEG = 1.5;

function checkedRing(ring: unknown, n: number, crs: Crs): Position[] {
  const [w, south, e, north] = activeCity().bounds;
  const region = [
    w - REGION_MARGIN_DEG,
    south - REGION_MARGIN_DEG,
    e + REGION_MARGIN_DEG,
    north + REGION_MARGIN_DEG,
  ] as const;
  if (!Array.isArray(ring)) throw new BadInputError(BOUNDARY_WORDS.badCoordinates(n));
  const positions = ring.map((p): Position => {
    if (
      !Array.isArray(p) ||
      p.length < 2 ||
      typeof p[0] !== 'number' ||
      typeof p[1] !== 'number' ||
      !Number.isFinite(p[0]) ||
      !Number.isFinite(p[1])
    ) {
      throw new BadInputError(BOUNDARY_WORDS.badPosition(n, JSON.stringify(p).slice(0, 40)));
    }
    const [lon, lat] = p as [number, number];
    if (!inBounds(region, lon, lat)) {
      throw new BadInputError(BOUNDARY_WORDS.notInRegion(n, lon, lat, activeCity()));
    }
    return crs === 'wgs84' ? [lon, lat] : (gcoord.transform([lon, lat], GCOORD_CRS[crs], gcoord.WGS84) as Position);
  });
  if (positions.length > 0) {
    const first = positions[0]!;
    const last = positions.at(-1)!;
    if (first[0] !== last[0] || first[1] !== last[1]) positions.push([first[0]!, first[1]!]);
  }
  if (positions.length < 4) throw new BadInputError(BOUNDARY_WORDS.shortRing(n));
  return positions;
}
