/**
 * The dashboard's first view in maplibre's own layers: the compounds coloured by the active layer,
 * the township shading and selection, the drill-through's rings and the township names (as HTML)
 * — the same sizes and colours as deckLayers.ts draws once deck.gl has loaded. What is not drawn
 * here (compound names, the issue density, the aggregated map) waits for deck.gl.
 */
import { areas, circles, labels, type NativeLayer } from '../../map/nativeScene.ts';
import { hexToRgba, type Rgba } from '../../map/theme.ts';
import { colorOf, type CompoundRow } from './coverageLayers.ts';
import type { MapLayerInput } from './deckLayers.ts';
import { COMPOUND_OUTLINE, compoundRadius, HIGHLIGHT, SELECTED_OUTLINE, type TownshipFeature } from './mapMetrics.ts';

/** Whether maplibre alone can draw this view (else the dashboard waits for deck.gl). */
export function drawnWithoutDeck(input: MapLayerInput, aggregated: boolean): boolean {
  return !aggregated && input.layer !== 'issues' && !input.showCompoundNames;
}

export function firstViewScene(input: MapLayerInput): NativeLayer[] {
  const color = colorOf(input.layer);
  const rgba = new Map<string, Rgba>();
  const fillOf = (c: CompoundRow) => {
    const hex = color(c);
    return rgba.get(hex) ?? (rgba.set(hex, hexToRgba(hex)), rgba.get(hex)!);
  };
  const selected = (c: CompoundRow) => c.code === input.selectedCompound;
  const layers: NativeLayer[] = [];
  const shading = input.shading;
  // Like deck.gl's township layer: only a shading or a selected township draws anything.
  if (shading || input.selectedTownship) {
    layers.push(
      areas<TownshipFeature>({
        id: 'townships',
        features: input.townships,
        fill: (f) => shading?.colorOf(f.properties.code) ?? null,
        line: (f) => (f.properties.code === input.selectedTownship ? SELECTED_OUTLINE : null),
        lineWidth: 3,
      }),
    );
  }
  layers.push(
    circles<CompoundRow>({
      id: 'compounds',
      objects: input.compounds,
      position: (c) => [c.lon, c.lat],
      radius: (c) => compoundRadius(c.households),
      fill: fillOf,
      line: (c) => (selected(c) ? SELECTED_OUTLINE : COMPOUND_OUTLINE),
      lineWidth: (c) => (selected(c) ? 3 : 1),
      pickable: true,
    }),
  );
  const highlighted = input.highlighted;
  if (highlighted && highlighted.size > 0) {
    layers.push(
      circles<CompoundRow>({
        id: 'highlight',
        objects: input.compounds.filter((c) => highlighted.has(c.code)),
        position: (c) => [c.lon, c.lat],
        radius: (c) => compoundRadius(c.households) + 5,
        fill: null,
        line: () => HIGHLIGHT,
        lineWidth: () => 2.5,
        pickable: false,
      }),
    );
  }
  const hidden = input.hiddenTownshipLabels;
  layers.push(
    labels<TownshipFeature>({
      id: 'township-labels',
      objects:
        hidden && hidden.size > 0 ? input.townships.filter((f) => !hidden.has(f.properties.code)) : input.townships,
      position: (f) => f.properties.labelAt,
      text: (f) => f.properties.name,
      offsetY: (f) => input.townshipLabelOffsets?.get(f.properties.code) ?? 0,
    }),
  );
  return layers;
}
