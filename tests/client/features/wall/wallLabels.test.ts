/** The wall's map labels: where fitBounds puts a point, township names moved clear of each other, and which compound names fit. */
import { describe, expect, it } from 'vitest';
import type { TownshipFeature } from '../../../../client/src/features/layers/deckLayers.ts';
import {
  declutteredLabels,
  fittedProjection,
  labelWidth,
  separatedLabels,
  spotlightNames,
  townshipLabelOffsets,
  type LabelCandidate,
} from '../../../../client/src/features/wall/wallLabels.ts';

// About 4 km × 4.4 km around 梅岭街道, fitted into a 686 × 950 map slot with 24 px padding.
const view = { bounds: [118.55, 24.8, 118.59, 24.84] as const, width: 686, height: 950, padding: 24, maxZoom: 15 };

describe('fittedProjection', () => {
  const project = fittedProjection(view);

  it('puts the bounds in the middle of the map, touching the padding on the tighter side', () => {
    const [cx, cy] = project(118.57, 24.82);
    expect(cx).toBeCloseTo(343, 0);
    expect(cy).toBeCloseTo(475, 0);
    // Taller than wide in pixels here? The township is nearly square, the slot is tall: width binds.
    const [west] = project(118.55, 24.82);
    const [east] = project(118.59, 24.82);
    expect(west).toBeCloseTo(24, 5);
    expect(east).toBeCloseTo(686 - 24, 5);
    const [, north] = project(118.57, 24.84);
    const [, south] = project(118.57, 24.8);
    expect(north).toBeGreaterThan(24);
    expect(south).toBeLessThan(950 - 24);
    expect(north).toBeLessThan(south); // north is up
  });

  it('stops at the largest zoom for a tiny area instead of magnifying without end', () => {
    const tiny = fittedProjection({ ...view, bounds: [118.57, 24.82, 118.5701, 24.8201] });
    const [a] = tiny(118.57, 24.82);
    const [b] = tiny(118.5701, 24.82);
    // At zoom 15, 512·2^15 px span the world: 0.0001° of longitude is about 4.7 px.
    expect(b - a).toBeCloseTo((0.0001 / 360) * 512 * 2 ** 15, 3);
  });
});

describe('declutteredLabels', () => {
  const placement = { project: fittedProjection(view), map: view, fontSize: 20 };
  const at = (code: string, lon: number, lat: number, name = '滨江佳园'): LabelCandidate => ({
    code,
    name,
    lon,
    lat,
    offsetY: -15,
  });

  it('keeps names in priority order and drops one that would overlap a kept name', () => {
    const kept = declutteredLabels(
      [at('A', 118.57, 24.82), at('B', 118.5702, 24.8201), at('C', 118.56, 24.81)],
      placement,
    );
    expect([...kept]).toEqual(['A', 'C']);
    // The same two, the other way round: the first listed wins.
    expect([...declutteredLabels([at('B', 118.5702, 24.8201), at('A', 118.57, 24.82)], placement)]).toEqual(['B']);
  });

  it("keeps the township's own name clear", () => {
    const reserved = [{ name: '梅岭街道', lon: 118.57, lat: 24.8205, fontSize: 25 }];
    expect([
      ...declutteredLabels([at('A', 118.57, 24.82), at('C', 118.56, 24.81)], { ...placement, reserved }),
    ]).toEqual(['C']);
  });

  it('drops a name that would run off the map', () => {
    expect(declutteredLabels([at('edge', 118.5502, 24.82, '一个很长很长的小区名字')], placement).size).toBe(0);
    expect(declutteredLabels([at('outside', 118.7, 24.82)], placement).size).toBe(0);
  });

  it('measures Chinese characters at one em and Latin letters and digits at about half', () => {
    expect(labelWidth('滨江佳园', 20)).toBe(80);
    expect(labelWidth('SM广场', 20)).toBeCloseTo(62, 0);
  });
});

describe('separatedLabels', () => {
  const placement = { project: fittedProjection(view), map: view, fontSize: 22 };
  // Two township names side by side, their boxes touching (as 西园街道 and 梅岭街道 on the city view), and one far away.
  // The bounds' width fills the slot's 686 − 2 × 24 px: a pixel is 0.04° / 638 of longitude.
  const lonAt = (px: number) => 118.57 + (px / (686 - 48)) * 0.04;
  const side = [
    { key: 'west', name: '西园街道', lon: 118.57, lat: 24.82 },
    { key: 'east', name: '梅岭街道', lon: lonAt(80), lat: 24.82 },
    { key: 'far', name: '金井镇', lon: 118.555, lat: 24.805 },
  ];

  it('moves the later of two touching names up a line, and leaves the rest alone', () => {
    const moved = separatedLabels(side, placement);
    expect([...moved.keys()]).toEqual(['east']);
    // One line: the name's height (1.25 em) and the gap above and below it.
    expect(moved.get('east')).toBeCloseTo(-(22 * 1.25 + 8), 5);
  });

  it('moves nothing when the names are clear of each other', () => {
    expect(separatedLabels([side[0]!, { ...side[1]!, lon: lonAt(140) }, side[2]!], placement).size).toBe(0);
  });
});

describe('townshipLabelOffsets and spotlightNames', () => {
  const square = (code: string, name: string, lon: number, lat: number): TownshipFeature => ({
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon - 0.005, lat - 0.005],
          [lon + 0.005, lat - 0.005],
          [lon + 0.005, lat + 0.005],
          [lon - 0.005, lat + 0.005],
          [lon - 0.005, lat - 0.005],
        ],
      ],
    },
    properties: { code, name, labelAt: [lon, lat] },
  });
  // 15 px names × 22/15 = 22 px: the two names 80 px apart touch, so 梅岭街道 moves a line up.
  const scale = 22 / 15;
  const eastLon = 118.57 + (80 / 638) * 0.04;
  const townships = [square('350582001', '西园街道', 118.57, 24.82), square('350582002', '梅岭街道', eastLon, 24.82)];
  // A degree of latitude here is about 1 / 5.69e-5 px: a 400-household point's name sits 16 px above it.
  const pxLat = 5.69e-5;
  const compound = (code: string, lat: number) => ({ code, name: `小区${code}`, lon: eastLon, lat, households: 400 });

  it("keeps compound names off the spotlit township's name where it was moved to, not where it was", () => {
    const offsets = townshipLabelOffsets(view, townships, scale);
    expect([...offsets.keys()]).toEqual(['350582002']);
    const names = spotlightNames({
      view,
      township: townships[1]!,
      townshipLabelScale: scale,
      townshipOffsets: offsets,
      // A's name takes the place 梅岭街道 left; B's would sit on 梅岭街道 a line up.
      lagging: [compound('A', 24.82 - 16 * pxLat), compound('B', 24.82 + 19.5 * pxLat)],
      labelScale: 1,
      pointScale: 1,
    });
    expect([...names]).toEqual(['A']);
  });
});
