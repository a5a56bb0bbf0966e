/**
 * 信访矛盾: petitions and disputes received in the 28 days ending D, per 1,000 households of the
 * compounds in scope. The one indicator where lower is better.
 */
import type { IndicatorMeta } from './definition.ts';
import { PETITION_WINDOW_DAYS } from './windows.ts';

export const petitionRate = {
  key: 'petitionRate',
  name: '信访矛盾',
  nameEn: 'Petitions and disputes',
  names: {
    'zh-CN': { full: '信访矛盾（每千户·28天）', short: '信访矛盾', column: '信访' },
    en: { full: 'Petitions (per 1,000 households, 28 d)', short: 'Petitions', column: 'Pet.' },
  },
  direction: 'down',
  unit: 'per1000',
  target: 'per1000',
  goal: 'deadline',
  numeratorLabel: `${PETITION_WINDOW_DAYS}天内信访件与矛盾纠纷`,
  denominatorLabel: '在册小区户数',
  noDenominatorReason: '在册小区户数为0，无法计算',
  pack: {
    short: '信访矛盾',
    numeratorHeader: '信访矛盾件数',
    denominatorHeader: '户数（分母）',
    unitNote: '（每千户）',
    chartNote: '（每千户，越低越好）',
  },
  packEn: {
    numeratorLabel: `petitions and disputes in ${PETITION_WINDOW_DAYS} days`,
    denominatorLabel: 'households of registered compounds',
    noDenominatorReason: 'registered compounds have no households: cannot be computed',
    numeratorHeader: 'Petitions and disputes',
    denominatorHeader: 'Households (denominator)',
    unitNote: ' (per 1,000 households)',
    chartNote: ' (per 1,000 households, lower is better)',
  },
} as const satisfies IndicatorMeta;
