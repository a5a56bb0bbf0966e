/** shpjs ships no types: the function OneMap uses. */
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  /**
   * The parts of one Shapefile as GeoJSON in WGS84 (reprojected by the .prj text); `cpg` is the
   * attribute encoding as a TextDecoder label.
   */
  export function getShapefile(parts: {
    shp: DataView;
    dbf?: DataView;
    cpg?: string;
    prj?: string;
  }): Promise<FeatureCollection>;
}
