/**
 * Township shading by one of the five indicators, as its value or as its gap to the goal.
 * Colours always read "darker/redder = worse", whichever way the indicator points.
 */
import type { RouterOutputs } from '../../app/trpc.ts';
import type { Rgba } from '../../map/theme.ts';

export type IndicatorKey = keyof RouterOutputs['metrics']['report']['city']['indicators'];
export const INDICATOR_ORDER: readonly IndicatorKey[] = ['partyOrgCoverage', 'committeeRate', 'deliberationCoverage', 'serviceQuality', 'petitionRate'];
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

function ramp(t: number): Rgba {
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

/** A "goodness" in 0–1 for each township, relative to the spread among townships. */
export function shading(townships: readonly TownshipReport[], key: IndicatorKey, mode: ChoroplethMode): Shading {
  const score = new Map<string, number>();
  for (const t of townships) {
    const r = t.indicators[key];
    if (r.value === null) continue;
    const down = key === 'petitionRate';
    if (mode === 'value') score.set(t.code, down ? -r.value : r.value);
    else if (r.target !== null) score.set(t.code, -Math.max(0, down ? r.value - r.target : r.target - r.value));
  }
  const values = [...score.values()];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const display = (v: number) => (mode === 'value' && key === 'petitionRate' ? -v : Math.abs(v));
  return {
    colorOf: (code) => {
      const s = score.get(code);
      return s === undefined ? null : ramp((s - min) / span);
    },
    worst: values.length ? display(min) : 0,
    best: values.length ? display(max) : 0,
  };
}
