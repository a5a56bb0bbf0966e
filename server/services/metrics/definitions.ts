/**
 * The five 四升一降 indicators, as defined in the product brief. All are computed as of a day D
 * from dated records (half-open ranges [start, end)); compounds are in scope from `listedOn`.
 */
import { INDICATOR_KEYS, type IndicatorKey } from '../../../data/schema/admin.ts';

export { INDICATOR_KEYS, type IndicatorKey };

export type Direction = 'up' | 'down';

export interface IndicatorDefinition {
  key: IndicatorKey;
  name: string;
  nameEn: string;
  /** Which way is better. */
  direction: Direction;
  /** 'rate' values are fractions 0–1; 'per1000' is per 1,000 households. */
  unit: 'rate' | 'per1000';
  numeratorLabel: string;
  denominatorLabel: string;
}

export { DELIBERATION_WINDOW_DAYS, PETITION_WINDOW_DAYS } from './windows.ts';

export const INDICATORS: Record<IndicatorKey, IndicatorDefinition> = {
  partyOrgCoverage: {
    key: 'partyOrgCoverage',
    name: '小区党组织覆盖率',
    nameEn: 'Party organisation coverage',
    direction: 'up',
    unit: 'rate',
    numeratorLabel: '有党组织的小区',
    denominatorLabel: '在册小区',
  },
  committeeRate: {
    key: 'committeeRate',
    name: '业委会组建率',
    nameEn: "Owners' committee rate",
    direction: 'up',
    unit: 'rate',
    numeratorLabel: '业委会在任的小区',
    denominatorLabel: '在册小区',
  },
  deliberationCoverage: {
    key: 'deliberationCoverage',
    name: '议事协商覆盖率',
    nameEn: 'Deliberation coverage',
    direction: 'up',
    unit: 'rate',
    numeratorLabel: '30天内召开四方联席会议的小区',
    denominatorLabel: '在册小区',
  },
  serviceQuality: {
    key: 'serviceQuality',
    name: '服务品质',
    nameEn: 'Service quality',
    direction: 'up',
    unit: 'rate',
    numeratorLabel: '最近评定四星及以上的物业小区',
    denominatorLabel: '有物业且已评定的小区',
  },
  petitionRate: {
    key: 'petitionRate',
    name: '信访矛盾',
    nameEn: 'Petitions and disputes',
    direction: 'down',
    unit: 'per1000',
    numeratorLabel: '28天内信访件与矛盾纠纷',
    denominatorLabel: '在册小区户数',
  },
};
