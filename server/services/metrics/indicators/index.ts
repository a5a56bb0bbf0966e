/** The five indicators as the server computes them, in display order. */
import type { IndicatorKey } from '../../../../shared/indicators/keys.ts';
import { committeeRate } from './committeeRate.ts';
import { deliberationCoverage } from './deliberationCoverage.ts';
import { partyOrgCoverage } from './partyOrgCoverage.ts';
import { petitionRate } from './petitionRate.ts';
import { serviceQuality } from './serviceQuality.ts';
import type { ServerIndicator } from './types.ts';

export type { ServerIndicator } from './types.ts';

export const SERVER_INDICATORS: { readonly [K in IndicatorKey]: ServerIndicator & { key: K } } = {
  partyOrgCoverage,
  committeeRate,
  deliberationCoverage,
  serviceQuality,
  petitionRate,
};

/** The list the engine, drill-through and the board use unless given another. */
export const DEFAULT_INDICATORS: readonly ServerIndicator[] = Object.values(SERVER_INDICATORS);

/** The indicator with this key in a list (the engine's input is validated against the list). */
export function indicatorIn(list: readonly ServerIndicator[], key: string): ServerIndicator {
  const found = list.find((i) => i.key === key);
  if (!found) throw new Error(`unknown indicator ${key}`);
  return found;
}
