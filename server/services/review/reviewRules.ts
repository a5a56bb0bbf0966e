/**
 * The review's rules as data: stored in `review_settings` under key 'rules', defaults in
 * data/review-rules.ts. Reading merges what is stored over the defaults (so a setting added in a
 * later release gets its default); updating takes any part of the rules, merges it over the
 * current ones, validates the whole with zod and writes it with an audit-log entry.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_REVIEW_RULES, type ReviewRules } from '../../../data/review-rules.ts';
import { auditLog, reviewSettings } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { said } from '../../../shared/language/said.ts';
import { BadInputError, describeIssues } from '../errors.ts';
import { INDICATOR_KEYS } from '../../../shared/indicators/index.ts';
import { describeRules } from '../../../shared/review/reviewRulesText.ts';

/** What a refused rules setting starts with, before the fields it got wrong. */
const INVALID_RULES = said('晾晒规则设置无效', 'Invalid review rules');

export { DEFAULT_REVIEW_RULES, describeRules, type ReviewRules };

const RULES_KEY = 'rules';

const weight = z.number({ error: '权重应为数字' }).min(0, '权重不能为负').max(100, '权重不能超过100');
const count = (max: number) =>
  z.number({ error: '应为整数' }).int('应为整数').min(0, '不能为负').max(max, `不能超过${max}`);

const share = z.number({ error: '应为0–1之间的小数' }).gt(0, '应大于0').max(1, '不能超过1（100%）');

export const reviewRulesSchema = z.strictObject({
  composite: z.strictObject({
    weights: z
      .strictObject(
        Object.fromEntries(INDICATOR_KEYS.map((k) => [k, weight])) as Record<
          (typeof INDICATOR_KEYS)[number],
          typeof weight
        >,
      )
      .refine((w) => Object.values(w).some((v) => v > 0), '至少一个指标的权重应大于0'),
  }),
  redList: z.strictObject({
    topN: count(19),
    minRankRise: count(18).min(1, '至少为1').nullable(),
  }),
  blackList: z.strictObject({
    bottomN: count(19),
    minOverdueShare: share.nullable(),
    minOverdueCount: count(100_000).min(1, '至少为1'),
    minDeliberationCoverage: share.nullable(),
    overdueSupervision: z.strictObject({
      enabled: z.boolean({ error: '应为 true 或 false' }),
      minOverdueItems: count(1000).min(1, '至少为1'),
    }),
  }),
  movers: z.strictObject({ count: count(19).min(1, '至少为1') }),
}) satisfies z.ZodType<ReviewRules>;

/** Any part of the rules; what is left out keeps its current value. */
export const reviewRulesPatchSchema = z.strictObject({
  composite: z
    .strictObject({
      weights: z.strictObject(
        Object.fromEntries(INDICATOR_KEYS.map((k) => [k, weight.optional()])) as Record<
          (typeof INDICATOR_KEYS)[number],
          z.ZodOptional<typeof weight>
        >,
      ),
    })
    .partial()
    .optional(),
  redList: reviewRulesSchema.shape.redList.partial().optional(),
  blackList: reviewRulesSchema.shape.blackList
    .extend({ overdueSupervision: reviewRulesSchema.shape.blackList.shape.overdueSupervision.partial() })
    .partial()
    .optional(),
  movers: reviewRulesSchema.shape.movers.partial().optional(),
});
export type ReviewRulesPatch = z.infer<typeof reviewRulesPatchSchema>;

/** Validates a patch from a person (tRPC input, CLI); BadInputError in Chinese. */
export function parseRulesPatch(raw: unknown): ReviewRulesPatch {
  const result = reviewRulesPatchSchema.safeParse(raw ?? {});
  if (!result.success) throw new BadInputError(describeIssues(result.error, INVALID_RULES));
  return result.data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `over` laid over `base`, key by key, recursively; undefined leaves the base value. */
function merge<T>(base: T, over: unknown): T {
  if (!isRecord(base) || !isRecord(over)) return over === undefined ? base : (over as T);
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over))
    if (value !== undefined) out[key] = key in base ? merge(base[key], value) : value;
  return out as T;
}

export interface ReviewSettings {
  rules: ReviewRules;
  defaults: ReviewRules;
  /** When an administrator last changed them; null while the defaults apply. */
  updatedAt: string | null;
}

export async function readReviewSettings(db: Db): Promise<ReviewSettings> {
  const [row] = await db.select().from(reviewSettings).where(eq(reviewSettings.key, RULES_KEY));
  if (!row) return { rules: DEFAULT_REVIEW_RULES, defaults: DEFAULT_REVIEW_RULES, updatedAt: null };
  // Stored rules were validated when written; a stored rule this release no longer knows is dropped.
  const merged = merge(DEFAULT_REVIEW_RULES, upgradeStoredRules(row.value));
  const parsed = reviewRulesSchema.safeParse(stripUnknown(merged, DEFAULT_REVIEW_RULES));
  return {
    rules: parsed.success ? parsed.data : DEFAULT_REVIEW_RULES,
    defaults: DEFAULT_REVIEW_RULES,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/**
 * Rules stored before the 红黑榜 triggers were scaled to the township (release r17): the
 * absolute `minOverdueIssues` becomes the share rule — switched off if the administrator had
 * switched the count off, else the default share (an absolute count has no equivalent share);
 * `excludeBlackListed` is gone (a township is never on both lists now). Anything else is kept.
 */
export function upgradeStoredRules(value: unknown): unknown {
  if (!isRecord(value) || !isRecord(value.blackList) || !('minOverdueIssues' in value.blackList)) return value;
  const { minOverdueIssues, ...blackList } = value.blackList;
  return {
    ...value,
    blackList: {
      ...blackList,
      ...(minOverdueIssues === null && !('minOverdueShare' in blackList) ? { minOverdueShare: null } : {}),
    },
  };
}

function stripUnknown(value: unknown, shape: unknown): unknown {
  if (!isRecord(value) || !isRecord(shape)) return value;
  return Object.fromEntries(Object.keys(shape).map((k) => [k, stripUnknown(value[k], shape[k])]));
}

export async function readReviewRules(db: Db): Promise<ReviewRules> {
  return (await readReviewSettings(db)).rules;
}

/** The patch laid over `before` and validated as a whole (weights, thresholds); BadInputError in Chinese. */
export function rulesWithPatch(before: ReviewRules, rawPatch: unknown): ReviewRules {
  const result = reviewRulesSchema.safeParse(merge(before, parseRulesPatch(rawPatch)));
  if (!result.success) throw new BadInputError(describeIssues(result.error, INVALID_RULES));
  return result.data;
}

/** Merges the patch over the current rules, validates the result and stores it. */
export async function updateReviewRules(
  db: Db,
  rawPatch: unknown,
  options: { userId?: number | null } = {},
): Promise<ReviewSettings> {
  const before = await readReviewRules(db);
  const rules = rulesWithPatch(before, rawPatch);
  // Nothing to change (an empty patch, the same values): nothing written, nothing audited.
  const current = await readReviewSettings(db);
  if (JSON.stringify(rules) === JSON.stringify(before)) return current;
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(reviewSettings)
      .values({ key: RULES_KEY, value: rules, updatedAt: now })
      .onConflictDoUpdate({ target: reviewSettings.key, set: { value: rules, updatedAt: now } });
    await tx.insert(auditLog).values({
      userId: options.userId ?? null,
      action: 'update',
      tableName: 'review_settings',
      recordId: RULES_KEY,
      before,
      after: rules,
    });
  });
  return { rules, defaults: DEFAULT_REVIEW_RULES, updatedAt: now.toISOString() };
}
