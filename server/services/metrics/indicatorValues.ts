/** From counts to indicator values: rates as fractions, petitions per 1,000 households. */
import { INDICATORS, type IndicatorKey } from './definitions.ts';
import type { ScopeCounts } from './indicatorCounts.ts';

export interface IndicatorValue {
  /** null when it cannot be computed (then `reason` says why). */
  value: number | null;
  numerator: number;
  denominator: number;
  reason?: string;
}

export function indicatorValue(key: IndicatorKey, counts: ScopeCounts): IndicatorValue {
  const [numerator, denominator] = fraction(key, counts);
  return valueOfFraction(key, numerator, denominator);
}

/** A numerator and denominator as the indicator's value (null with a reason when it has no denominator). */
export function valueOfFraction(key: IndicatorKey, numerator: number, denominator: number): IndicatorValue {
  if (denominator === 0) return { value: null, numerator, denominator, reason: noDenominatorReason(key) };
  const value = INDICATORS[key].unit === 'per1000' ? (numerator / denominator) * 1000 : numerator / denominator;
  return { value, numerator, denominator };
}

function fraction(key: IndicatorKey, c: ScopeCounts): [number, number] {
  switch (key) {
    case 'partyOrgCoverage':
      return [c.withPartyOrg, c.compounds];
    case 'committeeRate':
      return [c.withCommittee, c.compounds];
    case 'deliberationCoverage':
      return [c.withRecentMeeting, c.compounds];
    case 'serviceQuality':
      return [c.managedFourStarPlus, c.managedEvaluated];
    case 'petitionRate':
      return [c.petitions, c.households];
  }
}

function noDenominatorReason(key: IndicatorKey): string {
  switch (key) {
    case 'serviceQuality':
      return '没有实行物业管理且已评定的小区，无法计算';
    case 'petitionRate':
      return '在册小区户数为0，无法计算';
    default:
      return '没有在册小区，无法计算';
  }
}
