/**
 * deck.gl layer factories for the map: township areas (when shaded or selected), the
 * open-issue density, compound points (non-instanced: see QuadScatterplotLayer) and the labels.
 */
import { HexagonLayer } from '@deck.gl/aggregation-layers';
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import { QuadScatterplotLayer } from '../../map/QuadScatterplotLayer.ts';
import { DENSITY_RAMP, hexToRgb } from '../../../../shared/colours/judgement.ts';
import { hexToRgba, type Rgba } from '../../map/theme.ts';
import { colorOf, type CompoundRow, type CoverageLayer } from './coverageLayers.ts';
import type { Shading } from './choropleth.ts';
import {
  COMPOUND_LABEL_SIZE,
  COMPOUND_OUTLINE,
  compoundLabelOffset,
  compoundRadius,
  HIGHLIGHT,
  SELECTED_OUTLINE,
  TOWNSHIP_LABEL_SIZE,
  type TownshipFeature,
} from './mapMetrics.ts';

export {
  COMPOUND_LABEL_SIZE,
  compoundLabelOffset,
  compoundRadius,
  TOWNSHIP_LABEL_SIZE,
  type TownshipFeature,
} from './mapMetrics.ts';

/** Chinese first; the fonts a wall PC or a desktop usually has. Glyphs come from the local font. */
export const LABEL_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** Small labels with a dark halo (compound names, the aggregated map's counts): one shader program. */
export const HALO_LABEL_STYLE = {
  fontFamily: LABEL_FONT,
  characterSet: 'auto',
  fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
  outlineWidth: 3,
  outlineColor: [8, 20, 35, 230],
  getTextAnchor: 'middle',
} as const;

export interface MapLayerInput {
  townships: TownshipFeature[];
  compounds: readonly CompoundRow[];
  layer: CoverageLayer;
  /** Township fills: the dashboard's choropleth or a wall scene's judgement. */
  shading: Pick<Shading, 'colorOf'> | null;
  selectedCompound: string | null;
  selectedTownship: string | null;
  /** Compounds ringed on the map (a drill-through's list), by code. */
  highlighted?: ReadonlySet<string> | null;
  /** Compound names appear from this zoom on. */
  showCompoundNames: boolean;
  /** With `showCompoundNames`, name only these compounds (codes); all when absent. */
  namedCompounds?: ReadonlySet<string> | null;
  /** Township names moved up (negative) or down by this many pixels, by code (the wall's fixed views). */
  townshipLabelOffsets?: ReadonlyMap<string, number> | null;
  /** Township names left off, by code (the analyst map's label plan at its zoom: townshipLabelPlan). */
  hiddenTownshipLabels?: ReadonlySet<string> | null;
  /** Multiplier for wall screens. */
  scale?: number;
  /** Multiplier for the labels alone (default: `scale`). */
  labelScale?: number;
}

export function mapLayers(input: MapLayerInput): Layer[] {
  const scale = input.scale ?? 1;
  const labelScale = input.labelScale ?? scale;
  const color = colorOf(input.layer);
  const colorCache = new Map<string, Rgba>();
  const rgba = (hex: string) => colorCache.get(hex) ?? (colorCache.set(hex, hexToRgba(hex)), colorCache.get(hex)!);
  const layers: Layer[] = [
    // Drawn only when there is something to show: a shading, a selected township. Townships are
    // picked by geometry (townshipAt), so an empty layer compiles no shaders for the first view.
    new GeoJsonLayer<TownshipFeature['properties']>({
      id: 'townships',
      data: input.townships,
      pickable: false,
      visible: input.shading !== null || input.selectedTownship !== null,
      stroked: input.selectedTownship !== null,
      filled: input.shading !== null,
      getFillColor: (f) => input.shading?.colorOf(f.properties.code) ?? [0, 0, 0, 0],
      getLineColor: (f) => (f.properties.code === input.selectedTownship ? [255, 255, 255, 255] : [0, 0, 0, 0]),
      getLineWidth: 3 * scale,
      lineWidthUnits: 'pixels',
      updateTriggers: { getFillColor: [input.shading], getLineColor: [input.selectedTownship] },
    }),
  ];
  if (input.layer === 'issues') {
    layers.push(
      new HexagonLayer<CompoundRow>({
        id: 'issue-density',
        data: input.compounds.filter((c) => c.openIssues > 0),
        getPosition: (c) => [c.lon, c.lat],
        getColorWeight: (c) => c.openIssues,
        colorAggregation: 'SUM',
        radius: 1200,
        coverage: 0.92,
        opacity: 0.45,
        // More open issues is worse: the judgement ramp's warm end, never green.
        colorRange: DENSITY_RAMP.map((s) => [...hexToRgb(s.dark)] as [number, number, number]),
        pickable: false,
      }),
    );
  }
  layers.push(
    new QuadScatterplotLayer<CompoundRow>({
      id: 'compounds',
      data: input.compounds,
      pickable: true,
      getPosition: (c) => [c.lon, c.lat],
      getRadius: (c) => compoundRadius(c.households) * scale,
      radiusUnits: 'pixels',
      getFillColor: (c) => rgba(color(c)),
      stroked: true,
      getLineColor: (c) => (c.code === input.selectedCompound ? SELECTED_OUTLINE : COMPOUND_OUTLINE),
      getLineWidth: (c) => (c.code === input.selectedCompound ? 3 : 1) * scale,
      lineWidthUnits: 'pixels',
      updateTriggers: {
        getFillColor: [input.layer],
        getLineColor: [input.selectedCompound],
        getLineWidth: [input.selectedCompound],
      },
    }),
  );
  const highlighted = input.highlighted;
  if (highlighted && highlighted.size > 0) {
    layers.push(
      // A ring around each listed compound, outside its point, in a colour no layer uses for a value.
      new QuadScatterplotLayer<CompoundRow>({
        id: 'highlight',
        data: input.compounds.filter((c) => highlighted.has(c.code)),
        getPosition: (c) => [c.lon, c.lat],
        getRadius: (c) => (compoundRadius(c.households) + 5) * scale,
        radiusUnits: 'pixels',
        filled: false,
        stroked: true,
        getLineColor: HIGHLIGHT,
        getLineWidth: 2.5 * scale,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  const hidden = input.hiddenTownshipLabels;
  layers.push(
    new TextLayer<TownshipFeature>({
      id: 'township-labels',
      data: hidden && hidden.size > 0 ? input.townships.filter((f) => !hidden.has(f.properties.code)) : input.townships,
      getPosition: (f) => f.properties.labelAt,
      getText: (f) => f.properties.name,
      getSize: TOWNSHIP_LABEL_SIZE * labelScale,
      getColor: [236, 243, 252, 255],
      // A halo, not a background box: the same shader program as the compound names.
      fontFamily: LABEL_FONT,
      fontWeight: 600,
      characterSet: 'auto',
      fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
      outlineWidth: 4,
      outlineColor: [8, 20, 35, 235],
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      getPixelOffset: (f) => [0, input.townshipLabelOffsets?.get(f.properties.code) ?? 0],
      updateTriggers: { getPixelOffset: [input.townshipLabelOffsets] },
    }),
  );
  if (input.showCompoundNames) {
    const named = input.namedCompounds;
    layers.push(
      new TextLayer<CompoundRow>({
        id: 'compound-labels',
        data: named ? input.compounds.filter((c) => named.has(c.code)) : input.compounds,
        getPosition: (c) => [c.lon, c.lat],
        getText: (c) => c.name,
        getSize: COMPOUND_LABEL_SIZE * labelScale,
        getPixelOffset: (c) => [0, compoundLabelOffset(c.households, scale)],
        getColor: [205, 218, 235, 255],
        ...HALO_LABEL_STYLE,
      }),
    );
  }
  return layers;
}
