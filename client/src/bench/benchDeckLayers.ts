/**
 * The bench page's deck.gl layers (frameBench.ts): the product's, or a lone stock or quad
 * scatterplot. Loaded only by the deck.gl modes, so the maplibre baseline is a bare page.
 */
import { ScatterplotLayer, type ScatterplotLayerProps } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { QuadScatterplotLayer } from '../map/QuadScatterplotLayer.ts';
import { mapLayers } from '../features/layers/deckLayers.ts';
import { compoundRadius, type TownshipFeature } from '../features/layers/mapMetrics.ts';
import type { CompoundRow } from '../features/layers/coverageLayers.ts';
import { MAP_ROW_CAP, type CompoundAggregate } from '../../../shared/map/mapView.ts';
import { aggregateLayers, withAggregates } from '../features/dashboard/aggregateLayers.ts';

/** What map.view answers for the whole city when it holds more than MAP_ROW_CAP compounds. */
function byTownship(rows: readonly CompoundRow[]): CompoundAggregate[] {
  const sums = new Map<string, CompoundAggregate>();
  for (const c of rows) {
    const a = sums.get(c.townshipCode) ?? { key: c.townshipCode, lon: 0, lat: 0, compounds: 0, households: 0 };
    a.lon += c.lon;
    a.lat += c.lat;
    a.compounds += 1;
    a.households += c.households;
    sums.set(c.townshipCode, a);
  }
  return [...sums.values()].map((a) => ({ ...a, lon: a.lon / a.compounds, lat: a.lat / a.compounds }));
}

export function deckLayersFor(
  mode: 'deck' | 'quad' | 'product',
  rows: readonly CompoundRow[],
  townships: TownshipFeature[],
  onlyIds: string | null,
): Layer[] {
  if (mode === 'product') {
    const aggregated = rows.length > MAP_ROW_CAP;
    const base = mapLayers({
      townships,
      compounds: aggregated ? [] : rows,
      layer: 'party',
      shading: null,
      selectedCompound: null,
      selectedTownship: null,
      showCompoundNames: false,
    });
    const layers = withAggregates(
      base,
      aggregated ? aggregateLayers('townships', byTownship(rows), townships, 'zh-CN') : [],
    );
    // ?only=compounds,township-labels keeps just those of the product's layers (to find where the time goes).
    const only = onlyIds?.split(',');
    return only ? layers.filter((l) => only.includes(l.id)) : layers;
  }
  const props: ScatterplotLayerProps<CompoundRow> = {
    id: 'points',
    data: rows,
    getPosition: (c) => [c.lon, c.lat],
    getRadius: (c) => compoundRadius(c.households),
    radiusUnits: 'pixels',
    getFillColor: [255, 77, 94, 255],
    stroked: true,
    getLineColor: [8, 20, 35, 255],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
  };
  return [mode === 'quad' ? new QuadScatterplotLayer<CompoundRow>(props) : new ScatterplotLayer<CompoundRow>(props)];
}
