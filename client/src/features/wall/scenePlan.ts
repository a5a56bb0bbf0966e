/**
 * Which scenes have something to say, and for how long. A coverage scene whose indicator is met in
 * the city and in every township (party-organisation coverage at 100 %) says so in one line and
 * stays up briefly; the seconds it gives up go to the other scenes, so one pass through the wall
 * takes as long as before. Pure.
 */
import { type IndicatorKey } from '../../../../shared/indicators/index.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import type { WallScene } from './wallParams.ts';

type Report = RouterOutputs['metrics']['report'];
type IndicatorReport = Report['city']['indicators'][IndicatorKey];

/** The indicator each coverage scene is about (the issues scene shows counts, not an indicator with a goal). */
export const SCENE_INDICATOR: Partial<Record<WallScene, IndicatorKey>> = {
  party: 'partyOrgCoverage',
  committee: 'committeeRate',
  rating: 'serviceQuality',
};

/** A collapsed scene stays up a quarter of the interval, never under 5 s (the URL's own minimum). */
export const MIN_COLLAPSED_SECONDS = 5;

/** Met: the value has reached its goal, in the indicator's direction (no goal: never met). */
/** The server's verdict (met first, see metrics/progress.ts): no value or no goal is not met. */
export function isMet(r: Pick<IndicatorReport, 'met'>): boolean {
  return r.met === true;
}

/** The city and every township meet the indicator's goal. */
export function metEverywhere(report: Pick<Report, 'city' | 'townships'>, key: IndicatorKey): boolean {
  return (
    report.townships.length > 0 &&
    isMet(report.city.indicators[key]) &&
    report.townships.every((t) => isMet(t.indicators[key]))
  );
}

/** The scenes (of those shown) that collapse to their one line. */
export function collapsedScenes(
  scenes: readonly WallScene[],
  report: Pick<Report, 'city' | 'townships'> | undefined,
): ReadonlySet<WallScene> {
  if (!report) return new Set();
  return new Set(
    scenes.filter((scene) => {
      const key = SCENE_INDICATOR[scene];
      return key !== undefined && metEverywhere(report, key);
    }),
  );
}

/**
 * Seconds each scene stays up: collapsed scenes a quarter of the interval (≥ 5 s), the others
 * share what is left of `scenes.length × interval`. With nothing collapsed (or everything), every
 * scene gets the interval.
 */
export function sceneDurations(
  scenes: readonly WallScene[],
  collapsed: ReadonlySet<WallScene>,
  intervalSeconds: number,
): number[] {
  const short = Math.min(intervalSeconds, Math.max(MIN_COLLAPSED_SECONDS, intervalSeconds / 4));
  const k = scenes.filter((s) => collapsed.has(s)).length;
  if (k === 0 || k === scenes.length) return scenes.map(() => intervalSeconds);
  const long = (scenes.length * intervalSeconds - k * short) / (scenes.length - k);
  return scenes.map((s) => (collapsed.has(s) ? short : long));
}

/**
 * The scenes in rotation: those the URL names, or by default every scene but the 督办 one while
 * the city has no supervision items (or they have not come yet) — an empty scene says nothing.
 */
export function scenesInRotation(
  scenes: readonly WallScene[],
  named: boolean,
  supervisionItems: number | undefined,
): WallScene[] {
  if (named || (supervisionItems ?? 0) > 0) return [...scenes];
  return scenes.filter((s) => s !== 'supervision');
}

/**
 * The step of the rotation (its position: `cycle` passes of `index` scenes) at which a scene's
 * figures are asked for again, when that is now: the step before the scene, or the scene itself (a
 * scene alone in the rotation is both, refreshed each time it restarts); null otherwise.
 */
export function sceneDueStep(
  scenes: readonly WallScene[],
  index: number,
  cycle: number,
  scene: WallScene,
): number | null {
  const count = scenes.length;
  if (count === 0 || (scenes[index % count] !== scene && scenes[(index + 1) % count] !== scene)) return null;
  return cycle * count + index;
}

/** When the movers are asked for again (sceneDueStep of 'movers'). */
export function moversDueStep(scenes: readonly WallScene[], index: number, cycle: number): number | null {
  return sceneDueStep(scenes, index, cycle, 'movers');
}
