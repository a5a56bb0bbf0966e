/** 议事协商覆盖率: compounds in scope with a 四方联席 meeting in the 30 days ending D. */
import type { IndicatorMeta } from './definition.ts';
import { DELIBERATION_WINDOW_DAYS } from './windows.ts';
import { fixedReason, reasonKind, reasonKinds } from './reasons.ts';

const DAYS = DELIBERATION_WINDOW_DAYS;

/** Why a compound is counted or not: a meeting in the window (the latest), one before it (the last), or none ever. */
const REASONS = reasonKinds({
  met: reasonKind({
    particulars: { last: 'day' },
    says: {
      'zh-CN': ({ last }) => `近${DAYS}天召开四方联席会议（最近 ${last}）`,
      en: ({ last }) => `Joint meeting in the last ${DAYS} days (latest ${last})`,
    },
    group: 'recent',
  }),
  recent: fixedReason(`近${DAYS}天召开四方联席会议`, `Joint meeting in the last ${DAYS} days`),
  lapsed: reasonKind({
    particulars: { last: 'day' },
    says: {
      'zh-CN': ({ last }) => `近${DAYS}天无四方联席会议（上次 ${last}）`,
      en: ({ last }) => `No joint meeting in the last ${DAYS} days (last ${last})`,
    },
    group: 'notRecent',
  }),
  notRecent: fixedReason(`近${DAYS}天无四方联席会议`, `No joint meeting in the last ${DAYS} days`),
  never: fixedReason('从未召开四方联席会议', 'Never held a joint meeting'),
});

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
  reasons: REASONS,
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
