/** /review?week=… outside the data: said, with the nearest valid week, rather than silently reset. */
import { describe, expect, it } from 'vitest';
import { weekOutside } from '../../../client/src/features/time/weekOutside.ts';

const weeks = ['2024-W01', '2024-W02', '2024-W05', '2026-W49'];

describe('weekOutside', () => {
  it('is nothing for a valid week or none', () => {
    expect(weekOutside('2024-W02', weeks)).toBeNull();
    expect(weekOutside(null, weeks)).toBeNull();
  });
  it('gives the first week for one before the data and the last for one after', () => {
    expect(weekOutside('2023-W01', weeks)).toEqual({
      week: '2023-W01',
      first: '2024-W01',
      last: '2026-W49',
      nearest: '2024-W01',
    });
    expect(weekOutside('2027-W10', weeks)?.nearest).toBe('2026-W49');
  });
  it('has no nearest week for something that is not a week', () => {
    expect(weekOutside('2025-W7', weeks)?.nearest).toBeNull();
  });
});
