/**
 * What classifying every compound in scope on a day needs: their statuses, and the records and
 * dated facts the indicators' reasons cite. From the stored state ranges in one range query when
 * they are built (an indicator that cannot read its records from the state is asked directly);
 * from the records otherwise. Either way the classification is the indicator's own.
 */
import type { Db } from '../../db/connection.ts';
import { compoundStatesAsOf, type CompoundState } from '../compounds/compoundStateRanges.ts';
import { directCompoundStatusAsOf, type CompoundStatus } from '../compounds/compoundStatus.ts';
import type { ServerIndicator } from './indicators/index.ts';
import type { CompoundFact } from './indicators/types.ts';

export interface IndicatorInputs {
  rows: CompoundStatus[];
  /** Per indicator key, records per compound id (0 when absent). */
  records: Map<string, Map<number, number>>;
  /** Per indicator key, the dated fact per compound id (none when absent). */
  facts: Map<string, Map<number, CompoundFact>>;
}

export async function indicatorInputsAsOf(
  db: Db,
  asOf: string,
  indicators: readonly ServerIndicator[],
  townshipCode?: string,
): Promise<IndicatorInputs> {
  const states = await compoundStatesAsOf(db, asOf, townshipCode);
  if (!states) {
    const [rows, records, facts] = await Promise.all([
      directCompoundStatusAsOf(db, asOf, townshipCode),
      recordsPerCompound(db, asOf, indicators),
      factsPerCompound(db, asOf, indicators),
    ]);
    return { rows, records, facts };
  }
  const fromStates = <T>(read: (s: CompoundState) => T | undefined) => {
    const map = new Map<number, T>();
    for (const s of states) {
      const value = read(s);
      if (value !== undefined) map.set(s.status.id, value);
    }
    return map;
  };
  const [records, facts] = await Promise.all([
    Promise.all(
      indicators.map(async (i) => {
        const map = i.recordsFromState
          ? fromStates(i.recordsFromState)
          : ((await i.recordsPerCompound?.(db, asOf)) ?? new Map<number, number>());
        return [i.key, map] as const;
      }),
    ),
    Promise.all(
      indicators.map(async (i) => {
        const map = i.factFromState
          ? fromStates(i.factFromState)
          : ((await i.factsPerCompound?.(db, asOf)) ?? new Map<number, CompoundFact>());
        return [i.key, map] as const;
      }),
    ),
  ]);
  return { rows: states.map((s) => s.status), records: new Map(records), facts: new Map(facts) };
}

/** Records per compound id each indicator's classification needs, from the records (none for most). */
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

/** The dated facts per compound id each indicator's reasons cite, from the records (none for most). */
export async function factsPerCompound(
  db: Db,
  asOf: string,
  indicators: readonly ServerIndicator[],
): Promise<Map<string, Map<number, CompoundFact>>> {
  const entries = await Promise.all(
    indicators.map(
      async (i) => [i.key, (await i.factsPerCompound?.(db, asOf)) ?? new Map<number, CompoundFact>()] as const,
    ),
  );
  return new Map(entries);
}
