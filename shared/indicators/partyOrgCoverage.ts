/** 小区党组织覆盖率: compounds in scope with a party organisation on D, of all compounds in scope. */
import { PARTY_ORG_TYPE_NAMES, PARTY_ORG_TYPES } from '../compounds/compoundStatus.ts';
import type { IndicatorMeta } from './definition.ts';
import { fixedReason, reasonKind, reasonKinds } from './reasons.ts';

/** Why a compound is counted or not: it has a party organisation (of some type), or none. */
const REASONS = reasonKinds({
  has: reasonKind({
    particulars: { type: PARTY_ORG_TYPES },
    says: {
      'zh-CN': ({ type }) => `有党组织（${PARTY_ORG_TYPE_NAMES['zh-CN'][type]}）`,
      en: ({ type }) => `Has a party organisation (${PARTY_ORG_TYPE_NAMES.en[type]})`,
    },
    group: 'hasAny',
  }),
  hasAny: fixedReason('有党组织', 'Has a party organisation'),
  none: fixedReason('无党组织', 'No party organisation'),
});

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
  reasons: REASONS,
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
