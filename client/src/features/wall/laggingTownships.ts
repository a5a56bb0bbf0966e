/**
 * Which townships the wall shows in its spotlight and in what order it lists them (worst first,
 * on every list of the wall): by the number of indicators off track, then at risk, then short of
 * their goal (more first), then by code. Pure.
 */
import type { RouterOutputs } from '../../app/trpc.ts';
import { INDICATOR_ORDER } from '../layers/choropleth.ts';
import { isMet } from './scenePlan.ts';

export type TownshipReport = RouterOutputs['metrics']['report']['townships'][number];

export function statusCounts(t: TownshipReport): { offTrack: number; atRisk: number; notMet: number } {
  let offTrack = 0;
  let atRisk = 0;
  let notMet = 0;
  for (const key of INDICATOR_ORDER) {
    const r = t.indicators[key];
    if (r.status === 'off_track') offTrack++;
    else if (r.status === 'at_risk') atRisk++;
    if (r.target !== null && !isMet(r)) notMet++;
  }
  return { offTrack, atRisk, notMet };
}

/** Worst first. */
export function byLag(townships: readonly TownshipReport[]): TownshipReport[] {
  return [...townships].sort((a, b) => {
    const ca = statusCounts(a);
    const cb = statusCounts(b);
    return cb.offTrack - ca.offTrack || cb.atRisk - ca.atRisk || cb.notMet - ca.notMet || a.code.localeCompare(b.code);
  });
}

/** The spotlight's townships: those with an indicator off track (at most `max`), else the three worst. */
export function laggingTownships(townships: readonly TownshipReport[], max = 5): TownshipReport[] {
  const sorted = byLag(townships);
  const off = sorted.filter((t) => statusCounts(t).offTrack > 0);
  return (off.length ? off : sorted).slice(0, off.length ? max : 3);
}
