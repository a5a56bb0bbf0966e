/**
 * Drill-through: the compounds behind a rate. For an indicator, a scope and a day, every
 * compound in scope with whether it is in the denominator and in the numerator, and why — the
 * indicator's own classification (./indicators/) applied to each compound's status.
 */
import type { Contribution } from '../../../shared/indicators/values.ts';
import type { Db } from '../../db/connection.ts';
import { compoundStatusAsOf, type CompoundStatus } from '../compounds/compoundStatus.ts';
import type { IndicatorKey } from '../../../shared/indicators/index.ts';
import { DEFAULT_INDICATORS, indicatorIn, SERVER_INDICATORS, type ServerIndicator } from './indicators/index.ts';

export type { Contribution } from '../../../shared/indicators/values.ts';

export interface DrillRow extends Contribution {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  households: number;
}

export interface DrillThrough<K extends string = IndicatorKey> {
  indicator: K;
  asOf: string;
  townshipCode: string | null;
  numerator: number;
  denominator: number;
  compounds: DrillRow[];
}

/** Records per compound id each indicator's classification needs (none for most). */
export async function recordsPerCompound(
  db: Db,
  asOf: string,
  indicators: readonly ServerIndicator[],
): Promise<Map<string, Map<number, number>>> {
  const entries = await Promise.all(
    indicators.map(
      async (i) => [i.key, (await i.recordsPerCompound?.(db, asOf)) ?? new Map<number, number>()] as const,
    ),
  );
  return new Map(entries);
}

/** Where one compound stands in one indicator on a day. */
export function classify(key: IndicatorKey, c: CompoundStatus, asOf: string, records: number): Contribution {
  return SERVER_INDICATORS[key].classify(c, asOf, records);
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
  const [rows, records] = await Promise.all([
    compoundStatusAsOf(db, asOf, options.townshipCode),
    definition.recordsPerCompound?.(db, asOf) ?? Promise.resolve(new Map<number, number>()),
  ]);
  const compounds = rows.map((c) => ({
    code: c.code,
    name: c.name,
    townshipCode: c.townshipCode,
    townshipName: c.townshipName,
    households: c.households,
    ...definition.classify(c, asOf, records.get(c.id) ?? 0),
  }));
  return {
    indicator,
    asOf,
    townshipCode: options.townshipCode ?? null,
    numerator: compounds.reduce((n, c) => n + c.numeratorContribution, 0),
    denominator: compounds.reduce((n, c) => n + c.denominatorContribution, 0),
    compounds,
  };
}
