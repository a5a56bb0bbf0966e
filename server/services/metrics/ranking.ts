/**
 * Standard competition ranking ("1224"): equal values share a rank and the next rank skips.
 * Direction-aware: for "down" indicators the lowest value ranks first. Scopes whose value cannot
 * be computed get no rank.
 */
import type { Direction } from '../../../shared/indicators/index.ts';

/** Values equal to this many decimals tie (avoids floating-point noise breaking ties). */
const TIE_DECIMALS = 9;

export function rankScopes(
  values: ReadonlyMap<string, number | null>,
  direction: Direction,
): Map<string, number | null> {
  const key = (v: number) => Number(v.toFixed(TIE_DECIMALS));
  const ranked = [...values.entries()]
    .filter((e): e is [string, number] => e[1] !== null)
    .sort((a, b) => (direction === 'up' ? key(b[1]) - key(a[1]) : key(a[1]) - key(b[1])));
  const ranks = new Map<string, number | null>([...values.keys()].map((k) => [k, null]));
  ranked.forEach(([scope, value], i) => {
    const previous = ranked[i - 1];
    const shared = previous !== undefined && key(previous[1]) === key(value);
    ranks.set(scope, shared ? ranks.get(previous[0])! : i + 1);
  });
  return ranks;
}
