/**
 * Suggested supervision items (督办) per topic: the task a township is usually asked to do when an
 * indicator lags, and how many days it is usually given. A screen prefills a new item with them
 * (shared/supervision/suggestions.ts, suggestItem); the analyst may change both before issuing.
 * The days follow how long the work takes: a 四方联席 meeting can be called within a week; a
 * committee (业委会) election needs a month of notices and a vote.
 */
import type { SupervisionSuggestions } from '../shared/supervision/suggestions.ts';

export const DEFAULT_SUPERVISION_SUGGESTIONS: SupervisionSuggestions = {
  partyOrgCoverage: {
    problem: '小区党组织覆盖率未达标',
    task: '推进小区党组织组建（单独组建或联合组建）',
    days: 30,
  },
  committeeRate: {
    problem: '业委会组建率未达标',
    task: '推进业委会组建或换届',
    days: 30,
  },
  deliberationCoverage: {
    problem: '四方联席会议覆盖率未达标',
    task: '组织召开四方联席会议',
    days: 7,
  },
  serviceQuality: {
    problem: '物业服务考评未达标',
    task: '督促物业企业整改并完成服务考评',
    days: 14,
  },
  petitionRate: {
    problem: '信访件发生率偏高',
    task: '排查信访诉求，落实包案化解',
    days: 14,
  },
  overdueIssues: {
    problem: '居民诉求逾期未办结',
    task: '限期办结逾期诉求并回访',
    days: 7,
  },
};
