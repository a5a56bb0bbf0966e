/** Colours of the dark command-centre map (RGB for deck.gl, CSS strings for maplibre). */
export const MAP_THEME = {
  sea: '#081423',
  neighbourLand: '#111d2c',
  neighbourEdge: '#2a3a50',
  land: '#14263b',
  townshipEdge: '#3b5b80',
  cityEdge: '#6e93bd',
} as const;

export type Rgba = [number, number, number, number];

export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}
