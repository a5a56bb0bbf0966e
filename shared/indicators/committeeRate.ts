/** 业委会组建率: compounds in scope with an owners' committee in office on D. */
import type { IndicatorMeta } from './definition.ts';

export const committeeRate = {
  key: 'committeeRate',
  name: '业委会组建率',
  nameEn: "Owners' committee rate",
  names: {
    'zh-CN': { full: '业委会组建率', short: '业委会组建', column: '业委会' },
    en: { full: "Owners' committee rate", short: 'Committees', column: 'Cttee' },
  },
  direction: 'up',
  unit: 'rate',
  target: 'rate',
  goal: 'deadline',
  numeratorLabel: '业委会在任的小区',
  denominatorLabel: '在册小区',
  noDenominatorReason: '没有在册小区，无法计算',
  pack: {
    short: '业委会',
    numeratorHeader: '分子计数',
    denominatorHeader: '分母计数',
    unitNote: '',
    chartNote: '',
  },
  packEn: {
    numeratorLabel: 'compounds with a committee in office',
    denominatorLabel: 'registered compounds',
    noDenominatorReason: 'no registered compounds: cannot be computed',
    numeratorHeader: 'Numerator count',
    denominatorHeader: 'Denominator count',
    unitNote: '',
    chartNote: '',
  },
} as const satisfies IndicatorMeta;

/**
 * A 红色业委会: party members are at least half of the committee. The SQL counts use the same
 * rule (`party_members * 2 >= members`).
 */
export const isPartyMajority = (members: number, partyMembers: number): boolean => partyMembers * 2 >= members;
