/**
 * 服务品质: of the compounds under property management on D that have been evaluated, those
 * whose latest evaluation is four or five stars.
 */
import { RATING_NAMES, type Rating } from '../compounds/compoundStatus.ts';
import type { IndicatorMeta } from './definition.ts';
import { fixedReason, reasonKind, reasonKinds } from './reasons.ts';

/** Ratings that count as good service (四星及以上); the rest are below four stars. */
export const GOOD_RATINGS = ['5', '4'] as const satisfies readonly Rating[];
const LOW_RATINGS = ['3', '2', '1', 'fail'] as const satisfies readonly Rating[];
export const isGoodRating = (rating: Rating): rating is (typeof GOOD_RATINGS)[number] =>
  (GOOD_RATINGS as readonly Rating[]).includes(rating);

/**
 * Why a compound is counted or not: outside the denominator without property management or a
 * rating; in it with its latest rating, four stars or more or below.
 */
const REASONS = reasonKinds({
  unmanaged: fixedReason('无物业管理，不计入', 'No property management: not counted', 'noManagement'),
  noManagement: fixedReason('无物业管理', 'No property management'),
  unrated: fixedReason('有物业但未评价，不计入', 'Managed but not rated: not counted', 'notRated'),
  notRated: fixedReason('未评价', 'Not rated'),
  ratedGood: reasonKind({
    particulars: { stars: GOOD_RATINGS },
    says: {
      'zh-CN': ({ stars }) => `最近评定${RATING_NAMES['zh-CN'][stars]}`,
      en: ({ stars }) => `Last rated ${RATING_NAMES.en[stars]}`,
    },
    group: 'good',
  }),
  good: fixedReason('四星及以上', 'Four stars or more'),
  ratedLow: reasonKind({
    particulars: { stars: LOW_RATINGS },
    says: {
      'zh-CN': ({ stars }) => `最近评定${RATING_NAMES['zh-CN'][stars]}（低于四星）`,
      en: ({ stars }) => `Last rated ${RATING_NAMES.en[stars]} (below four stars)`,
    },
    group: 'low',
  }),
  low: fixedReason('低于四星', 'Below four stars'),
});

export const serviceQuality = {
  key: 'serviceQuality',
  name: '服务品质',
  nameEn: 'Service quality',
  names: {
    'zh-CN': { full: '服务品质（四星及以上）', short: '服务品质', column: '服务' },
    en: { full: 'Service quality (4★+)', short: 'Service', column: 'Svc' },
  },
  direction: 'up',
  unit: 'rate',
  target: 'rate',
  goal: 'deadline',
  numeratorLabel: '最近评定四星及以上的物业小区',
  denominatorLabel: '有物业且已评定的小区',
  noDenominatorReason: '没有实行物业管理且已评定的小区，无法计算',
  reasons: REASONS,
  pack: {
    short: '服务品质',
    numeratorHeader: '分子计数',
    denominatorHeader: '分母计数',
    unitNote: '',
    chartNote: '',
  },
  packEn: {
    numeratorLabel: 'managed compounds last rated four stars or more',
    denominatorLabel: 'managed compounds that have been rated',
    noDenominatorReason: 'no managed compound has been rated: cannot be computed',
    numeratorHeader: 'Numerator count',
    denominatorHeader: 'Denominator count',
    unitNote: '',
    chartNote: '',
  },
} as const satisfies IndicatorMeta;
