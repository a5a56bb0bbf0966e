/**
 * Labels on the wall's map that do not run into each other. The wall's camera is fixed per scene
 * (maplibre's fitBounds of the city or of a township), so label boxes are computed here, in the
 * same Web Mercator pixels, without asking the map.
 *
 * - Township names: small central townships sit side by side, and at the wall's label size two
 *   names can touch and read as one ("西园街道梅岭街道"); such a name is moved up or down.
 * - The spotlight's compound names: all of a township's names at the zoom the wall shows it pile
 *   up into an unreadable knot (eighty names in a few square kilometres), so the map names the
 *   lagging compounds the list beside it names, in the list's order, and drops a name whose box
 *   would overlap one already placed or leave the map.
 */
import {
  COMPOUND_LABEL_SIZE,
  compoundLabelOffset,
  TOWNSHIP_LABEL_SIZE,
  type TownshipFeature,
} from '../layers/mapMetrics.ts';
import type { CompoundRow } from '../layers/coverageLayers.ts';

export interface LabelCandidate {
  code: string;
  name: string;
  lon: number;
  lat: number;
  /** Pixels from the point to the label's centre line (negative: above the point). */
  offsetY: number;
}

export interface FittedView {
  /** [west, south, east, north], fitted into the map with `padding` on every side. */
  bounds: readonly [number, number, number, number];
  width: number;
  height: number;
  padding: number;
  /** The map's largest zoom for fitBounds (MapAdapter: 15). */
  maxZoom: number;
}

/** maplibre's world is 512 px wide at zoom 0. */
const TILE_SIZE = 512;

const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => {
  const phi = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
};

/** Pixels from the map's top-left corner, as fitBounds places the bounds (centred, aspect kept). */
export function fittedProjection(view: FittedView): (lon: number, lat: number) => [number, number] {
  const [west, south, east, north] = view.bounds;
  const x0 = mercatorX(west);
  const x1 = mercatorX(east);
  const y0 = mercatorY(north);
  const y1 = mercatorY(south);
  const fit = Math.min(
    (view.width - 2 * view.padding) / Math.max(x1 - x0, 1e-12),
    (view.height - 2 * view.padding) / Math.max(y1 - y0, 1e-12),
  );
  const scale = Math.min(fit, TILE_SIZE * 2 ** view.maxZoom);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return (lon, lat) => [
    view.width / 2 + (mercatorX(lon) - cx) * scale,
    view.height / 2 + (mercatorY(lat) - cy) * scale,
  ];
}

/**
 * Pixels at a zoom, as maplibre projects them (the origin is the world's corner: only distances
 * between labels matter). The analyst map's camera moves, so its labels are planned per zoom.
 */
export function zoomProjection(zoom: number): (lon: number, lat: number) => [number, number] {
  const scale = TILE_SIZE * 2 ** zoom;
  return (lon, lat) => [mercatorX(lon) * scale, mercatorY(lat) * scale];
}

