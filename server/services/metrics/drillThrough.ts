/**
 * Drill-through: the compounds behind a rate. For an indicator, a scope and a day, every
 * compound in scope with whether it is in the denominator and in the numerator, and why — the
 * indicator's own classification (./indicators/) applied to each compound's status.
 */
import type { Contribution } from '../../../shared/indicators/values.ts';
import type { Db } from '../../db/connection.ts';
import type { CompoundStatus } from '../compounds/compoundStatus.ts';
import { cachedInitials } from '../compounds/initials.ts';
import type { IndicatorKey } from '../../../shared/indicators/index.ts';
import type { DrillRow } from '../../../shared/indicators/drillList.ts';
import { DEFAULT_INDICATORS, indicatorIn, SERVER_INDICATORS, type ServerIndicator } from './indicators/index.ts';
import type { CompoundFact } from './indicators/types.ts';
import { indicatorInputsAsOf } from './indicatorInputs.ts';

export type { Contribution } from '../../../shared/indicators/values.ts';
export type { DrillRow } from '../../../shared/indicators/drillList.ts';
export { factsPerCompound, recordsPerCompound } from './indicatorInputs.ts';

export interface DrillThrough<K extends string = IndicatorKey> {
  indicator: K;
  asOf: string;
  townshipCode: string | null;
  numerator: number;
  denominator: number;
  compounds: DrillRow[];
}

/** Where one compound stands in one indicator on a day. */
export function classify(
  key: IndicatorKey,
  c: CompoundStatus,
  asOf: string,
  records: number,
  fact?: CompoundFact,
): Contribution {
  return SERVER_INDICATORS[key].classify(c, asOf, records, fact);
}

export async function drillThrough<K extends string = IndicatorKey>(
  db: Db,
  options: {
    indicator: K;
    asOf: string;
    townshipCode?: string;
    /** The indicators to find `indicator` among (the five by default). */
    indicators?: readonly ServerIndicator[];
  },
): Promise<DrillThrough<K>> {
  const { indicator, asOf } = options;
  const definition = indicatorIn(options.indicators ?? DEFAULT_INDICATORS, indicator);
  const inputs = await indicatorInputsAsOf(db, asOf, [definition], options.townshipCode);
  const records = inputs.records.get(definition.key);
  const facts = inputs.facts.get(definition.key);
  const compounds = inputs.rows.map((c): DrillRow => {
    const contribution = definition.classify(c, asOf, records?.get(c.id) ?? 0, facts?.get(c.id));
    return {
      code: c.code,
      name: c.name,
      initials: cachedInitials(c.name),
      townshipCode: c.townshipCode,
      townshipName: c.townshipName,
      community: c.community,
      households: c.households,
      ...contribution,
      reasonGroup: contribution.reasonGroup ?? contribution.reason,
      reasonDate: contribution.reasonDate ?? null,
    };
  });
  return {
    indicator,
    asOf,
    townshipCode: options.townshipCode ?? null,
    numerator: compounds.reduce((n, c) => n + c.numeratorContribution, 0),
    denominator: compounds.reduce((n, c) => n + c.denominatorContribution, 0),
    compounds,
  };
}
