/**
 * The goals seeded into the `targets` table. Published goals come from the Quanzhou
 * campaign documents (../shared/facts/published-figures.md); service quality and petitions
 * have no published goal, so the defaults below are assumptions the organisation department
 * is expected to replace (and the UI labels them 假设).
 *
 * Rates are fractions 0–1; petitionRate is per 1,000 households in 28 days (lower is better).
 */
import type { IndicatorKey } from './schema/admin.ts';

export interface TargetSeed {
  indicator: IndicatorKey;
  value: number;
  deadline: string;
  source: 'published' | 'assumed';
  note: string;
}

export const CITY_TARGETS: readonly TargetSeed[] = [
  {
    indicator: 'partyOrgCoverage',
    value: 1,
    deadline: '2025-05-31',
    source: 'published',
    note: '小区党组织覆盖率100%（2025年5月底前）',
  },
  { indicator: 'partyOrgCoverage', value: 1, deadline: '2027-12-31', source: 'published', note: '保持全覆盖至2027年' },
  {
    indicator: 'committeeRate',
    value: 0.8,
    deadline: '2025-05-31',
    source: 'published',
    note: '业委会组建率不低于80%（2025年5月底前）',
  },
  {
    indicator: 'committeeRate',
    value: 0.95,
    deadline: '2027-12-31',
    source: 'published',
    note: '95%以上小区成立业委会（2027年底前）',
  },
  {
    indicator: 'deliberationCoverage',
    value: 1,
    deadline: '2027-12-31',
    source: 'published',
    note: '每个小区每月至少召开一次四方联席会议',
  },
  {
    indicator: 'serviceQuality',
    value: 0.7,
    deadline: '2027-12-31',
    source: 'assumed',
    note: '假设值：四星及以上小区占比70%，待组织部设定',
  },
  {
    indicator: 'petitionRate',
    value: 0.8,
    deadline: '2027-12-31',
    source: 'assumed',
    note: '假设值：每千户28天内信访矛盾不超过0.8件，待组织部设定',
  },
];
