/** Helpers to spread events over time: piecewise-linear schedules and stratified ordering. */
import { clamp } from './random.ts';

/** A cumulative schedule: (fraction 0–1, day) knots, fractions increasing. */
export type Schedule = readonly (readonly [number, number])[];

/** The day at which the cumulative fraction `f` is reached (linear between knots). */
export function dayAtFraction(schedule: Schedule, f: number): number {
  const x = clamp(f, 0, 1);
  for (let i = 1; i < schedule.length; i++) {
    const [f0, d0] = schedule[i - 1]!;
    const [f1, d1] = schedule[i]!;
    if (x <= f1) return Math.round(d0 + ((x - f0) / (f1 - f0 || 1)) * (d1 - d0));
  }
  return schedule[schedule.length - 1]![1];
}

/** Linear interpolation of a value over (day, value) knots, constant outside them. */
export function valueAtDay(knots: readonly (readonly [number, number])[], day: number): number {
  const firstKnot = knots[0]!;
  if (day <= firstKnot[0]) return firstKnot[1];
  for (let i = 1; i < knots.length; i++) {
    const [d0, v0] = knots[i - 1]!;
    const [d1, v1] = knots[i]!;
    if (day <= d1) return v0 + ((day - d0) / (d1 - d0)) * (v1 - v0);
  }
  return knots[knots.length - 1]![1];
}
