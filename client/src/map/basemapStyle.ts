/**
 * The offline basemap: a maplibre style built only from the project's own geodata, received from
 * the server with the city (system.info → city): sea, the neighbouring land dimmed (for Jinjiang:
 * the mainland and Shishi), the city and its township boundaries. No glyphs, sprites or
 * tiles are requested; all text is drawn by deck.gl's TextLayer. An optional raster tile
 * service (an intranet XYZ server, Tianditu WMTS) can be placed underneath: see `tileUrl`.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CityMapConfig, LonLat } from '../../../shared/city/cityDefinition.ts';
import { MAP_THEME } from './theme.ts';

/** 'city', 'township', or `neighbour:<id>`. */
type Part = string;

const ring = (part: Part, points: readonly LonLat[]) => ({
  type: 'Feature' as const,
  properties: { part },
  geometry: { type: 'Polygon' as const, coordinates: [points.map(([lon, lat]) => [lon, lat])] },
});

export interface BasemapOptions {
  city: CityMapConfig;
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
export function basemapStyle({ city, townships, tileUrl }: BasemapOptions): StyleSpecification {
  const neighbourPart = (id: string) => `neighbour:${id}`;
  const shapes: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      ...city.neighbours.map((n) => ring(neighbourPart(n.id), n.outline)),
      ring('city', city.outline),
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
      // Neighbours in the definition's order (the mainland first, a neighbouring city over it).
      ...city.neighbours.flatMap((n) => [
        {
          id: `neighbour-${n.id}`,
          type: 'fill' as const,
          source: 'basemap',
          filter: part(neighbourPart(n.id)),
          paint: { 'fill-color': MAP_THEME.neighbourLand },
        },
        ...(n.edge
          ? [
              {
                id: `neighbour-${n.id}-edge`,
                type: 'line' as const,
                source: 'basemap',
                filter: part(neighbourPart(n.id)),
                paint: { 'line-color': MAP_THEME.neighbourEdge, 'line-width': 1, 'line-opacity': 0.7 },
              },
            ]
          : []),
      ]),
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
