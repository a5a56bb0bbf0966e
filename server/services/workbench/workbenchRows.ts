/**
 * The analyst workbench's rows: every compound in scope on a day with its status, its pinyin
 * initials (for search) and where it stands in each of the five indicators. The client sums
 * the contributions of whatever it has selected, so a selection's indicators are computed from
 * the same classification as the engine's drill-through and agree with it to the compound.
 */
import type { Db } from '../../db/connection.ts';
import type { CompoundStatus } from '../compounds/compoundStatus.ts';
import { cachedInitials } from '../compounds/initials.ts';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import type { Contribution } from '../metrics/drillThrough.ts';
import { indicatorInputsAsOf } from '../metrics/indicatorInputs.ts';
import { SERVER_INDICATORS } from '../metrics/indicators/index.ts';

export interface WorkbenchRow extends CompoundStatus {
  initials: string;
  contributions: Record<IndicatorKey, Contribution>;
}

export async function workbenchRows(db: Db, asOf: string): Promise<WorkbenchRow[]> {
  const indicators = INDICATOR_KEYS.map((key) => SERVER_INDICATORS[key]);
  const { rows, records, facts } = await indicatorInputsAsOf(db, asOf, indicators);
  return rows.map((c) => {
    const contributions = Object.fromEntries(
      indicators.map((i) => [
        i.key,
        i.classify(c, asOf, records.get(i.key)?.get(c.id) ?? 0, facts.get(i.key)?.get(c.id)),
      ]),
    ) as Record<IndicatorKey, Contribution>;
    return { ...c, initials: cachedInitials(c.name), contributions };
  });
}
