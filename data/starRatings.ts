/**
 * 精细化考评 star ratings: the rating a total score earns. These are the official thresholds the
 * townships apply (five stars from 90 points, 未达标 below 60); the product rates every entered
 * evaluation with them, and the demo-city generator draws its scores inside the same bands.
 */
import type { Rating } from './schema/service.ts';

/** The lowest total score (0–100) of each rating, best first; below the last one: 'fail'. */
export const STAR_THRESHOLDS: readonly { rating: Exclude<Rating, 'fail'>; minScore: number }[] = [
  { rating: '5', minScore: 90 },
  { rating: '4', minScore: 80 },
  { rating: '3', minScore: 70 },
  { rating: '2', minScore: 65 },
  { rating: '1', minScore: 60 },
];

export function ratingForScore(score: number): Rating {
  return STAR_THRESHOLDS.find((t) => score >= t.minScore)?.rating ?? 'fail';
}