/** A name's width in pixels: a CJK character is one em, Latin letters and digits about half. */
export function labelWidth(name: string, fontSize: number): number {
  let ems = 0;
  for (const ch of name) ems += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return ems * fontSize;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export interface LabelPlacement {
  project: (lon: number, lat: number) => [number, number];
  map: { width: number; height: number };
  /** The names' font size in pixels. */
  fontSize: number;
  /** Pixels kept clear around each name. */
  gap?: number;
  /** Labels already on the map that names must not cover (the township's own name), each with its font size and vertical offset. */
  reserved?: readonly { name: string; lon: number; lat: number; fontSize: number; offsetY?: number }[];
}

function boxMaker(placement: LabelPlacement) {
  const gap = placement.gap ?? 4;
  return (name: string, lon: number, lat: number, offsetY: number, size: number): Box => {
    const [x, y] = placement.project(lon, lat);
    const w = labelWidth(name, size) / 2;
    const h = (size * 1.25) / 2;
    return { left: x - w - gap, right: x + w + gap, top: y + offsetY - h - gap, bottom: y + offsetY + h + gap };
  };
}

/** Where each name went: the vertical offset of each moved name, and the names with no clear place. */
export interface LabelPlan {
  moved: Map<string, number>;
  /** Only with `drop`: names that overlap a placed name wherever they are tried. */
  dropped: Set<string>;
}

/**
 * Vertical pixel offsets for names that would overlap a name placed before them (in order): each
 * is tried where it is, then a line up, a line down, two lines up, two down; the first place clear
 * of the names before it is kept. With none clear, the name stays where it is (the wall: every
 * township is named) or, with `drop`, is left off (the analyst map, zoomed out on a laptop).
 */
export function planLabels(
  labels: readonly { key: string; name: string; lon: number; lat: number }[],
  placement: LabelPlacement,
  { drop = false }: { drop?: boolean } = {},
): LabelPlan {
  const boxOf = boxMaker(placement);
  const line = placement.fontSize * 1.25 + 2 * (placement.gap ?? 4);
  const tries = [0, -1, 1, -2, 2].map((n) => n * line);
  const placed: Box[] = [];
  const plan: LabelPlan = { moved: new Map(), dropped: new Set() };
  for (const label of labels) {
    const dy = tries.find(
      (d) => !placed.some((p) => overlaps(p, boxOf(label.name, label.lon, label.lat, d, placement.fontSize))),
    );
    if (dy === undefined && drop) {
      plan.dropped.add(label.key);
      continue;
    }
    placed.push(boxOf(label.name, label.lon, label.lat, dy ?? 0, placement.fontSize));
    if (dy) plan.moved.set(label.key, dy);
  }
  return plan;
}

/** The wall's rule: every name kept, moved clear of the names before it where a place is free. */
export function separatedLabels(
  labels: readonly { key: string; name: string; lon: number; lat: number }[],
  placement: LabelPlacement,
): Map<string, number> {
  return planLabels(labels, placement).moved;
}

/**
 * The codes of the candidates to name, taken in order: each is kept if its label box (plus `gap`
 * pixels around it) overlaps no reserved or kept box and lies inside the map.
 */
export function declutteredLabels(candidates: readonly LabelCandidate[], placement: LabelPlacement): Set<string> {
  const { map, fontSize } = placement;
  const boxOf = boxMaker(placement);
  const kept: Box[] = (placement.reserved ?? []).map((r) => boxOf(r.name, r.lon, r.lat, r.offsetY ?? 0, r.fontSize));
  const codes = new Set<string>();
  for (const c of candidates) {
    const box = boxOf(c.name, c.lon, c.lat, c.offsetY, fontSize);
    if (box.left < 0 || box.top < 0 || box.right > map.width || box.bottom > map.height) continue;
    if (kept.some((k) => overlaps(k, box))) continue;
    kept.push(box);
    codes.add(c.code);
  }
  return codes;
}

/** Township names on a wall view, moved clear of each other: the vertical offset of each moved name, by code. */
export function townshipLabelOffsets(
  view: FittedView,
  townships: readonly TownshipFeature[],
  labelScale: number,
): Map<string, number> {
  return separatedLabels(
    townships.map((f) => ({
      key: f.properties.code,
      name: f.properties.name,
      lon: f.properties.labelAt[0],
      lat: f.properties.labelAt[1],
    })),
    { project: fittedProjection(view), map: view, fontSize: TOWNSHIP_LABEL_SIZE * labelScale },
  );
}

export interface SpotlightNamesInput {
  view: FittedView;
  /** The spotlit township, its name's size multiplier and where `townshipLabelOffsets` put it. */
  township: TownshipFeature;
  townshipLabelScale: number;
  townshipOffsets: ReadonlyMap<string, number>;
  /** Its lagging compounds in the list's order. */
  lagging: readonly Pick<CompoundRow, 'code' | 'name' | 'lon' | 'lat' | 'households'>[];
  /** The compound names' and points' size multipliers. */
  labelScale: number;
  pointScale: number;
}

/** The spotlight's compounds to name: the listed ones that fit, clear of each other and of the township's name. */
export function spotlightNames(input: SpotlightNamesInput): Set<string> {
  const own = input.township.properties;
  const candidates = input.lagging.map((c) => ({
    code: c.code,
    name: c.name,
    lon: c.lon,
    lat: c.lat,
    offsetY: compoundLabelOffset(c.households, input.pointScale),
  }));
  return declutteredLabels(candidates, {
    project: fittedProjection(input.view),
    map: input.view,
    fontSize: COMPOUND_LABEL_SIZE * input.labelScale,
    reserved: [
      {
        name: own.name,
        lon: own.labelAt[0],
        lat: own.labelAt[1],
        fontSize: TOWNSHIP_LABEL_SIZE * input.townshipLabelScale,
        offsetY: input.townshipOffsets.get(own.code) ?? 0,
      },
    ],
  });
}
