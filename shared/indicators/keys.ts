/**
 * The keys of the five 四升一降 indicators, in display order. A literal tuple because the
 * database enum (data/schema/admin.ts) and the API's input validation are built from it; each
 * key's meaning lives in its own module beside this one.
 */
export const INDICATOR_KEYS = [
  'partyOrgCoverage',
  'committeeRate',
  'deliberationCoverage',
  'serviceQuality',
  'petitionRate',
] as const;

export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
