/**
 * Township shading by one of the five indicators, as its value or as its gap to the goal, in the
 * judgement colours (shared/colours/judgement.ts): a township that meets the goal is green, the
 * others run along the shortfall ramp from yellow (nearly there) to red (worst), whichever way the
 * indicator points. Green is never reached by degrees: a township 0.1 point short is yellow.
 */
import { hexToRgb, shortfallColour, SHORTFALL_RAMP, STATUS_COLOURS } from '../../../../shared/colours/judgement.ts';
import { INDICATORS, shortfall, type IndicatorKey } from '../../../../shared/indicators/index.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import type { Rgba } from '../../map/theme.ts';

export { INDICATOR_ORDER, type IndicatorKey } from '../../../../shared/indicators/index.ts';
export type ChoroplethMode = 'value' | 'gap';
type TownshipReport = RouterOutputs['metrics']['report']['townships'][number];

/** Fill opacity of a shaded township (0–255): the compounds stay readable on top. */
const FILL_ALPHA = 170;

/** The shortfall ramp as a CSS gradient (worst left), for the legend. */
export const SHORTFALL_CSS = `linear-gradient(90deg, ${SHORTFALL_RAMP.map((s) => s.dark).join(', ')})`;
export const MET_CSS = STATUS_COLOURS.met.dark;

const MET_RGBA: Rgba = [...hexToRgb(STATUS_COLOURS.met.dark), FILL_ALPHA];

export interface Shading {
  colorOf(code: string): Rgba | null;
  /** Legend ends, as displayed numbers: the worst end of the ramp and the goal (or the best value). */
  worst: number;
  best: number;
  /** Townships in each legend class (they add up to the townships shaded or not). */
  counts: { met: number; short: number; none: number };
}

/**
 * Where a township stands on the shortfall ramp, 0 (worst) to 1 (next to the goal), on a fixed,
 * honest scale (not stretched to the spread, so a 96 % township among 100 % ones is not painted
 * as a failure):
 * - value, rates: from min(50 %, lowest) up to the goal;
 * - value, where lower is better (petitions): from max(highest, twice the goal) down to the goal;
 * - gap to goal: from the largest gap (at least 20 points, or the goal itself for petitions) to 0.
 */
export function shading(townships: readonly TownshipReport[], key: IndicatorKey, mode: ChoroplethMode): Shading {
  const meta = INDICATORS[key];
  const down = meta.direction === 'down';
  const target = townships.find((t) => t.indicators[key].target !== null)?.indicators[key].target ?? null;
  const measured = new Map<string, number>();
  const met = new Set<string>();
  for (const t of townships) {
    const r = t.indicators[key];
    if (r.value === null) continue;
    if (r.met === true) met.add(t.code);
    if (mode === 'value') measured.set(t.code, r.value);
    else if (r.target !== null) measured.set(t.code, shortfall(meta, r.value, r.target));
  }
  const all = [...measured.values()];
  let worst: number;
  let best: number;
  if (mode === 'gap') {
    best = 0;
    worst = Math.max(...all, down ? (target ?? 1) : 0.2);
  } else if (down) {
    best = target ?? 0;
    worst = Math.max(...all, 2 * (target ?? 1));
  } else {
    best = target ?? 1;
    worst = Math.min(0.5, ...all);
  }
  const span = best - worst || 1;
  const colorOf = (code: string): Rgba | null => {
    if (met.has(code)) return MET_RGBA;
    const v = measured.get(code);
    return v === undefined ? null : [...shortfallColour((v - worst) / span), FILL_ALPHA];
  };
  const none = townships.filter((t) => colorOf(t.code) === null).length;
  return { colorOf, worst, best, counts: { met: met.size, short: townships.length - met.size - none, none } };
}
