/**
 * The analyst map's township names at every zoom: never two names touching (the wall's label plan
 * with the camera the user moves), every name shown once there is room, and the names the issue
 * saw run together (磁灶镇西园街道梅岭街道) apart at the city view of a laptop.
 */
import { describe, expect, it } from 'vitest';
import { LABEL_POSITIONS, TOWNSHIPS } from '../../../../data/geography/jinjiang.ts';
import { TOWNSHIP_LABEL_SIZE, type TownshipFeature } from '../../../../client/src/features/layers/deckLayers.ts';
import { townshipLabelPlan } from '../../../../client/src/features/layers/townshipLabelPlan.ts';
import { labelWidth, zoomProjection } from '../../../../client/src/features/wall/wallLabels.ts';

// The names where the map writes them: the hand-placed positions, else the township's seat.
const townships: TownshipFeature[] = TOWNSHIPS.map((t) => {
  const at = LABEL_POSITIONS[t.code] ?? t.seat;
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [] },
    properties: { code: t.code, name: t.name, labelAt: [at[0], at[1]] },
  };
});

/** The boxes the names are drawn in at `zoom` (as deck.gl's TextLayer centres them), without any gap. */
function drawnBoxes(zoom: number) {
  const plan = townshipLabelPlan(townships, zoom);
  const project = zoomProjection(zoom);
  const boxes = townships
    .filter((f) => !plan.dropped.has(f.properties.code))
    .map((f) => {
      const [x, y0] = project(...f.properties.labelAt);
      const y = y0 + (plan.moved.get(f.properties.code) ?? 0);
      const w = labelWidth(f.properties.name, TOWNSHIP_LABEL_SIZE) / 2;
      const h = (TOWNSHIP_LABEL_SIZE * 1.25) / 2;
      return { name: f.properties.name, left: x - w, right: x + w, top: y - h, bottom: y + h };
    });
  return { plan, boxes };
}

describe('townshipLabelPlan', () => {
  // From the whole city on a 1280×720 projector (about zoom 9.6) to the map's closest view.
  const zooms = Array.from({ length: 31 }, (_, i) => 9.5 + i * 0.25);

  it.each(zooms)('keeps every pair of names apart at zoom %s', (zoom) => {
    const { boxes } = drawnBoxes(zoom);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(
          a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
          `${a.name} and ${b.name} overlap at zoom ${zoom}`,
        ).toBe(false);
  });

  it('names every township once the map is zoomed in, and leaves fewer off the closer it gets', () => {
    expect(drawnBoxes(13).plan.dropped.size).toBe(0);
    const dropped = zooms.map((z) => drawnBoxes(z).plan.dropped.size);
    for (const [i, n] of dropped.entries())
      if (i > 0) expect(n, `zoom ${zooms[i]}`).toBeLessThanOrEqual(dropped[i - 1]!);
  });

  it('moves 梅岭街道 or 西园街道 off the line they shared at the city view of a laptop (zoom 10.3)', () => {
    const { plan, boxes } = drawnBoxes(10.3);
    const shown = boxes.map((b) => b.name);
    expect(shown.length, 'most townships are still named').toBeGreaterThanOrEqual(17);
    const codeOf = (name: string) => TOWNSHIPS.find((t) => t.name === name)!.code;
    const apart = ['梅岭街道', '西园街道', '磁灶镇'].map(codeOf).some((c) => plan.moved.has(c) || plan.dropped.has(c));
    expect(apart).toBe(true);
  });
});
