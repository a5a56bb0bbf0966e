/** Chart axes for an indicator: a rate's ends at 100 % (never 104 % or 120 %) and carries its unit. */
import { describe, expect, it } from 'vitest';
import { indicatorAxis } from '../../../client/src/app/format.ts';

describe('indicatorAxis', () => {
  it('ends a rate at 100 with a % unit, starting at the tens below the lowest value', () => {
    const axis = indicatorAxis('committeeRate');
    expect(axis.unit).toBe('%');
    expect(axis.domain[1]).toBe(100);
    expect(axis.domain[0](67.3)).toBe(60);
    expect(axis.domain[0](3)).toBe(0);
  });
  it('leaves the petitions per 1,000 households open above, from 0', () => {
    const axis = indicatorAxis('petitionRate');
    expect(axis.domain[1]).toBe('auto');
    expect(axis.domain[0](0.7)).toBe(0);
  });
});
