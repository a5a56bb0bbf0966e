/**
 * Where and how large the aggregated map's bubbles are (map.view's townships or grid cells),
 * free of deck.gl: the dashboard's first view and its click handling use them before deck.gl loads.
 */
import type { CompoundAggregate } from '../../../../shared/map/mapView.ts';
import { CATEGORICAL } from '../../../../shared/colours/categorical.ts';
import { hexToRgba } from '../../map/theme.ts';

export type AggregateKind = 'townships' | 'cells';

export const AGGREGATE_LAYER_ID = 'compound-aggregates';

export const AGGREGATE_FILL = hexToRgba(CATEGORICAL.blue.dark, 170);

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
