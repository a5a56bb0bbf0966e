/**
 * Compounds aggregated by the server (map.view), drawn as bubbles with their count: one per
 * township at low zoom, one per grid cell in between. The bubbles use the compounds' own point
 * layer and the labels' text layer, so a city scaled ×100 or ×1000 compiles no shader the ×1
 * map does not, and draws tens of points where it would draw tens of thousands.
 */
import type { Layer } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import type { CompoundAggregate } from '../../../../shared/map/mapView.ts';
import { CATEGORICAL } from '../../../../shared/colours/categorical.ts';
import { QuadScatterplotLayer } from '../../map/QuadScatterplotLayer.ts';
import { hexToRgba } from '../../map/theme.ts';
import { HALO_LABEL_STYLE, type TownshipFeature } from '../layers/deckLayers.ts';

export type AggregateKind = 'townships' | 'cells';

export const AGGREGATE_LAYER_ID = 'compound-aggregates';

/** Pixels: a bubble's area grows with its number of compounds, within bounds a screen can hold. */
export function aggregateRadius(compounds: number): number {
  return Math.min(44, 10 + Math.sqrt(compounds) / 2);
}

/** A township's bubble sits under its name (its label point); a cell's at its compounds' mean position. */
export function aggregatePosition(
  kind: AggregateKind,
  aggregate: CompoundAggregate,
  labelAt: ReadonlyMap<string, [number, number]>,
): [number, number] {
  return (kind === 'townships' ? labelAt.get(aggregate.key) : undefined) ?? [aggregate.lon, aggregate.lat];
}

/** [west, south, east, north] of a grid cell (key "x:y", cells `cellDeg` wide). */
export function cellBounds(key: string, cellDeg: number): [number, number, number, number] {
  const [x, y] = key.split(':').map(Number) as [number, number];
  return [x * cellDeg, y * cellDeg, (x + 1) * cellDeg, (y + 1) * cellDeg];
}

const FILL = hexToRgba(CATEGORICAL.blue.dark, 170);

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
      getFillColor: FILL,
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
