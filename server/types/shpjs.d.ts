/** shpjs ships no types: the one function OneMap uses. */
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  /** A zipped Shapefile (.shp, .dbf, optional .prj/.cpg) as GeoJSON in WGS84 (reprojected by its .prj). */
  export function parseZip(
    buffer: ArrayBuffer | Uint8Array,
    whiteList?: string[],
  ): Promise<FeatureCollection | FeatureCollection[]>;
}
