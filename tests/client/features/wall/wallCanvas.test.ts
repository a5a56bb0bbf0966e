/** The wall's URL parameters and its design canvas: width by aspect, scale, letterbox, panel layout. */
import { describe, expect, it } from 'vitest';
import { CANVAS_HEIGHT, canvasGeometry, sceneLayout } from '../../../../client/src/features/wall/wallCanvas.ts';
import { parseWallParams, WALL_SCENES } from '../../../../client/src/features/wall/wallParams.ts';

describe('wall parameters', () => {
  it('reads scenes, interval and canvas, dropping what it does not know', () => {
    expect(parseWallParams('?scenes=overview,party,bogus,spotlight&interval=30&canvas=3840x1080')).toEqual({
      scenes: ['overview', 'party', 'spotlight'],
      intervalSeconds: 30,
      canvas: { width: 3840, height: 1080 },
    });
    expect(parseWallParams('')).toEqual({ scenes: [...WALL_SCENES], intervalSeconds: 20, canvas: null });
    expect(parseWallParams('?interval=1').intervalSeconds).toBe(5);
    expect(parseWallParams('?interval=abc&canvas=big').canvas).toBeNull();
  });
});

describe('wall canvas', () => {
  it.each([
    [1920, 1080, 1920, 1],
    [3840, 1080, 3840, 1],
    [3840, 2160, 1920, 2],
    [5760, 1080, 5760, 1],
    [1280, 720, 1920, 2 / 3],
  ])('%i×%i → %i units wide at scale %d, filling the screen', (w, h, units, scale) => {
    const g = canvasGeometry({ width: w, height: h }, null);
    expect(g.width).toBe(units);
    expect(g.scale).toBeCloseTo(scale, 6);
    expect(g.left).toBe(0);
    expect(g.top).toBe(0);
  });

  it('letterboxes an override: 32:9 in a 16:9 window is half as tall and centred', () => {
    const g = canvasGeometry({ width: 1920, height: 1080 }, { width: 3840, height: 1080 });
    expect(g.width).toBe(3840);
    expect(g.scale).toBeCloseTo(0.5, 6);
    expect(g.top).toBe(270);
    expect(g.left).toBe(0);
  });

  it('lays panels and the map side by side within the canvas, more panels on wider walls', () => {
    for (const [width, panels] of [
      [1920, 1],
      [3840, 1],
      [5760, 3],
    ] as const) {
      const layout = sceneLayout(width);
      expect(layout.right).toHaveLength(panels);
      const rects = [layout.left, layout.map, ...layout.right];
      for (let i = 1; i < rects.length; i++) expect(rects[i]!.x).toBeGreaterThan(rects[i - 1]!.x + rects[i - 1]!.width);
      const last = rects[rects.length - 1]!;
      expect(last.x + last.width).toBeLessThanOrEqual(width);
      expect(layout.map.y + layout.map.height).toBeLessThanOrEqual(CANVAS_HEIGHT);
    }
  });
});
