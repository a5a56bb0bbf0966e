/**
 * 信访矛盾: petitions and disputes received in the 28 days ending D, per 1,000 households of the
 * compounds in scope. The one indicator where lower is better.
 */
import type { IndicatorMeta } from './definition.ts';
import { PETITION_WINDOW_DAYS } from './windows.ts';
import { fixedReason, reasonKind, reasonKinds } from './reasons.ts';

const DAYS = PETITION_WINDOW_DAYS;

/** What a compound adds: its petitions and disputes in the window (maybe none), over its households. */
const REASONS = reasonKinds({
  received: reasonKind({
    particulars: { petitions: 'count', households: 'count' },
    says: {
      'zh-CN': ({ petitions, households }) => `${DAYS}天内信访矛盾 ${petitions} 件（${households} 户）`,
      en: ({ petitions, households }) =>
        `${petitions} ${petitions === 1 ? 'petition or dispute' : 'petitions and disputes'} in ${DAYS} days (${households} households)`,
    },
    group: 'some',
  }),
  some: fixedReason(`${DAYS}天内有信访矛盾`, `Petitions or disputes in ${DAYS} days`),
  noneReceived: reasonKind({
    particulars: { households: 'count' },
    says: {
      'zh-CN': ({ households }) => `${DAYS}天内无信访矛盾（${households} 户）`,
      en: ({ households }) => `No petitions or disputes in ${DAYS} days (${households} households)`,
    },
    group: 'none',
  }),
  none: fixedReason(`${DAYS}天内无信访矛盾`, `No petitions or disputes in ${DAYS} days`),
});

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
  reasons: REASONS,
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
