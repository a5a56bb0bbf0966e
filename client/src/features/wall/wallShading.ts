/**
 * The judgement each wall map is shaded by, with its legend (classes and counts): the overview by
 * how many of the five goals a township misses, the 红黑榜 by the lists, the movers by the change
 * of composite rank. Colours follow the colour language (shared/colours/judgement.ts): green only where every goal is met, the shortfall ramp to red at the worst, the 红榜 and a rise in the "better" accent;
 * a township with nothing to judge is left unshaded. Pure.
 */
import type { RouterOutputs } from '../../app/trpc.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import {
  CHANGE_COLOURS,
  hexToRgb,
  LIST_COLOURS,
  shortfallColour,
  STATUS_COLOURS,
  type Rgb,
} from '../../../../shared/colours/judgement.ts';
import { INDICATOR_ORDER, type Shading } from '../layers/choropleth.ts';
import type { Rgba } from '../../map/theme.ts';
import type { TownshipReport } from './laggingTownships.ts';
import { isMet } from './scenePlan.ts';

export type Board = RouterOutputs['review']['board'];

export interface MapKeyEntry {
  id: string;
  /** i18n key of the class's name. */
  label: MessageKey;
  /** CSS colour. */
  color: string;
  count: number;
}

export interface WallShading {
  shading: Pick<Shading, 'colorOf'>;
  /** i18n key of what the shading judges. */
  title: MessageKey;
  entries: MapKeyEntry[];
}

const css = ([r, g, b]: Rgba) => `rgb(${r}, ${g}, ${b})`;
/** A judgement colour as a township fill, translucent so the outlines and labels stay readable. */
export const shade = ([r, g, b]: Rgb): Rgba => [r, g, b, 190];
const NEUTRAL = '#2a4566';

export function classed(
  title: MessageKey,
  classes: readonly { id: string; label: MessageKey; color: Rgba | null }[],
  classOf: ReadonlyMap<string, string>,
): WallShading {
  const colors = new Map(classes.map((c) => [c.id, c.color]));
  const entries = classes.map((c) => ({
    id: c.id,
    label: c.label,
    color: c.color ? css(c.color) : NEUTRAL,
    count: [...classOf.values()].filter((id) => id === c.id).length,
  }));
  return {
    title,
    entries,
    shading: {
      colorOf: (code) => {
        const id = classOf.get(code);
        return id === undefined ? null : (colors.get(id) ?? null);
      },
    },
  };
}

/** Goals missed (of those set): none, one, two, three or more. */
export function goalsMissedShading(townships: readonly TownshipReport[]): WallShading {
  const missed = new Map(
    townships.map((t) => {
      const n = INDICATOR_ORDER.filter((k) => t.indicators[k].target !== null && !isMet(t.indicators[k])).length;
      return [t.code, `missed${Math.min(3, n)}`];
    }),
  );
  return classed(
    'wall.key.goalsMissed',
    [
      // Green only where every goal set is met; then the shortfall ramp, red at the worst.
      { id: 'missed0', label: 'wall.key.missed0', color: shade(hexToRgb(STATUS_COLOURS.met.dark)) },
      { id: 'missed1', label: 'wall.key.missed1', color: shade(shortfallColour(1)) },
      { id: 'missed2', label: 'wall.key.missed2', color: shade(shortfallColour(0.5)) },
      { id: 'missed3', label: 'wall.key.missed3', color: shade(shortfallColour(0)) },
    ],
    missed,
  );
}

/**
 * 红榜 at the good end, 黑榜 at the bad end, the rest unshaded. Rules that put a township on both
 * lists are shown as such (mid-ramp), so the counts agree with the lists beside the map.
 */
export function listShading(board: Board): WallShading {
  const lists = new Map<string, string>();
  const red = new Set(board.redList.map((e) => e.code));
  const black = new Set(board.blackList.map((e) => e.code));
  for (const t of board.townships)
    lists.set(t.code, red.has(t.code) ? (black.has(t.code) ? 'both' : 'red') : black.has(t.code) ? 'black' : 'rest');
  const shaded = classed(
    'wall.key.lists',
    [
      // 红榜 in the "better" accent (red means worst everywhere), 黑榜 at the worst end.
      { id: 'red', label: 'wall.key.red', color: shade(hexToRgb(LIST_COLOURS.red.dark)) },
      { id: 'black', label: 'wall.key.black', color: shade(hexToRgb(LIST_COLOURS.black.dark)) },
      { id: 'both', label: 'wall.board.both', color: shade(hexToRgb(STATUS_COLOURS.none.dark)) },
      { id: 'rest', label: 'wall.key.rest', color: null },
    ],
    lists,
  );
  return { ...shaded, entries: shaded.entries.filter((e) => e.id !== 'both' || e.count > 0) };
}

/** Composite rank since last week: rose, held, fell (no rank last week: unshaded, not counted). */
export function rankChangeShading(board: Board): WallShading {
  const moved = new Map<string, string>();
  for (const t of board.townships) {
    const change = t.composite.rankChange;
    if (change === null) continue;
    moved.set(t.code, change > 0 ? 'rose' : change < 0 ? 'fell' : 'held');
  }
  return classed(
    'wall.key.rankChange',
    [
      // A rise is better, not "met": the accent, never green.
      { id: 'rose', label: 'wall.key.rose', color: shade(hexToRgb(CHANGE_COLOURS.better.dark)) },
      { id: 'held', label: 'wall.key.held', color: null },
      { id: 'fell', label: 'wall.key.fell', color: shade(hexToRgb(CHANGE_COLOURS.worse.dark)) },
    ],
    moved,
  );
}
