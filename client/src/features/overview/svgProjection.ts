/**
 * An equirectangular projection of WGS84 lon/lat onto an SVG box, with longitude scaled by
 * cos(latitude) so shapes are not stretched at Jinjiang's latitude (≈ 24.7° N).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface Projection {
  point(lon: number, lat: number): [number, number];
  path(ring: Position[]): string;
}

export function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function projectToSvg(geometries: readonly (Polygon | MultiPolygon)[], width: number, height: number, padding: number): Projection {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const g of geometries)
    for (const ring of ringsOf(g))
      for (const [lon, lat] of ring) {
        minLon = Math.min(minLon, lon!); maxLon = Math.max(maxLon, lon!);
        minLat = Math.min(minLat, lat!); maxLat = Math.max(maxLat, lat!);
      }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = Math.min((width - 2 * padding) / ((maxLon - minLon) * kx), (height - 2 * padding) / (maxLat - minLat));
  const offsetX = (width - (maxLon - minLon) * kx * scale) / 2;
  const offsetY = (height - (maxLat - minLat) * scale) / 2;
  const point = (lon: number, lat: number): [number, number] => [offsetX + (lon - minLon) * kx * scale, offsetY + (maxLat - lat) * scale];
  return {
    point,
    path: (ring) => 'M' + ring.map(([lon, lat]) => point(lon!, lat!).map((v) => v.toFixed(1)).join(',')).join('L') + 'Z',
  };
}
