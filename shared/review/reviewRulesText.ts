/**
 * The review's rules in words (Chinese), for the review page, the pack's 说明 and the CLI; and
 * the upgrade of rules stored in an earlier shape (a board frozen before the 红黑榜 rules were
 * scaled to the township still carries its old rules, and is described as it was judged).
 */
import type { ReviewRules } from './reviewRules.ts';
import { INDICATOR_KEYS, INDICATORS } from '../indicators/index.ts';
import type { Locale } from '../language/index.ts';

/** Rules as stored before release r17: an absolute overdue count, and optional exclusion. */
export interface LegacyListRules {
  redList: { topN: number; minRankRise: number | null; excludeBlackListed?: boolean };
  blackList: { bottomN: number; minOverdueIssues?: number | null; minDeliberationCoverage: number | null };
}

const pct = (v: number) => `${Number((v * 100).toFixed(1))}%`;

type AnyRules = ReviewRules | (Omit<ReviewRules, 'redList' | 'blackList'> & LegacyListRules);

/** The rules in `locale` (Chinese, the pack's and the CLI's wording, unless asked), one line per part. */
export function describeRules(rules: AnyRules, locale: Locale = 'zh-CN'): string[] {
  return locale === 'en' ? describeRulesEn(rules) : describeRulesZh(rules);
}

/** The same rules in English, for a reader of the review page in English. */
function describeRulesEn(rules: AnyRules): string[] {
  const weights = INDICATOR_KEYS.map((k) => `${INDICATORS[k].nameEn} ×${rules.composite.weights[k]}`).join(', ');
  const black = rules.blackList as Partial<ReviewRules['blackList']> & LegacyListRules['blackList'];
  const legacy = !('minOverdueShare' in black);
  const red = [
    rules.redList.topN > 0 ? `composite rank in the top ${rules.redList.topN}` : null,
    rules.redList.minRankRise !== null
      ? `composite rank up ${rules.redList.minRankRise} places or more on last week`
      : null,
  ].filter((s) => s !== null);
  const blackClauses = [
    black.bottomN > 0 ? `composite rank in the bottom ${black.bottomN}` : null,
    legacy
      ? black.minOverdueIssues != null
        ? `${black.minOverdueIssues} or more overdue resident issues`
        : null
      : black.minOverdueShare != null
        ? `overdue issues ${pct(black.minOverdueShare)} or more of the township's open issues (at least ${black.minOverdueCount ?? 1})`
        : null,
    black.minDeliberationCoverage !== null ? `deliberation coverage below ${pct(black.minDeliberationCoverage)}` : null,
    black.overdueSupervision?.enabled
      ? `${black.overdueSupervision.minOverdueItems} or more supervision items past their deadline and not closed (at the week's value date)`
      : null,
  ].filter((s) => s !== null);
  const excluded = !legacy || (rules.redList as LegacyListRules['redList']).excludeBlackListed === true;
  return [
    `Composite score: the weighted mean of the indicators' scores (0–100), weights ${weights}. A rate scores its value ×100; petitions score 100 for the week's best (lowest) township down to 0 for the worst (highest). An indicator without a value is left out of the township's mean.`,
    `Red list: ${red.join(', or ') || 'none'}${excluded ? '; a township meeting any black-list rule is not on the red list, and no township is on both' : ''}.`,
    `Black list: ${blackClauses.join(', or ') || 'none'}.`,
    'Ties share a rank ("1224" ranking): equal scores rank equal, and the next rank skips accordingly.',
  ];
}

function describeRulesZh(rules: AnyRules): string[] {
  const weights = INDICATOR_KEYS.map((k) => `${INDICATORS[k].name}×${rules.composite.weights[k]}`).join('、');
  const black = rules.blackList as Partial<ReviewRules['blackList']> & LegacyListRules['blackList'];
  const legacy = !('minOverdueShare' in black);
  const red = [
    rules.redList.topN > 0 ? `综合排名前${rules.redList.topN}名` : null,
    rules.redList.minRankRise !== null ? `综合排名较上周上升${rules.redList.minRankRise}位及以上` : null,
  ].filter((s) => s !== null);
  const blackClauses = [
    black.bottomN > 0 ? `综合排名后${black.bottomN}名` : null,
    legacy
      ? black.minOverdueIssues != null
        ? `超期诉求${black.minOverdueIssues}件及以上`
        : null
      : black.minOverdueShare != null
        ? `超期诉求占本镇街未办结诉求的${pct(black.minOverdueShare)}及以上（且不少于${black.minOverdueCount ?? 1}件）`
        : null,
    black.minDeliberationCoverage !== null ? `议事协商覆盖率低于${pct(black.minDeliberationCoverage)}` : null,
    // Absent from rules frozen before the rule existed: they were judged without it.
    black.overdueSupervision?.enabled
      ? `逾期未销号的督办事项${black.overdueSupervision.minOverdueItems}项及以上（截至本周统计日，已过办理期限仍未销号）`
      : null,
  ].filter((s) => s !== null);
  const excluded = !legacy || (rules.redList as LegacyListRules['redList']).excludeBlackListed === true;
  return [
    `综合得分：各指标得分（0–100）的加权平均，权重 ${weights}。比率类指标得分 = 数值×100；信访矛盾按当周各镇街最好（最低）至最差（最高）线性折算为100至0分。缺少数值的指标不参与该镇街的平均。`,
    `红榜：${red.join('，或') || '无'}${excluded ? '；符合任一黑榜条件的镇街不上红榜，同一镇街不会同时上红榜和黑榜' : ''}。`,
    `黑榜：${blackClauses.join('，或') || '无'}。`,
    '并列按“1224”规则排名：得分相同名次相同，其后名次顺延。',
  ];
}
