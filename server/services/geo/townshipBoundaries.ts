/**
 * Approximate (示意) township boundaries for Jinjiang, derived from facts only: a Voronoi
 * partition of the township seats clipped to the city outline. 西滨镇 (2.1 km², enclosed by
 * 陈埭 on three sides) would get a far too large Voronoi cell, so it is drawn as a small disc
 * of its published area around its seat and cut out of 陈埭, which gets a second Voronoi site
 * at 西滨's seat so that it surrounds the disc as it does on the ground.
 *
 * Output: WGS84 GeoJSON, one feature per township code, marked `boundarySource: 'approximate'`.
 * Deterministic: the same facts always give the same polygons.
 */
import { area, circle, difference, featureCollection, intersect, point, polygon, union, voronoi } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { CITY_OUTLINE, TOWNSHIPS, type TownshipFact } from '../../../data/geography/jinjiang.ts';

export interface TownshipBoundaryProps {
  code: string;
  name: string;
  boundarySource: 'approximate';
  /** Area of the drawn polygon in km². */
  areaKm2: number;
}
export type TownshipBoundary = Feature<Polygon | MultiPolygon, TownshipBoundaryProps>;

/** Townships drawn as a disc of their published land area instead of a Voronoi cell. */
const DISC_TOWNSHIPS = new Set(['350582114']);
/** Extra Voronoi sites: [site, township that owns the cell]. 西滨's seat belongs to 陈埭's cell. */
const EXTRA_SITES: readonly { at: readonly [number, number]; owner: string }[] = [
  { at: [118.628, 24.803], owner: '350582103' },
];
/** Parts of a clipped cell smaller than this share of the township are clipping slivers. */
const SLIVER_SHARE = 0.02;

export function cityOutline(): Feature<Polygon> {
  return polygon([CITY_OUTLINE.map(([lon, lat]) => [lon, lat])]);
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
  return circle(township.seat as [number, number], radiusKm, { units: 'kilometers', steps: 48 });
}

export function approximateTownshipBoundaries(): FeatureCollection<Polygon | MultiPolygon, TownshipBoundaryProps> {
  const outline = cityOutline();
  const cellTownships = TOWNSHIPS.filter((t) => !DISC_TOWNSHIPS.has(t.code));
  const discs = TOWNSHIPS.filter((t) => DISC_TOWNSHIPS.has(t.code)).map((t) => ({ township: t, shape: disc(t) }));
  const sites = [...cellTownships.map((t) => ({ at: t.seat, owner: t.code })), ...EXTRA_SITES];
  // turf.voronoi returns cells in the order of the input points.
  const cells = voronoi(featureCollection(sites.map((s) => point(s.at as [number, number]))), {
    bbox: [118.3, 24.4, 118.8, 25.0],
  });

  const features: TownshipBoundary[] = [];
  cellTownships.forEach((township) => {
    const owned = sites.flatMap((s, i) => (s.owner === township.code && cells.features[i] ? [cells.features[i]] : []));
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
  const order = new Map(TOWNSHIPS.map((t, i) => [t.code, i]));
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
