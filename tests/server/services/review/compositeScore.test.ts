/** The composite score on small hand-made weeks whose answers can be worked out on paper. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES } from '../../../../data/review-rules.ts';
import {
  compositeOf,
  compositeRanking,
  indicatorScores,
  rankChange,
  type IndicatorValues,
} from '../../../../server/services/review/compositeScore.ts';

const week = (rows: Record<string, Partial<IndicatorValues>>): Map<string, IndicatorValues> =>
  new Map(
    Object.entries(rows).map(([code, v]) => [
      code,
      {
        partyOrgCoverage: null,
        committeeRate: null,
        deliberationCoverage: null,
        serviceQuality: null,
        petitionRate: null,
        ...v,
      },
    ]),
  );
const weights = (w: Partial<Record<keyof IndicatorValues, number>>) => ({
  partyOrgCoverage: 0,
  committeeRate: 0,
  deliberationCoverage: 0,
  serviceQuality: 0,
  petitionRate: 0,
  ...w,
});

describe('per-indicator scores', () => {
  it('scores a rate as value × 100', () => {
    const s = indicatorScores(week({ a: { committeeRate: 0.875 }, b: { committeeRate: 0.5 } }));
    expect(s.get('a')!.committeeRate).toBeCloseTo(87.5, 12);
    expect(s.get('b')!.committeeRate).toBeCloseTo(50, 12);
  });

  it('scores petitions the right way round: the lowest rate 100, the highest 0, linear between', () => {
    const s = indicatorScores(
      week({ low: { petitionRate: 0.4 }, mid: { petitionRate: 1.0 }, high: { petitionRate: 1.6 } }),
    );
    expect(s.get('low')!.petitionRate).toBe(100);
    expect(s.get('high')!.petitionRate).toBe(0);
    expect(s.get('mid')!.petitionRate).toBeCloseTo(50, 12);
  });

  it('gives every township 100 when all have the same petition rate, and no score without a value', () => {
    const s = indicatorScores(week({ a: { petitionRate: 0.7 }, b: { petitionRate: 0.7 }, c: {} }));
    expect(s.get('a')!.petitionRate).toBe(100);
    expect(s.get('b')!.petitionRate).toBe(100);
    expect(s.get('c')!.petitionRate).toBeNull();
  });
});

describe('composite score and rank', () => {
  it('is the plain mean of the five scores with the default weights', () => {
    const values = week({
      a: { partyOrgCoverage: 1, committeeRate: 0.9, deliberationCoverage: 0.8, serviceQuality: 0.7, petitionRate: 0.5 },
      b: { partyOrgCoverage: 1, committeeRate: 0.5, deliberationCoverage: 1, serviceQuality: 0.6, petitionRate: 1.5 },
    });
    const { composite } = compositeRanking(values, DEFAULT_REVIEW_RULES.composite.weights);
    // a: (100 + 90 + 80 + 70 + 100) / 5 = 88; b: (100 + 50 + 100 + 60 + 0) / 5 = 62.
    expect(composite.get('a')).toBeCloseTo(88, 12);
    expect(composite.get('b')).toBeCloseTo(62, 12);
  });

  it('weighs the indicators as configured, and an indicator with weight 0 does not count', () => {
    const values = week({
      a: { committeeRate: 0.9, serviceQuality: 0.3, petitionRate: 2 },
      b: { committeeRate: 0.6, serviceQuality: 0.9, petitionRate: 1 },
    });
    const w = weights({ committeeRate: 3, serviceQuality: 1, petitionRate: 0 });
    const { composite, rank } = compositeRanking(values, w);
    // a: (3×90 + 30) / 4 = 75; b: (3×60 + 90) / 4 = 67.5 — b would win with equal weights.
    expect(composite.get('a')).toBeCloseTo(75, 12);
    expect(composite.get('b')).toBeCloseTo(67.5, 12);
    expect(Object.fromEntries(rank)).toEqual({ a: 1, b: 2 });
    expect(Object.fromEntries(compositeRanking(values, DEFAULT_REVIEW_RULES.composite.weights).rank)).toEqual({
      a: 2,
      b: 1,
    });
  });

  it('leaves out an indicator a township has no value for, weight and all', () => {
    expect(
      compositeOf(
        {
          partyOrgCoverage: 80,
          committeeRate: 60,
          deliberationCoverage: null,
          serviceQuality: null,
          petitionRate: null,
        },
        DEFAULT_REVIEW_RULES.composite.weights,
      ),
    ).toBeCloseTo(70, 12);
    expect(
      compositeOf(
        {
          partyOrgCoverage: null,
          committeeRate: null,
          deliberationCoverage: null,
          serviceQuality: null,
          petitionRate: 40,
        },
        weights({ committeeRate: 1 }),
      ),
    ).toBeNull();
  });

  it('lets equal composites share a rank and skips the next (1224), and ranks no composite as null', () => {
    const values = week({
      a: { committeeRate: 0.5 },
      b: { committeeRate: 0.75 },
      c: { committeeRate: 0.5 },
      d: { committeeRate: 0.25 },
      e: {},
    });
    const { rank } = compositeRanking(values, weights({ committeeRate: 1 }));
    expect(Object.fromEntries(rank)).toEqual({ a: 2, b: 1, c: 2, d: 4, e: null });
  });

  it('measures the rank change as places risen since last week', () => {
    expect(rankChange(3, 5)).toBe(2);
    expect(rankChange(7, 4)).toBe(-3);
    expect(rankChange(2, 2)).toBe(0);
    expect(rankChange(2, null)).toBeNull();
    expect(rankChange(null, 4)).toBeNull();
  });
});
