/**
 * The indicators' shared definitions (shared/indicators), for the server's modules. All are
 * computed as of a day D from dated records (half-open ranges [start, end)); compounds are in
 * scope from `listedOn`. What the server adds to each — how it is counted and how one compound is
 * classified — is in ./indicators/.
 */
export {
  DELIBERATION_WINDOW_DAYS,
  INDICATOR_KEYS,
  INDICATORS,
  PETITION_WINDOW_DAYS,
  type Direction,
  type IndicatorKey,
  type IndicatorMeta as IndicatorDefinition,
} from '../../../shared/indicators/index.ts';
