/** 业委会组建率: compounds in scope with an owners' committee in office on D. */
import type { IndicatorMeta } from './definition.ts';
import { fixedReason, reasonKind, reasonKinds } from './reasons.ts';

/**
 * Why a compound is counted or not: a committee in office (red or not), none ever formed, or the
 * last one's term ran out or ended early (on the day it cites).
 */
const REASONS = reasonKinds({
  inOfficeRed: fixedReason('业委会在任（党员过半）', 'Committee in office (party majority)', 'inOffice'),
  inOffice: fixedReason('业委会在任', 'Committee in office'),
  never: fixedReason('未组建业委会', 'No committee formed'),
  expiredOn: reasonKind({
    particulars: { day: 'day' },
    says: {
      'zh-CN': ({ day }) => `业委会任期已满（到期 ${day}）`,
      en: ({ day }) => `Committee's term ran out (expired ${day})`,
    },
    group: 'expired',
  }),
  expired: fixedReason('业委会任期已满', "Committee's term ran out"),
  endedOn: reasonKind({
    particulars: { day: 'day' },
    says: {
      'zh-CN': ({ day }) => `业委会提前终止（终止于 ${day}）`,
      en: ({ day }) => `Committee ended early (ended ${day})`,
    },
    group: 'ended',
  }),
  ended: fixedReason('业委会提前终止', 'Committee ended early'),
});

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
  reasons: REASONS,
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
