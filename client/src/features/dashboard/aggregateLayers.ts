/**
 * Compounds aggregated by the server (map.view), drawn as bubbles with their count: one per
 * township at low zoom, one per grid cell in between. The bubbles use the compounds' own point
 * layer and the labels' text layer, so a city scaled ×100 or ×1000 compiles no shader the ×1
 * map does not, and draws tens of points where it would draw tens of thousands.
 */
import type { Layer } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import type { CompoundAggregate } from '../../../../shared/map/mapView.ts';
import { QuadScatterplotLayer } from '../../map/QuadScatterplotLayer.ts';
import { HALO_LABEL_STYLE, type TownshipFeature } from '../layers/deckLayers.ts';
import {
  AGGREGATE_FILL,
  AGGREGATE_LAYER_ID,
  aggregatePosition,
  aggregateRadius,
  type AggregateKind,
} from './aggregateGeometry.ts';

export {
  AGGREGATE_LAYER_ID,
  aggregatePosition,
  aggregateRadius,
  cellBounds,
  type AggregateKind,
} from './aggregateGeometry.ts';

export function aggregateLayers(
  kind: AggregateKind,
  aggregates: readonly CompoundAggregate[],
  townships: readonly TownshipFeature[],
  locale: string,
): Layer[] {
  const labelAt = new Map(townships.map((f) => [f.properties.code, f.properties.labelAt]));
  const position = (a: CompoundAggregate) => aggregatePosition(kind, a, labelAt);
  return [
    new QuadScatterplotLayer<CompoundAggregate>({
      id: AGGREGATE_LAYER_ID,
      data: aggregates as CompoundAggregate[],
      pickable: true,
      getPosition: position,
      getRadius: (a) => aggregateRadius(a.compounds),
      radiusUnits: 'pixels',
      getFillColor: AGGREGATE_FILL,
      stroked: true,
      getLineColor: [236, 243, 252, 200],
      getLineWidth: 1,
      lineWidthUnits: 'pixels',
    }),
    new TextLayer<CompoundAggregate>({
      id: 'aggregate-counts',
      data: aggregates as CompoundAggregate[],
      getPosition: position,
      getText: (a) => a.compounds.toLocaleString(locale),
      getSize: kind === 'townships' ? 13 : 11,
      // Below a township's bubble (its name is on it); on a cell's bubble.
      getPixelOffset: (a) => (kind === 'townships' ? [0, aggregateRadius(a.compounds) + 9] : [0, 0]),
      updateTriggers: { getPixelOffset: [kind] },
      getColor: [236, 243, 252, 255],
      ...HALO_LABEL_STYLE,
      getAlignmentBaseline: 'center',
    }),
  ];
}

/** The aggregate layers go beneath the township names (mapLayers' 'township-labels'), above the rest. */
export function withAggregates(layers: Layer[], aggregates: Layer[]): Layer[] {
  if (aggregates.length === 0) return layers;
  const at = layers.findIndex((l) => l.id === 'township-labels');
  return at < 0 ? [...layers, ...aggregates] : [...layers.slice(0, at), ...aggregates, ...layers.slice(at)];
}
