/**
 * The product's colour language, written down once (product brief, "Verdicts and colours").
 *
 * Judgements — an indicator's status, township shading, the lists, lagging — use one ramp whose
 * worse end is always red. Green is kept for one thing: a goal that is met. Everything short of it
 * runs yellow (on track) → orange (at risk) → red (off track / worst).
 *
 * Each colour has a `dark` variant (the dashboard and the wall's dark ground) and a `print`
 * variant (white paper: the weekly pack, darker so that text and thin lines stay legible).
 * CSS reads the same values as custom properties (cssVariables), so stylesheets never repeat them.
 */
import { STATUSES, type IndicatorStatus } from '../indicators/status.ts';

export interface Swatch {
  /** On the dark dashboard and wall. */
  dark: string;
  /** On white paper (pack, print). */
  print: string;
}

export type Ground = keyof Swatch;

/** `none`: no value or no goal, so no verdict. */
export type StatusOrNone = IndicatorStatus | 'none';

export const STATUS_COLOURS: Readonly<Record<StatusOrNone, Swatch>> = {
  met: { dark: '#2fd39a', print: '#17804a' },
  on_track: { dark: '#ffd84d', print: '#866200' },
  at_risk: { dark: '#ff9f43', print: '#c25400' },
  off_track: { dark: '#ff4d5e', print: '#c4162a' },
  none: { dark: '#7d8ba1', print: '#6b7280' },
};

export function statusColour(status: IndicatorStatus | null, ground: Ground = 'dark'): string {
  return STATUS_COLOURS[status ?? 'none'][ground];
}

/** The worse end of every judgement (black list, overdue, worst shading). */
export const WORST: Swatch = STATUS_COLOURS.off_track;

/**
 * The not-met part of the ramp, worst first: a continuous judgement (township shading) is drawn
 * along it, and a scope that meets its goal is drawn `met` green instead — never the ramp's end.
 */
export const SHORTFALL_RAMP: readonly Swatch[] = [
  STATUS_COLOURS.off_track,
  STATUS_COLOURS.at_risk,
  STATUS_COLOURS.on_track,
];

export type Rgb = readonly [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A colour along the shortfall ramp: 0 = worst (red) … 1 = closest to the goal (yellow). */
export function shortfallColour(t: number, ground: Ground = 'dark'): Rgb {
  const stops = SHORTFALL_RAMP.map((s) => hexToRgb(s[ground]));
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as unknown as Rgb;
}

/**
 * Density of a bad thing (open issues per hexagon): the same warm ramp, light to the worse end.
 * It never reaches green: fewer issues is "less bad", not "met".
 */
export const DENSITY_RAMP: readonly Swatch[] = [
  { dark: '#fff1a8', print: '#f3d36b' },
  STATUS_COLOURS.on_track,
  STATUS_COLOURS.at_risk,
  { dark: '#ff7050', print: '#d8431f' },
  STATUS_COLOURS.off_track,
  { dark: '#c8102e', print: '#8e0c20' },
];

/** A change for the better is not a met goal: it is drawn in the neutral accent, never green. */
export const CHANGE_COLOURS = {
  better: { dark: '#3fc1ff', print: '#1f5f9e' },
  worse: WORST,
} as const satisfies Record<string, Swatch>;

/**
 * The weekly 红黑榜: the black list (worst of the week) at the worse end, red like every worst;
 * the 红榜 (best of the week) keeps its name but not the colour — red means worst everywhere —
 * and is drawn in the "better" accent.
 */
export const LIST_COLOURS = { red: CHANGE_COLOURS.better, black: WORST } as const satisfies Record<string, Swatch>;

/** Statuses in legend order, best first. */
export const STATUS_LEGEND_ORDER: readonly IndicatorStatus[] = STATUSES;
