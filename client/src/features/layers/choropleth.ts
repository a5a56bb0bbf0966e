/**
 * Township shading by one of the five indicators, as its value or as its gap to the goal.
 * Colours always read "darker/redder = worse", whichever way the indicator points.
 */
import { INDICATORS, shortfall, type IndicatorKey } from '../../../../shared/indicators/index.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import type { Rgba } from '../../map/theme.ts';

export { INDICATOR_ORDER, type IndicatorKey } from '../../../../shared/indicators/index.ts';
export type ChoroplethMode = 'value' | 'gap';
type TownshipReport = RouterOutputs['metrics']['report']['townships'][number];

/** From bad (0) to good (1). */
const RAMP: readonly Rgba[] = [
  [214, 48, 80, 200],
  [240, 128, 60, 190],
  [240, 200, 70, 170],
  [120, 200, 120, 160],
  [30, 170, 140, 160],
];

/** The same ramp as a CSS gradient, for the legend. */
export const RAMP_CSS = `linear-gradient(90deg, ${RAMP.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`).join(', ')})`;

/** The judgement ramp: 0 = worst, 1 = best (the wall shades its maps with it too). */
export function ramp(t: number): Rgba {
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const a = RAMP[i]!;
  const b = RAMP[i + 1]!;
  return [0, 1, 2, 3].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as Rgba;
}

export interface Shading {
  colorOf(code: string): Rgba | null;
  /** Legend ends, as displayed numbers. */
  worst: number;
  best: number;
}

/**
 * A "goodness" in 0–1 for each township on a fixed, honest scale (not stretched to the spread,
 * so a 96 % township among 100 % ones is not painted as a failure):
 * - value, rates: from min(50 %, lowest) to 100 %;
 * - value, where lower is better (petitions): from max(highest, twice the goal) down to 0;
 * - gap to goal: from the largest gap (at least 20 points, or the goal itself for petitions) to 0.
 */
export function shading(townships: readonly TownshipReport[], key: IndicatorKey, mode: ChoroplethMode): Shading {
  const down = INDICATORS[key].direction === 'down';
  const values = new Map<string, number>();
  const target = townships.find((t) => t.indicators[key].target !== null)?.indicators[key].target ?? null;
  for (const t of townships) {
    const r = t.indicators[key];
    if (r.value === null) continue;
    if (mode === 'value') values.set(t.code, r.value);
    else if (r.target !== null) values.set(t.code, shortfall(INDICATORS[key], r.value, r.target));
  }
  const all = [...values.values()];
  let worst: number;
  let best: number;
  if (mode === 'gap') {
    best = 0;
    worst = Math.max(...all, down ? (target ?? 1) : 0.2);
  } else if (down) {
    best = 0;
    worst = Math.max(...all, 2 * (target ?? 1));
  } else {
    best = 1;
    worst = Math.min(0.5, ...all);
  }
  const span = best - worst || 1;
  return {
    colorOf: (code) => {
      const v = values.get(code);
      return v === undefined ? null : ramp((v - worst) / span);
    },
    worst,
    best,
  };
}
