/**
 * 服务品质: of the compounds under property management on D that have been evaluated, those
 * whose latest evaluation is four or five stars.
 */
import type { IndicatorMeta } from './definition.ts';

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

/** Ratings that count as good service (四星及以上). */
export const GOOD_RATINGS: readonly string[] = ['5', '4'];
