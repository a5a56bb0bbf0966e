/** Drawn selections: what the URL keeps is what was drawn, and "inside" means what turf says. */
import { booleanPointInPolygon, destination, distance, point, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  parseSelection,
  selectionContains,
  selectionOutline,
  serialiseSelection,
  type SpatialSelection,
} from '../../../shared/workbench/spatialSelection.ts';
import { JINJIANG } from '../../../data/cities/jinjiang.ts';

const BOUNDS = JINJIANG.bounds;

const ring: [number, number][] = [
  [118.55, 24.75],
  [118.62, 24.76],
  [118.6, 24.82],
  [118.54, 24.8],
];

describe('spatial selection', () => {
  it.each<SpatialSelection>([
    { kind: 'polygon', ring },
    { kind: 'rect', bbox: [118.5, 24.7, 118.6, 24.8] },
    { kind: 'circle', centre: [118.58, 24.78], radiusM: 1500 },
  ])('round-trips %o through its URL text', (selection) => {
    expect(parseSelection(serialiseSelection(selection), BOUNDS)).toEqual(selection);
  });

  it.each([
    '',
    'poly:',
    'poly:118.5,24.7;118.6,24.7',
    'poly:118.5,24.7;118.6,x;118.6,24.8',
    'rect:118.6,24.7,118.5,24.8',
    'rect:1,2,3,4',
    'circle:118.5,24.7,0',
    'circle:118.5,24.7,99999999',
    'star:1,2',
    `poly:${Array.from({ length: 201 }, () => '118.5,24.7').join(';')}`,
  ])('rejects %j', (text) => expect(parseSelection(text, BOUNDS)).toBeNull());

  it("takes its region from the city: a Jinjiang link is refused in another city's workbench", () => {
    // A fictional city around 112.1 E, 31.1 N (the synthetic second city of the tests).
    const elsewhere = [112.0, 31.0, 112.2, 31.2] as const;
    const text = serialiseSelection({ kind: 'circle', centre: [118.58, 24.78], radiusM: 1500 });
    expect(parseSelection(text, BOUNDS)).not.toBeNull();
    expect(parseSelection(text, elsewhere)).toBeNull();
    expect(parseSelection('circle:112.1,31.1,1500', elsewhere)).toEqual({
      kind: 'circle',
      centre: [112.1, 31.1],
      radiusM: 1500,
    });
  });

  it('selects inside a polygon exactly as turf does, on a grid of points', () => {
    const selection: SpatialSelection = { kind: 'polygon', ring };
    const turfPolygon = polygon([[...ring, ring[0]!]]);
    let inside = 0;
    for (let lon = 118.53; lon <= 118.63; lon += 0.0025)
      for (let lat = 24.74; lat <= 24.83; lat += 0.0025) {
        const want = booleanPointInPolygon(point([lon, lat]), turfPolygon);
        expect(selectionContains(selection, lon, lat), `${lon},${lat}`).toBe(want);
        if (want) inside++;
      }
    expect(inside).toBeGreaterThan(100);
  });

  it('selects by true distance around a point, not by the drawn outline', () => {
    const selection: SpatialSelection = { kind: 'circle', centre: [118.58, 24.78], radiusM: 1000 };
    const at = (metres: number, bearing: number) =>
      destination([118.58, 24.78], metres / 1000, bearing).geometry.coordinates as [number, number];
    for (const bearing of [0, 45, 90, 180, 270]) {
      expect(selectionContains(selection, ...at(990, bearing))).toBe(true);
      expect(selectionContains(selection, ...at(1010, bearing))).toBe(false);
    }
    const outline = selectionOutline(selection).coordinates[0]!;
    for (const p of outline) expect(distance([118.58, 24.78], p, { units: 'meters' })).toBeCloseTo(1000, 0);
  });

  it('treats a rectangle as its bounds, edges included', () => {
    const selection: SpatialSelection = { kind: 'rect', bbox: [118.5, 24.7, 118.6, 24.8] };
    expect(selectionContains(selection, 118.5, 24.7)).toBe(true);
    expect(selectionContains(selection, 118.55, 24.75)).toBe(true);
    expect(selectionContains(selection, 118.61, 24.75)).toBe(false);
  });
});
