/**
 * The offline basemap: a maplibre style built only from the project's own geodata (sea,
 * surrounding land, Shishi dimmed, the city and its township boundaries). No glyphs, sprites or
 * tiles are requested; all text is drawn by deck.gl's TextLayer. An optional raster tile
 * service (an intranet XYZ server, Tianditu WMTS) can be placed underneath: see `tileUrl`.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
// oxlint-disable-next-line no-restricted-imports -- removed by r16-city
import { CITY_OUTLINE, SHISHI_OUTLINE, SURROUNDING_LAND } from '../../../data/geography/jinjiang.ts';
import { MAP_THEME } from './theme.ts';

type Part = 'surroundings' | 'shishi' | 'city' | 'township';

const ring = (part: Part, points: readonly (readonly [number, number])[]) => ({
  type: 'Feature' as const,
  properties: { part },
  geometry: { type: 'Polygon' as const, coordinates: [points.map(([lon, lat]) => [lon, lat])] },
});

export interface BasemapOptions {
  townships: FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
  /**
   * Optional raster tiles ({z}/{x}/{y} template). GCJ-02 tiles (Gaode, Tencent) are offset about
   * 500 m from our WGS84 data and need the inverse shift; Tianditu (CGCS2000) lines up as is.
   */
  tileUrl?: string | undefined;
}

const part = (name: Part) => ['==', ['get', 'part'], name] as ['==', ['get', string], string];

/**
 * One GeoJSON source for all the basemap's shapes (one tiling pass in the worker, one redraw when
 * it is ready, instead of one per source) and only plain fills and lines: each distinct kind of
 * layer costs a shader program, which software WebGL compiles slowly on the first view.
 */
export function basemapStyle({ townships, tileUrl }: BasemapOptions): StyleSpecification {
  const shapes: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      ring('surroundings', SURROUNDING_LAND),
      ring('shishi', SHISHI_OUTLINE),
      ring('city', CITY_OUTLINE),
      ...townships.features.map((f) => ({ ...f, properties: { ...f.properties, part: 'township' } })),
    ],
  };
  return {
    version: 8,
    sources: {
      basemap: { type: 'geojson', data: shapes },
      ...(tileUrl ? { tiles: { type: 'raster' as const, tiles: [tileUrl], tileSize: 256 } } : {}),
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': MAP_THEME.sea } },
      ...(tileUrl ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles', paint: { 'raster-opacity': 0.6 } }] : []),
      {
        id: 'surroundings',
        type: 'fill',
        source: 'basemap',
        filter: part('surroundings'),
        paint: { 'fill-color': MAP_THEME.neighbourLand },
      },
      {
        id: 'shishi',
        type: 'fill',
        source: 'basemap',
        filter: part('shishi'),
        paint: { 'fill-color': MAP_THEME.neighbourLand },
      },
      {
        id: 'shishi-edge',
        type: 'line',
        source: 'basemap',
        filter: part('shishi'),
        paint: { 'line-color': MAP_THEME.neighbourEdge, 'line-width': 1, 'line-opacity': 0.7 },
      },
      { id: 'city', type: 'fill', source: 'basemap', filter: part('city'), paint: { 'fill-color': MAP_THEME.land } },
      {
        id: 'township-edges',
        type: 'line',
        source: 'basemap',
        filter: part('township'),
        paint: { 'line-color': MAP_THEME.townshipEdge, 'line-width': 1.2 },
      },
      {
        id: 'city-edge',
        type: 'line',
        source: 'basemap',
        filter: part('city'),
        paint: { 'line-color': MAP_THEME.cityEdge, 'line-width': 2 },
      },
    ],
  };
}
