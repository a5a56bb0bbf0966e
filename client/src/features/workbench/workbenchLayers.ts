/** The workbench map: the dashboard's layers for the compounds on screen, the others faint, and the selection. */
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import { QuadScatterplotLayer } from '../../map/QuadScatterplotLayer.ts';
import {
  selectionOutline,
  type Position,
  type SpatialSelection,
} from '../../../../shared/workbench/spatialSelection.ts';
import { compoundRadius, mapLayers, type MapLayerInput } from '../layers/deckLayers.ts';
import type { CompoundRow } from '../layers/coverageLayers.ts';
import type { Rgba } from '../../map/theme.ts';

interface Input extends MapLayerInput {
  /** Compounds left out by the filters or the selection: drawn faint for context. */
  others: readonly CompoundRow[];
  selection: SpatialSelection | null;
  /** The shape being drawn and its vertices so far. */
  preview: SpatialSelection | null;
  vertices: readonly Position[];
}

export function workbenchLayers(input: Input): Layer[] {
  const [townships, ...rest] = mapLayers(input);
  const layers: Layer[] = [
    townships!,
    new QuadScatterplotLayer<CompoundRow>({
      id: 'other-compounds',
      data: input.others,
      getPosition: (c) => [c.lon, c.lat],
      getRadius: (c) => compoundRadius(c.households),
      radiusUnits: 'pixels',
      getFillColor: [125, 139, 161, 70],
    }),
    ...rest,
  ];
  const outlines: { id: string; shape: SpatialSelection; fill: Rgba; line: Rgba }[] = [
    ...(input.selection
      ? [
          {
            id: 'selection',
            shape: input.selection,
            fill: [63, 193, 255, 28] as Rgba,
            line: [63, 193, 255, 255] as Rgba,
          },
        ]
      : []),
    ...(input.preview
      ? [
          {
            id: 'selection-preview',
            shape: input.preview,
            fill: [255, 216, 77, 24] as Rgba,
            line: [255, 216, 77, 255] as Rgba,
          },
        ]
      : []),
  ];
  for (const o of outlines) {
    layers.push(
      new GeoJsonLayer({
        id: o.id,
        data: [{ type: 'Feature', properties: {}, geometry: selectionOutline(o.shape) }],
        filled: true,
        stroked: true,
        getFillColor: o.fill,
        getLineColor: o.line,
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  if (input.vertices.length) {
    layers.push(
      new QuadScatterplotLayer<Position>({
        id: 'selection-vertices',
        data: input.vertices,
        getPosition: (p) => p,
        getRadius: 4,
        radiusUnits: 'pixels',
        getFillColor: [255, 216, 77, 255],
      }),
    );
  }
  return layers;
}
