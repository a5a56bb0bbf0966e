/** The official 精细化考评 thresholds: each band's edges, as a township's evaluator reads them. */
import { describe, expect, it } from 'vitest';
import { ratingForScore } from '../../data/starRatings.ts';

describe('ratingForScore', () => {
  it.each([
    [100, '5'],
    [90, '5'],
    [89.9, '4'],
    [80, '4'],
    [79.9, '3'],
    [70, '3'],
    [69.9, '2'],
    [65, '2'],
    [64.9, '1'],
    [60, '1'],
    [59.9, 'fail'],
    [0, 'fail'],
  ] as const)('rates %d points as %s', (score, rating) => {
    expect(ratingForScore(score), `${score} points`).toBe(rating);
  });
});
