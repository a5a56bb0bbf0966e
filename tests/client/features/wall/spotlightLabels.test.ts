/** The spotlight's compound names: where fitBounds puts a point, and which names fit without overlapping. */
import { describe, expect, it } from 'vitest';
import { declutteredLabels, fittedProjection, labelWidth, type LabelCandidate } from '../../../../client/src/features/wall/spotlightLabels.ts';

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
  const at = (code: string, lon: number, lat: number, name = '滨江佳园'): LabelCandidate => ({ code, name, lon, lat, offsetY: -15 });

  it('keeps names in priority order and drops one that would overlap a kept name', () => {
    const kept = declutteredLabels([at('A', 118.57, 24.82), at('B', 118.5702, 24.8201), at('C', 118.56, 24.81)], placement);
    expect([...kept]).toEqual(['A', 'C']);
    // The same two, the other way round: the first listed wins.
    expect([...declutteredLabels([at('B', 118.5702, 24.8201), at('A', 118.57, 24.82)], placement)]).toEqual(['B']);
  });

  it("keeps the township's own name clear", () => {
    const reserved = [{ name: '梅岭街道', lon: 118.57, lat: 24.8205, fontSize: 25 }];
    expect([...declutteredLabels([at('A', 118.57, 24.82), at('C', 118.56, 24.81)], { ...placement, reserved })]).toEqual(['C']);
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
