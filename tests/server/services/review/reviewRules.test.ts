/** The review's rules as data an administrator changes, validated, audited, stored. */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import { BadInputError } from '../../../../server/services/errors.ts';
import {
  DEFAULT_REVIEW_RULES,
  readReviewSettings,
  updateReviewRules,
} from '../../../../server/services/review/reviewRules.ts';
import { availableBackends, openEmptyDatabase, type TestDatabase } from '../../../support/databases.ts';

describe.each(availableBackends())('review rules (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openEmptyDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('uses the defaults until an administrator changes them', async () => {
    expect(await readReviewSettings(database.db)).toEqual({
      rules: DEFAULT_REVIEW_RULES,
      defaults: DEFAULT_REVIEW_RULES,
      updatedAt: null,
    });
    expect(DEFAULT_REVIEW_RULES.composite.weights).toEqual({
      partyOrgCoverage: 1,
      committeeRate: 1,
      deliberationCoverage: 1,
      serviceQuality: 1,
      petitionRate: 1,
    });
    expect(DEFAULT_REVIEW_RULES.redList).toEqual({ topN: 3, minRankRise: 6 });
    expect(DEFAULT_REVIEW_RULES.blackList).toEqual({
      bottomN: 3,
      minOverdueShare: 0.4,
      minOverdueCount: 4,
      minDeliberationCoverage: 0.8,
      overdueSupervision: { enabled: true, minOverdueItems: 2 },
    });
  });

  it('merges a partial change over the current rules, stores it and audits it', async () => {
    const revision = async () => (await database.db.select().from(s.dataRevision))[0]?.revision;
    const revisionBefore = await revision();
    await updateReviewRules(database.db, { composite: { weights: { committeeRate: 2 } } });
    const updated = await updateReviewRules(database.db, {
      blackList: { minOverdueShare: null },
      redList: { topN: 5 },
    });
    expect(updated.rules).toEqual({
      ...DEFAULT_REVIEW_RULES,
      composite: { weights: { ...DEFAULT_REVIEW_RULES.composite.weights, committeeRate: 2 } },
      redList: { ...DEFAULT_REVIEW_RULES.redList, topN: 5 },
      blackList: { ...DEFAULT_REVIEW_RULES.blackList, minOverdueShare: null },
    });
    const read = await readReviewSettings(database.db);
    expect(read.rules).toEqual(updated.rules);
    expect(read.updatedAt).not.toBeNull();
    const [audit] = await database.db
      .select()
      .from(s.auditLog)
      .where(eq(s.auditLog.tableName, 'review_settings'))
      .orderBy(desc(s.auditLog.id))
      .limit(1);
    expect(audit).toMatchObject({ action: 'update', recordId: 'rules' });
    expect(audit!.after).toEqual(updated.rules);
    expect((audit!.before as typeof updated.rules).redList.topN).toBe(3);
    expect(await revision(), 'settings are not data: cached figures stay valid').toBe(revisionBefore);
  });

  it('reads rules stored in the earlier shape: the overdue count becomes the share rule, off stays off', async () => {
    const store = async (value: unknown) => {
      await database.db
        .insert(s.reviewSettings)
        .values({ key: 'rules', value, updatedAt: new Date() })
        .onConflictDoUpdate({ target: s.reviewSettings.key, set: { value, updatedAt: new Date() } });
    };
    const before = await readReviewSettings(database.db);
    const legacy = (minOverdueIssues: number | null) => ({
      composite: { weights: { ...DEFAULT_REVIEW_RULES.composite.weights, serviceQuality: 3 } },
      redList: { topN: 4, minRankRise: 2, excludeBlackListed: false },
      blackList: { bottomN: 2, minOverdueIssues, minDeliberationCoverage: 0.7 },
      movers: { count: 5 },
    });
    await store(legacy(5));
    const counted = (await readReviewSettings(database.db)).rules;
    expect(counted).toEqual({
      composite: { weights: { ...DEFAULT_REVIEW_RULES.composite.weights, serviceQuality: 3 } },
      redList: { topN: 4, minRankRise: 2 },
      blackList: { ...DEFAULT_REVIEW_RULES.blackList, bottomN: 2, minDeliberationCoverage: 0.7 },
      movers: { count: 5 },
    });
    await store(legacy(null));
    expect((await readReviewSettings(database.db)).rules.blackList).toEqual({
      ...DEFAULT_REVIEW_RULES.blackList,
      bottomN: 2,
      minOverdueShare: null,
      minDeliberationCoverage: 0.7,
    });
    // An administrator's next change is stored in the new shape, the old keys gone.
    await updateReviewRules(database.db, { redList: { topN: 3 } });
    const [row] = await database.db.select().from(s.reviewSettings).where(eq(s.reviewSettings.key, 'rules'));
    expect(row!.value).toMatchObject({ blackList: { minOverdueShare: null, minOverdueCount: 4 } });
    expect(JSON.stringify(row!.value)).not.toMatch(/minOverdueIssues|excludeBlackListed/);
    await store(before.rules);
  });

  it.each([
    [{ composite: { weights: { committeeRate: -1 } } }, /composite\.weights\.committeeRate：权重不能为负/],
    [
      {
        composite: {
          weights: {
            partyOrgCoverage: 0,
            committeeRate: 0,
            deliberationCoverage: 0,
            serviceQuality: 0,
            petitionRate: 0,
          },
        },
      },
      /至少一个指标的权重应大于0/,
    ],
    [{ composite: { weights: { happiness: 1 } } }, /未知设置项 happiness/],
    [{ blackList: { minDeliberationCoverage: 80 } }, /blackList\.minDeliberationCoverage：不能超过1/],
    [{ blackList: { minOverdueShare: 35 } }, /blackList\.minOverdueShare：不能超过1/],
    [{ blackList: { minOverdueShare: 0 } }, /blackList\.minOverdueShare：应大于0/],
    [{ blackList: { minOverdueCount: 0 } }, /blackList\.minOverdueCount：至少为1/],
    [{ blackList: { minOverdueIssues: 5 } }, /未知设置项 minOverdueIssues/],
    [{ redList: { excludeBlackListed: false } }, /未知设置项 excludeBlackListed/],
    [{ redList: { topN: 2.5 } }, /redList\.topN：应为整数/],
    [{ redList: { topN: '3' } }, /redList\.topN/],
    [{ movers: { count: 0 } }, /movers\.count：至少为1/],
  ])('refuses %j with a Chinese message and keeps the rules', async (patch, message) => {
    const before = await readReviewSettings(database.db);
    const error = await updateReviewRules(database.db, patch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as Error).message).toMatch(/^晾晒规则设置无效：/);
    expect((error as Error).message).toMatch(message);
    expect(await readReviewSettings(database.db)).toEqual(before);
  });
});
