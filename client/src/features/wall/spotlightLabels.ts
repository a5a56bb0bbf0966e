/**
 * Which compounds the spotlight scene names on its map. All of a township's names at the zoom the
 * wall shows it pile up into an unreadable knot (eighty names in a few square kilometres), so the
 * map names the lagging compounds the list beside it names, in the list's order, and drops a name
 * whose box would overlap one already placed or leave the map. The wall's camera is fixed per
 * scene (maplibre's fitBounds of the township), so the boxes are computed here, in the same Web
 * Mercator pixels, without asking the map.
 */

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
  const fit = Math.min((view.width - 2 * view.padding) / Math.max(x1 - x0, 1e-12), (view.height - 2 * view.padding) / Math.max(y1 - y0, 1e-12));
  const scale = Math.min(fit, TILE_SIZE * 2 ** view.maxZoom);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return (lon, lat) => [view.width / 2 + (mercatorX(lon) - cx) * scale, view.height / 2 + (mercatorY(lat) - cy) * scale];
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
  /** Labels already on the map that names must not cover (the township's own name), each with its font size. */
  reserved?: readonly { name: string; lon: number; lat: number; fontSize: number }[];
}

/**
 * The codes of the candidates to name, taken in order: each is kept if its label box (plus `gap`
 * pixels around it) overlaps no reserved or kept box and lies inside the map.
 */
export function declutteredLabels(candidates: readonly LabelCandidate[], placement: LabelPlacement): Set<string> {
  const { project, map, fontSize, gap = 4 } = placement;
  const boxOf = (name: string, lon: number, lat: number, offsetY: number, size: number): Box => {
    const [x, y] = project(lon, lat);
    const w = labelWidth(name, size) / 2;
    const h = (size * 1.25) / 2;
    return { left: x - w - gap, right: x + w + gap, top: y + offsetY - h - gap, bottom: y + offsetY + h + gap };
  };
  const kept: Box[] = (placement.reserved ?? []).map((r) => boxOf(r.name, r.lon, r.lat, 0, r.fontSize));
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
