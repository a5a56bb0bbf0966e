import { describe, expect, it } from 'vitest';
import { rankScopes } from '../../../../server/services/metrics/ranking.ts';

const rank = (values: Record<string, number | null>, direction: 'up' | 'down') =>
  Object.fromEntries(rankScopes(new Map(Object.entries(values)), direction));

describe('township ranking', () => {
  it.each([
    ['higher is better', { a: 0.9, b: 0.8, c: 0.95 }, 'up', { a: 2, b: 3, c: 1 }],
    ['lower is better (petitions)', { a: 0.9, b: 0.8, c: 0.95 }, 'down', { a: 2, b: 1, c: 3 }],
    [
      'ties share a rank and the next rank skips',
      { a: 0.5, b: 0.75, c: 0.5, d: 0.25 },
      'up',
      { a: 2, b: 1, c: 2, d: 4 },
    ],
    ['floating-point noise still ties', { a: 0.1 + 0.2, b: 0.3, c: 0.2 }, 'up', { a: 1, b: 1, c: 3 }],
    ['a value that cannot be computed gets no rank', { a: null, b: 0.4, c: 0.6 }, 'down', { a: null, b: 1, c: 2 }],
  ] as const)('%s', (_, values, direction, expected) => {
    expect(rank(values, direction)).toEqual(expected);
  });
});
