/**
 * An indicator as the server knows it: the shared definition (names, unit, direction) plus how
 * it is counted and how one compound is classified. The engine, drill-through, the workbench and
 * the review board take a list of these (DEFAULT_INDICATORS unless told otherwise), so an
 * indicator is added by writing one and listing it — see README § "Adding an indicator".
 */
import type { Contribution, IndicatorMeta } from '../../../../shared/indicators/index.ts';
import type { Stated } from '../../../../shared/indicators/reasons.ts';
import type { Db } from '../../../db/connection.ts';
import type { CompoundState } from '../../compounds/compoundStateRanges.ts';
import type { CompoundStatus } from '../../compounds/compoundStatus.ts';
import type { ScopeCounts } from '../scopeCounts.ts';

export interface ServerIndicator extends IndicatorMeta {
  /**
   * Numerator and denominator among a scope's counts (indicatorCounts.ts defines each count from
   * the records; countsTimeline.ts keeps the same counts as a step function of the day).
   */
  fraction(counts: ScopeCounts): readonly [numerator: number, denominator: number];
  /**
   * Records per compound id that the classification needs beyond the compound's status (the
   * petitions in the window); the classification gets 0 for a compound without any.
   */
  recordsPerCompound?(db: Db, asOf: string): Promise<Map<number, number>>;
  /**
   * A dated fact per compound id that the reason cites beyond the compound's status (when the
   * last committee's term ran out); the classification gets undefined for a compound without one.
   */
  factsPerCompound?(db: Db, asOf: string): Promise<Map<number, CompoundFact>>;
  /**
   * The same records and fact read from the compound's stored state on the day (one range probe
   * for every compound, compoundStateRanges.ts); an indicator without them is asked directly.
   */
  recordsFromState?(state: CompoundState): number;
  factFromState?(state: CompoundState): CompoundFact | undefined;
  /**
   * Where one compound stands on `asOf`, with the reason shown in drill-through and exports: one
   * of the kinds its definition declares (`reasons`, said with `sayer(reasons)`).
   */
  classify(compound: CompoundStatus, asOf: string, records: number, fact?: CompoundFact): Contribution;
}

/** Something that happened to a compound on a day, of a kind the indicator's module names. */
export interface CompoundFact {
  kind: string;
  /** YYYY-MM-DD. */
  date: string;
}

/** A compound in the denominator of a rate, and in its numerator when `inNumerator`. */
export const rateContribution = (inNumerator: boolean, stated: Stated, date: string | null = null): Contribution => ({
  inDenominator: true,
  inNumerator,
  numeratorContribution: inNumerator ? 1 : 0,
  denominatorContribution: 1,
  ...stated,
  reasonDate: date,
});

/** A compound outside the indicator's denominator. */
export const notCounted = (stated: Stated): Contribution => ({
  inDenominator: false,
  inNumerator: false,
  numeratorContribution: 0,
  denominatorContribution: 0,
  ...stated,
  reasonDate: null,
});
