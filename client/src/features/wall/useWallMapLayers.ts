/**
 * The wall map's view and layers for the scene on screen: the city (or the spotlit township) fitted
 * to the map slot, township names clear of each other, and what is drawn — on the overview, the
 * 红黑榜 and the movers the townships shaded by the scene's judgement (no compound dots, so the
 * shading reads alone); on a coverage layer its compound dots (in a city past MAP_ROW_CAP one
 * bubble per township counting its compounds instead, as the dashboard's first view); on the
 * spotlight the committee dots with the listed lagging compounds named.
 */
import { useMemo } from 'react';
import type { CompoundAggregate } from '../../../../shared/map/mapView.ts';
import type { LaggingCompound } from '../../../../shared/review/laggingCompounds.ts';
import { boundsTuple, type Bounds } from '../../../../shared/city/cityDefinition.ts';
import { MAP_MAX_ZOOM } from '../../map/MapAdapter.ts';
import { aggregateLayers, withAggregates } from '../dashboard/aggregateLayers.ts';
import { boundsOf } from '../dashboard/townshipFeatures.ts';
import type { Shading } from '../layers/choropleth.ts';
import type { CompoundRow, CoverageLayer } from '../layers/coverageLayers.ts';
import { mapLayers, type TownshipFeature } from '../layers/deckLayers.ts';
import { spotlightNames, townshipLabelOffsets } from './wallLabels.ts';
import type { Rect } from './wallCanvas.ts';

/** Map labels (township names 15 → 22 units, compound names 12 → 20) and points, relative to the dashboard's, on the 1080-line canvas. */
const MAP_LABEL_SCALE = 1.5;
const MAP_COMPOUND_LABEL_SCALE = 1.7;
const MAP_POINT_SCALE = 1.15;
const NO_COMPOUNDS: readonly CompoundRow[] = [];

export interface WallMapInput {
  /** What the map shows: shaded townships, a coverage layer's dots, or the spotlight. */
  mode:
    | { kind: 'shaded'; shading: Pick<Shading, 'colorOf'> | null }
    | { kind: 'layer'; layer: CoverageLayer }
    | { kind: 'spotlight' };
  features: TownshipFeature[];
  rows: readonly CompoundRow[];
  /** Township bubbles drawn on the coverage layers instead of `rows` (a city past MAP_ROW_CAP); null: the dots. */
  aggregates: readonly CompoundAggregate[] | null;
  locale: string;
  cityBounds: Bounds | null;
  spotlightCode: string | null;
  spotlightCompounds: readonly LaggingCompound[];
  /** The map slot in canvas units, and the canvas's placement in real pixels. */
  slot: Rect;
  geometry: { left: number; top: number; scale: number };
}

export function useWallMapLayers(input: WallMapInput) {
  const { mode, features, rows, aggregates, locale, cityBounds, spotlightCode, spotlightCompounds, slot, geometry } =
    input;
  const s = geometry.scale;
  const spotlit = mode.kind === 'spotlight';
  const spotlightFeature = spotlit ? features.find((f) => f.properties.code === spotlightCode) : undefined;
  // Until the city is known (the first system.info) nothing is drawn: the empty box only keeps the hooks in order.
  const bounds = spotlightFeature ? boundsOf(spotlightFeature) : boundsTuple(cityBounds ?? [0, 0, 0, 0]);
  const mapBox = {
    left: geometry.left + slot.x * s,
    top: geometry.top + slot.y * s,
    width: slot.width * s,
    height: slot.height * s,
  };
  const padding = Math.round(24 * s);

  const [west, south, east, north] = bounds;
  const view = useMemo(
    () => ({
      bounds: [west, south, east, north] as const,
      width: mapBox.width,
      height: mapBox.height,
      padding,
      maxZoom: MAP_MAX_ZOOM,
    }),
    [west, south, east, north, mapBox.width, mapBox.height, padding],
  );
  const labelScale = s * (spotlit ? MAP_COMPOUND_LABEL_SCALE : MAP_LABEL_SCALE);
  const offsets = useMemo(() => townshipLabelOffsets(view, features, labelScale), [view, features, labelScale]);
  const namedCompounds = useMemo(() => {
    if (!spotlightFeature) return null;
    const byCode = new Map(rows.map((c) => [c.code, c]));
    return spotlightNames({
      view,
      township: spotlightFeature,
      townshipLabelScale: labelScale,
      townshipOffsets: offsets,
      lagging: spotlightCompounds.flatMap((l) => byCode.get(l.code) ?? []),
      labelScale: s * MAP_COMPOUND_LABEL_SCALE,
      pointScale: s * MAP_POINT_SCALE,
    });
  }, [spotlightFeature, rows, spotlightCompounds, view, labelScale, offsets, s]);

  const layer: CoverageLayer = mode.kind === 'layer' ? mode.layer : 'committee';
  const shading = mode.kind === 'shaded' ? mode.shading : null;
  const layers = useMemo(() => {
    const drawn = mapLayers({
      townships: features,
      compounds: mode.kind === 'shaded' ? NO_COMPOUNDS : rows,
      layer,
      shading,
      selectedCompound: null,
      selectedTownship: spotlit ? spotlightCode : null,
      showCompoundNames: spotlit,
      namedCompounds,
      townshipLabelOffsets: offsets,
      scale: s * MAP_POINT_SCALE,
      labelScale,
    });
    return mode.kind === 'layer' && aggregates
      ? withAggregates(drawn, aggregateLayers('townships', aggregates, features, locale))
      : drawn;
  }, [
    features,
    rows,
    aggregates,
    locale,
    mode.kind,
    layer,
    shading,
    spotlit,
    spotlightCode,
    namedCompounds,
    offsets,
    labelScale,
    s,
  ]);
  return { layers, bounds, mapBox, padding };
}
