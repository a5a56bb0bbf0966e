/**
 * The early-warning rules as data: stored in `review_settings` under key 'warningRules' (the
 * review's key/value settings table), defaults in data/warning-rules.ts. Reading lays what is
 * stored over the defaults rule by rule (a rule added in a later release gets its default);
 * updating takes any part, validates the whole with zod (Chinese messages) and writes it with an
 * audit-log entry. Changed by whoever holds the 'business' duty, like the review rules.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_WARNING_RULES } from '../../../data/warning-rules.ts';
import { reviewSettings } from '../../../data/schema/index.ts';
import {
  WARNING_RULE_KEYS,
  WARNING_RULE_TEXT,
  type WarningRule,
  type WarningRuleKey,
  type WarningRules,
} from '../../../shared/supervision/warnings.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Actor } from '../auth/roles.ts';
import { said } from '../../../shared/language/said.ts';
import { BadInputError, describeIssues } from '../errors.ts';

/** What a refused rules setting starts with, before the fields it got wrong. */
const INVALID_RULES = said('预警规则设置无效', 'Invalid warning rules');

export { DEFAULT_WARNING_RULES };

const KEY = 'warningRules';

function ruleSchema(key: WarningRuleKey) {
  const { min, max, unit } = WARNING_RULE_TEXT[key];
  return z.strictObject({
    enabled: z.boolean({ error: '“启用”应为 true 或 false' }),
    threshold: z
      .number({ error: `阈值应为整数（${unit}）` })
      .int(`阈值应为整数（${unit}）`)
      .min(min, `阈值不能小于${min}${unit}`)
      .max(max, `阈值不能超过${max}${unit}`),
    autoIssue: z.boolean({ error: '“自动转督办”应为 true 或 false' }),
  });
}

export const warningRulesSchema = z.strictObject(
  Object.fromEntries(WARNING_RULE_KEYS.map((k) => [k, ruleSchema(k)])) as Record<
    WarningRuleKey,
    ReturnType<typeof ruleSchema>
  >,
) satisfies z.ZodType<WarningRules>;

/** Any part of the rules: a rule, or some fields of it; what is left out keeps its value. */
const partialRule = (key: WarningRuleKey) => ruleSchema(key).partial().optional();
export const warningRulesPatchSchema = z.strictObject(
  Object.fromEntries(WARNING_RULE_KEYS.map((k) => [k, partialRule(k)])) as Record<
    WarningRuleKey,
    ReturnType<typeof partialRule>
  >,
);
export type WarningRulesPatch = z.input<typeof warningRulesPatchSchema>;

export interface WarningSettings {
  rules: WarningRules;
  defaults: WarningRules;
  /** When an administrator last changed them; null while the defaults apply. */
  updatedAt: string | null;
}

function mergeRules(base: WarningRules, over: unknown): WarningRules {
  const out = { ...base };
  if (typeof over !== 'object' || over === null) return out;
  for (const key of WARNING_RULE_KEYS) {
    const part = (over as Record<string, unknown>)[key];
    if (typeof part === 'object' && part !== null) {
      const fields = Object.fromEntries(
        Object.entries(part).filter(([f, v]) => v !== undefined && f in base[key]),
      ) as Partial<WarningRule>;
      out[key] = { ...base[key], ...fields };
    }
  }
  return out;
}

export async function readWarningSettings(db: Db): Promise<WarningSettings> {
  const [row] = await db.select().from(reviewSettings).where(eq(reviewSettings.key, KEY));
  if (!row) return { rules: DEFAULT_WARNING_RULES, defaults: DEFAULT_WARNING_RULES, updatedAt: null };
  const parsed = warningRulesSchema.safeParse(mergeRules(DEFAULT_WARNING_RULES, row.value));
  return {
    rules: parsed.success ? parsed.data : DEFAULT_WARNING_RULES,
    defaults: DEFAULT_WARNING_RULES,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function readWarningRules(db: Db): Promise<WarningRules> {
  return (await readWarningSettings(db)).rules;
}

/** Merges the patch over the current rules, validates and stores them (audited); nothing when unchanged. */
export async function updateWarningRules(db: Db, actor: Actor | null, raw: unknown): Promise<WarningSettings> {
  const patch = warningRulesPatchSchema.safeParse(raw ?? {});
  if (!patch.success) throw new BadInputError(describeIssues(patch.error, INVALID_RULES));
  const current = await readWarningSettings(db);
  const result = warningRulesSchema.safeParse(mergeRules(current.rules, patch.data));
  if (!result.success) throw new BadInputError(describeIssues(result.error, INVALID_RULES));
  const rules = result.data;
  if (JSON.stringify(rules) === JSON.stringify(current.rules)) return current;
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(reviewSettings)
      .values({ key: KEY, value: rules, updatedAt: now })
      .onConflictDoUpdate({ target: reviewSettings.key, set: { value: rules, updatedAt: now } });
    await writeAudit(tx, actor, {
      action: 'update',
      tableName: 'review_settings',
      recordId: KEY,
      before: current.rules,
      after: rules,
    });
  });
  return { rules, defaults: DEFAULT_WARNING_RULES, updatedAt: now.toISOString() };
}
