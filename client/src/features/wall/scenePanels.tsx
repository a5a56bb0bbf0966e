/**
 * Placing a scene's panels in the layout's slots (left of the map, then right of it): each group
 * of panels takes one slot, stacked top to bottom with equal heights; a last group with slots to
 * spare spans them. A panel is drawn knowing its height and width in canvas units, so lists can
 * show as many rows as fit and say how many more there are.
 */
import type { ReactNode } from 'react';
import { spanOf, type Rect } from './wallCanvas.ts';

/** Canvas units between stacked panels (as between slots). */
const STACK_GAP = 20;

export interface PanelBox {
  width: number;
  height: number;
}

export type PanelRender = (box: PanelBox) => ReactNode;

export const place = (r: Rect) => ({ left: r.x, top: r.y, width: r.width, height: r.height });

export function ScenePanels({
  slots,
  groups,
}: {
  slots: readonly Rect[];
  groups: readonly (readonly PanelRender[])[];
}) {
  const used = groups.slice(0, slots.length);
  return (
    <>
      {used.map((group, i) => {
        const last = i === used.length - 1;
        const rect = last ? spanOf(slots.slice(i)) : slots[i]!;
        const height = (rect.height - STACK_GAP * (group.length - 1)) / group.length;
        return (
          <div key={i} className="wall-slot wall-stack" style={place(rect)}>
            {group.map((render, j) => (
              <div key={j} className="wall-stack-item" style={{ height }}>
                {render({ width: rect.width, height })}
              </div>
            ))}
          </div>
        );
      })}
    </>
  );
}

/**
 * How many rows of `rowHeight` fit in a panel of `height` units: the panel's padding and heading
 * (`overhead`) taken off; at least one.
 */
export function rowsThatFit(height: number, rowHeight: number, overhead = 96): number {
  return Math.max(1, Math.floor((height - overhead) / rowHeight));
}

/** The first `fit` items, leaving the last row for "另有 n 个" when some do not fit. */
export function fitted<T>(
  items: readonly T[],
  fit: number,
  total = items.length,
): { shown: readonly T[]; more: number } {
  // `total`: how many there are when `items` is only the first of them (the server's capped lists).
  if (total <= fit) return { shown: items, more: 0 };
  const shown = items.slice(0, Math.max(0, fit - 1));
  return { shown, more: total - shown.length };
}
