/**
 * The judgement each wall map is shaded by, with its legend (classes and counts): the overview by
 * how many of the five goals a township misses, the 红黑榜 by the lists, the movers by the change
 * of composite rank. Colours come from the one judgement ramp (worst end red, best end green);
 * a township with nothing to judge is left unshaded. Pure.
 */
import type { RouterOutputs } from '../../app/trpc.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { INDICATOR_ORDER, ramp, type Shading } from '../layers/choropleth.ts';
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
  shading: Shading;
  /** i18n key of what the shading judges. */
  title: MessageKey;
  entries: MapKeyEntry[];
}

const css = ([r, g, b]: Rgba) => `rgb(${r}, ${g}, ${b})`;
const NEUTRAL = '#2a4566';

function classed(
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
      worst: 0,
      best: 1,
    },
  };
}

/** Goals missed (of those set): none, one, two, three or more. */
export function goalsMissedShading(townships: readonly TownshipReport[]): WallShading {
  const missed = new Map(
    townships.map((t) => {
      const n = INDICATOR_ORDER.filter((k) => t.indicators[k].target !== null && !isMet(k, t.indicators[k])).length;
      return [t.code, `missed${Math.min(3, n)}`];
    }),
  );
  return classed(
    'wall.key.goalsMissed',
    [
      { id: 'missed0', label: 'wall.key.missed0', color: ramp(1) },
      { id: 'missed1', label: 'wall.key.missed1', color: ramp(0.6) },
      { id: 'missed2', label: 'wall.key.missed2', color: ramp(0.3) },
      { id: 'missed3', label: 'wall.key.missed3', color: ramp(0) },
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
      { id: 'red', label: 'wall.key.red', color: ramp(1) },
      { id: 'black', label: 'wall.key.black', color: ramp(0) },
      { id: 'both', label: 'wall.board.both', color: ramp(0.5) },
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
      { id: 'rose', label: 'wall.key.rose', color: ramp(1) },
      { id: 'held', label: 'wall.key.held', color: null },
      { id: 'fell', label: 'wall.key.fell', color: ramp(0) },
    ],
    moved,
  );
}
