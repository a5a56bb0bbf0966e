/**
 * Sizes the map's layers share, whoever draws them: maplibre's own layers on the first view
 * (firstViewScene.ts) and deck.gl's once it has loaded (deckLayers.ts). Kept free of deck.gl so
 * the first view's JavaScript does not carry it.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Rgba } from '../../map/theme.ts';

export type TownshipFeature = Feature<
  Polygon | MultiPolygon,
  { code: string; name: string; labelAt: [number, number] }
>;

/** Pixels: 4 px for a 100-household compound up to ~15 px for 3,000+. */
export function compoundRadius(households: number): number {
  return 3 + Math.sqrt(households) / 5;
}

/** The drill-through's ring: a bright cyan, distinct from the judgement colours (red, amber, green). */
export const HIGHLIGHT: Rgba = [64, 224, 255, 255];

/** A compound point's outline: white when selected, the sea's dark blue otherwise. */
export const SELECTED_OUTLINE: Rgba = [255, 255, 255, 255];
export const COMPOUND_OUTLINE: Rgba = [8, 20, 35, 220];

/** Label font sizes in pixels, before the wall's scale. */
export const TOWNSHIP_LABEL_SIZE = 15;
export const COMPOUND_LABEL_SIZE = 12;

/** Pixels from a compound's point to its name's centre line (above the point). */
export function compoundLabelOffset(households: number, scale: number): number {
  return -(compoundRadius(households) * scale + 9);
}
