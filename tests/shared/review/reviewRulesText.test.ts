/** The review's rules in words, as /review, the pack and `onemap report board` show them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES } from '../../../data/review-rules.ts';
import { describeRules } from '../../../shared/review/reviewRulesText.ts';

describe('the 红黑榜 rules in words', () => {
  it('states the default rules, and that no township is on both lists', () => {
    const [, red, black] = describeRules(DEFAULT_REVIEW_RULES);
    expect(red).toBe(
      '红榜：综合排名前3名，或综合排名较上周上升6位及以上；符合任一黑榜条件的镇街不上红榜，同一镇街不会同时上红榜和黑榜。',
    );
    expect(black).toBe(
      '黑榜：综合排名后3名，或超期诉求占本镇街未办结诉求的40%及以上（且不少于4件），或议事协商覆盖率低于80%，或逾期未销号的督办事项2项及以上（截至本周统计日，已过办理期限仍未销号）。',
    );
  });

  it('leaves out the overdue-supervision clause when it is off, or absent from rules frozen before it', () => {
    const off = { ...DEFAULT_REVIEW_RULES.blackList, overdueSupervision: { enabled: false, minOverdueItems: 2 } };
    const { overdueSupervision: _absent, ...before } = DEFAULT_REVIEW_RULES.blackList;
    for (const blackList of [off, before])
      expect(describeRules({ ...DEFAULT_REVIEW_RULES, blackList } as typeof DEFAULT_REVIEW_RULES)[2]).toBe(
        '黑榜：综合排名后3名，或超期诉求占本镇街未办结诉求的40%及以上（且不少于4件），或议事协商覆盖率低于80%。',
      );
  });

  it('follows changed settings and says 无 when a list has no rule', () => {
    const lines = describeRules({
      ...DEFAULT_REVIEW_RULES,
      redList: { topN: 0, minRankRise: null },
      blackList: { bottomN: 5, minOverdueShare: null, minOverdueCount: 4, minDeliberationCoverage: 0.925 },
    });
    expect(lines[1]).toMatch(/^红榜：无；/);
    expect(lines[2]).toBe('黑榜：综合排名后5名，或议事协商覆盖率低于92.5%。');
  });

  it('describes the rules a week was frozen with before the rules were scaled, as they were', () => {
    const legacy = {
      ...DEFAULT_REVIEW_RULES,
      redList: { topN: 3, minRankRise: 3, excludeBlackListed: false },
      blackList: { bottomN: 3, minOverdueIssues: 5, minDeliberationCoverage: 0.8 },
    };
    const [, red, black] = describeRules(legacy);
    expect(red).toBe('红榜：综合排名前3名，或综合排名较上周上升3位及以上。');
    expect(black).toBe('黑榜：综合排名后3名，或超期诉求5件及以上，或议事协商覆盖率低于80%。');
  });
});
