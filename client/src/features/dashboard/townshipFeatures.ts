import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from '../../../../shared/city/cityDefinition.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import type { TownshipFeature } from '../layers/deckLayers.ts';

type Township = RouterOutputs['geography']['townships'][number];

/**
 * Township boundaries as GeoJSON features, with a label point: placed by hand (the city's
 * `labelPositions`, from system.info) for the approximate boundaries; for imported (official) ones
 * the hand-placed point only while it lies inside, else the centroid when inside, else a point on
 * the polygon.
 */
export function townshipFeatures(
  townships: readonly Township[],
  labelPositions: Readonly<Record<string, LonLat>>,
): TownshipFeature[] {
  return townships.map((t) => {
    const shape = { type: 'Feature' as const, properties: {}, geometry: t.boundary };
    const inside = (p: [number, number] | undefined): p is [number, number] =>
      p !== undefined && booleanPointInPolygon(p, shape);
    const placed = labelPositions[t.code];
    const hand: [number, number] | undefined = placed ? [placed[0], placed[1]] : undefined;
    const c = centroid(shape).geometry.coordinates as [number, number];
    const labelAt =
      hand && (t.boundarySource === 'approximate' || inside(hand))
        ? hand
        : inside(c)
          ? c
          : (pointOnFeature(shape).geometry.coordinates as [number, number]);
    return { type: 'Feature', geometry: t.boundary, properties: { code: t.code, name: t.name, labelAt } };
  });
}

/**
 * The township under a point (the map picks townships by geometry, not by drawing them: a
 * township layer drawn only to be picked cost the first view two shader programs and a
 * full-screen fill in software WebGL).
 */
export function townshipAt(
  features: readonly TownshipFeature[],
  lngLat: readonly number[] | null | undefined,
): TownshipFeature | undefined {
  if (!lngLat || lngLat.length < 2) return undefined;
  const point = [lngLat[0]!, lngLat[1]!];
  return features.find((f) => booleanPointInPolygon(point, f));
}

export function asCollection(
  features: TownshipFeature[],
): FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }> {
  return { type: 'FeatureCollection', features };
}

/** [west, south, east, north] of a township. */
export function boundsOf(feature: TownshipFeature): [number, number, number, number] {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  const rings =
    feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
  for (const ring of rings)
    for (const [lon, lat] of ring) {
      w = Math.min(w, lon!);
      e = Math.max(e, lon!);
      s = Math.min(s, lat!);
      n = Math.max(n, lat!);
    }
  return [w, s, e, n];
}
