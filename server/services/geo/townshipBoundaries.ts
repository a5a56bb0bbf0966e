/**
 * Approximate (示意) township boundaries for the city, derived from facts only: a Voronoi
 * partition of the township seats clipped to the city outline. A township the definition marks
 * as a disc (Jinjiang's 西滨镇, 2.1 km², enclosed by 陈埭 on three sides, would get a far too
 * large Voronoi cell) is drawn as a small disc of its published area around its seat and cut out
 * of its neighbours; the definition's extra Voronoi sites let a neighbour (陈埭) surround the
 * disc as it does on the ground.
 *
 * Output: WGS84 GeoJSON, one feature per township code, marked `boundarySource: 'approximate'`.
 * Deterministic: the same facts always give the same polygons.
 */
import { area, circle, difference, featureCollection, intersect, point, polygon, union, voronoi } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { TownshipFact } from '../../../shared/city/cityDefinition.ts';
import { activeCity, type City } from '../city/activeCity.ts';

export interface TownshipBoundaryProps {
  code: string;
  name: string;
  boundarySource: 'approximate';
  /** Area of the drawn polygon in km². */
  areaKm2: number;
}
export type TownshipBoundary = Feature<Polygon | MultiPolygon, TownshipBoundaryProps>;

/** How far past the city's map extent the Voronoi diagram reaches, in degrees. */
const VORONOI_MARGIN_DEG = 0.1;
/** Parts of a clipped cell smaller than this share of the township are clipping slivers. */
const SLIVER_SHARE = 0.02;

export function cityOutline(city: City = activeCity()): Feature<Polygon> {
  return polygon([city.outline.map(([lon, lat]) => [lon, lat])]);
}

function roundRing(ring: number[][]): number[][] {
  // 6 decimals ≈ 0.1 m: enough for a schematic map, and keeps stored JSON small and stable.
  return ring.map(([lon, lat]) => [Math.round(lon! * 1e6) / 1e6, Math.round(lat! * 1e6) / 1e6]);
}

function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(roundRing) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(roundRing)) };
}

function disc(township: TownshipFact): Feature<Polygon> {
  const km2 = township.landAreaKm2 ?? 2;
  const radiusKm = Math.sqrt(km2 / Math.PI);
  return circle([township.seat[0], township.seat[1]], radiusKm, { units: 'kilometers', steps: 48 });
}

export function approximateTownshipBoundaries(
  city: City = activeCity(),
): FeatureCollection<Polygon | MultiPolygon, TownshipBoundaryProps> {
  const outline = cityOutline(city);
  const discCodes = new Set(city.approximateBoundaries.discTownships);
  const cellTownships = city.townships.filter((t) => !discCodes.has(t.code));
  const discs = city.townships.filter((t) => discCodes.has(t.code)).map((t) => ({ township: t, shape: disc(t) }));
  const sites = [
    ...cellTownships.map((t) => ({ at: t.seat, owner: t.code })),
    ...city.approximateBoundaries.extraSites,
  ];
  const [w, s, e, n] = city.bounds;
  // turf.voronoi returns cells in the order of the input points.
  const cells = voronoi(featureCollection(sites.map((site) => point([site.at[0], site.at[1]]))), {
    bbox: [w - VORONOI_MARGIN_DEG, s - VORONOI_MARGIN_DEG, e + VORONOI_MARGIN_DEG, n + VORONOI_MARGIN_DEG],
  });

  const features: TownshipBoundary[] = [];
  cellTownships.forEach((township) => {
    const owned = sites.flatMap((site, i) =>
      site.owner === township.code && cells.features[i] ? [cells.features[i]] : [],
    );
    if (owned.length === 0) throw new Error(`no Voronoi cell for ${township.code}`);
    const cell = owned.length === 1 ? owned[0]! : union(featureCollection(owned));
    if (!cell) throw new Error(`no Voronoi cell for ${township.code}`);
    let shape: Feature<Polygon | MultiPolygon> | null = intersect(featureCollection([cell, outline]));
    for (const d of discs) {
      if (!shape) break;
      shape = difference(featureCollection([shape, d.shape]));
    }
    if (!shape) throw new Error(`township ${township.code} has an empty boundary`);
    features.push(toFeature(township, withoutSlivers(shape)));
  });
  for (const d of discs) features.push(toFeature(d.township, d.shape));
  // Keep the order of the facts table (by code) so output is stable.
  const order = new Map(city.townships.map((t, i) => [t.code, i]));
  features.sort((a, b) => order.get(a.properties.code)! - order.get(b.properties.code)!);
  return featureCollection(features);
}

function withoutSlivers(shape: Feature<Polygon | MultiPolygon>): Feature<Polygon | MultiPolygon> {
  if (shape.geometry.type === 'Polygon') return shape;
  const parts = shape.geometry.coordinates.map((coordinates) => polygon(coordinates));
  const total = parts.reduce((sum, p) => sum + area(p), 0);
  const kept = parts.filter((p) => area(p) >= total * SLIVER_SHARE);
  if (kept.length === 1) return kept[0]!;
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPolygon', coordinates: kept.map((p) => p.geometry.coordinates) },
  };
}

function toFeature(township: TownshipFact, shape: Feature<Polygon | MultiPolygon>): TownshipBoundary {
  const geometry = roundGeometry(shape.geometry);
  return {
    type: 'Feature',
    geometry,
    properties: {
      code: township.code,
      name: township.name,
      boundarySource: 'approximate',
      areaKm2: Math.round((area(geometry) / 1e6) * 10) / 10,
    },
  };
}
