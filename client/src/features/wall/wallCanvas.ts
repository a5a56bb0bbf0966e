/**
 * The wall's design canvas: 1080 units high and 1080 × the display's aspect wide, so a 32:9 or
 * 48:9 wall gets real extra width rather than a stretched picture. Scale s = display height / 1080
 * (or the letterboxed fit of a `canvas=` override). Panels are laid out in canvas units; the map
 * is placed in real pixels over its slot.
 */
export const CANVAS_HEIGHT = 1080;
export const HEADER_HEIGHT = 104;
const PAD = 28;
const GAP = 28;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CanvasGeometry {
  /** Canvas width in units (height is always 1080). */
  width: number;
  /** Real pixels per canvas unit. */
  scale: number;
  /** Where the canvas sits in the viewport, in real pixels (letterbox). */
  left: number;
  top: number;
}

export function canvasGeometry(
  viewport: { width: number; height: number },
  override: { width: number; height: number } | null,
): CanvasGeometry {
  const aspect = override ? override.width / override.height : viewport.width / viewport.height;
  const width = Math.round(CANVAS_HEIGHT * aspect);
  const scale = Math.min(viewport.width / width, viewport.height / CANVAS_HEIGHT);
  return {
    width,
    scale,
    left: Math.floor((viewport.width - width * scale) / 2),
    top: Math.floor((viewport.height - CANVAS_HEIGHT * scale) / 2),
  };
}

export interface SceneLayout {
  wide: boolean;
  left: Rect;
  map: Rect;
  /** The panels right of the map: one on 16:9, two on 32:9 … (wider walls, more panels). */
  right: Rect[];
}

/**
 * 16:9 (≤ 2600 units): [indicators 540][map][panel 580]. Wider: a map slot of 1300 units (the
 * city is taller than wide, so a wider slot would only show more sea) and the rest shared by
 * panels of equal width, as many as fit at ≥ 1000 units each.
 */
export function sceneLayout(canvasWidth: number): SceneLayout {
  const y = HEADER_HEIGHT;
  const height = CANVAS_HEIGHT - HEADER_HEIGHT - PAD;
  const wide = canvasWidth > 2600;
  if (!wide) {
    const leftWidth = 540;
    const rightWidth = 580;
    const mapWidth = canvasWidth - 2 * PAD - 2 * GAP - leftWidth - rightWidth;
    return {
      wide,
      left: { x: PAD, y, width: leftWidth, height },
      map: { x: PAD + leftWidth + GAP, y, width: mapWidth, height },
      right: [{ x: PAD + leftWidth + GAP + mapWidth + GAP, y, width: rightWidth, height }],
    };
  }
  const mapWidth = 1300;
  const panels = Math.max(2, Math.min(4, Math.floor((canvasWidth - 2 * PAD - mapWidth) / 1000)));
  const panelWidth = (canvasWidth - 2 * PAD - mapWidth - panels * GAP) / panels;
  const left = { x: PAD, y, width: panelWidth, height };
  const mapX = PAD + panelWidth + GAP;
  const right = Array.from({ length: panels - 1 }, (_, i) => ({
    x: mapX + mapWidth + GAP + i * (panelWidth + GAP),
    y,
    width: panelWidth,
    height,
  }));
  return { wide, left, map: { x: mapX, y, width: mapWidth, height }, right };
}

/** Two or more neighbouring panels as one. */
export function spanOf(rects: readonly Rect[]): Rect {
  const first = rects[0]!;
  const last = rects[rects.length - 1]!;
  return { x: first.x, y: first.y, width: last.x + last.width - first.x, height: first.height };
}
