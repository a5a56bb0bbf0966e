/** 小区党组织覆盖率: compounds in scope with a party organisation on D, of all compounds in scope. */
import type { IndicatorMeta } from './definition.ts';

export const partyOrgCoverage = {
  key: 'partyOrgCoverage',
  name: '小区党组织覆盖率',
  nameEn: 'Party organisation coverage',
  names: {
    'zh-CN': { full: '小区党组织覆盖率', short: '党组织覆盖', column: '党组织' },
    en: { full: 'Party organisation coverage', short: 'Party org.', column: 'Party' },
  },
  direction: 'up',
  unit: 'rate',
  target: 'rate',
  goal: 'deadline',
  numeratorLabel: '有党组织的小区',
  denominatorLabel: '在册小区',
  noDenominatorReason: '没有在册小区，无法计算',
  pack: {
    short: '党组织',
    numeratorHeader: '分子计数',
    denominatorHeader: '分母计数',
    unitNote: '',
    chartNote: '',
  },
  packEn: {
    numeratorLabel: 'compounds with a party organisation',
    denominatorLabel: 'registered compounds',
    noDenominatorReason: 'no registered compounds: cannot be computed',
    numeratorHeader: 'Numerator count',
    denominatorHeader: 'Denominator count',
    unitNote: '',
    chartNote: '',
  },
} as const satisfies IndicatorMeta;
