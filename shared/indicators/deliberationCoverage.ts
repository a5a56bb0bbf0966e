/** 议事协商覆盖率: compounds in scope with a 四方联席 meeting in the 30 days ending D. */
import type { IndicatorMeta } from './definition.ts';
import { DELIBERATION_WINDOW_DAYS } from './windows.ts';

export const deliberationCoverage = {
  key: 'deliberationCoverage',
  name: '议事协商覆盖率',
  nameEn: 'Deliberation coverage',
  names: {
    'zh-CN': { full: '议事协商覆盖率', short: '议事协商', column: '议事' },
    en: { full: 'Deliberation coverage', short: 'Deliberation', column: 'Meet' },
  },
  direction: 'up',
  unit: 'rate',
  target: 'rate',
  goal: 'standing',
  numeratorLabel: `${DELIBERATION_WINDOW_DAYS}天内召开四方联席会议的小区`,
  denominatorLabel: '在册小区',
  noDenominatorReason: '没有在册小区，无法计算',
  pack: {
    short: '议事协商',
    numeratorHeader: '分子计数',
    denominatorHeader: '分母计数',
    unitNote: '',
    chartNote: '',
  },
  packEn: {
    numeratorLabel: `compounds with a joint meeting in ${DELIBERATION_WINDOW_DAYS} days`,
    denominatorLabel: 'registered compounds',
    noDenominatorReason: 'no registered compounds: cannot be computed',
    numeratorHeader: 'Numerator count',
    denominatorHeader: 'Denominator count',
    unitNote: '',
    chartNote: '',
  },
} as const satisfies IndicatorMeta;
