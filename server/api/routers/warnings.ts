/**
 * Early warnings (预警): reading them is open to every reader (the township pages, the wall, the
 * department's list); turning one into a supervision item or dismissing it needs 'supervise';
 * the rules are read by anyone and changed by the 'business' duty (like the review rules).
 */
import { z } from 'zod';
import {
  dismissWarning,
  dismissWarningInput,
  warningToItem,
  warningToItemInput,
} from '../../services/warnings/warningMoves.ts';
import { listWarnings, warningFilterInput } from '../../services/warnings/warningQueries.ts';
import { warningIn } from '../../services/warnings/warningWords.ts';
import {
  readWarningSettings,
  updateWarningRules,
  warningRulesPatchSchema,
} from '../../services/warnings/warningRules.ts';
import { checked } from '../checked.ts';
import { businessProcedure, readProcedure, router, superviseProcedure } from '../trpc.ts';

export const warningsRouter = router({
  /** By township, state and rule; newest first. */
  list: readProcedure
    .input(
      checked(
        warningFilterInput.optional().transform((v) => v ?? {}),
        '预警筛选条件有误',
      ),
    )
    .query(async ({ ctx, input }) => (await listWarnings(ctx.db, input)).map((w) => warningIn(w, ctx.locale))),
  /** Issues the warning's supervision item (the suggested task and deadline unless given). */
  toItem: superviseProcedure
    .input(checked(warningToItemInput, '预警转督办填写有误'))
    .mutation(({ ctx, input }) => warningToItem(ctx.db, ctx.actor, input)),
  dismiss: superviseProcedure
    .input(checked(dismissWarningInput, '忽略预警填写有误'))
    .mutation(async ({ ctx, input }) => {
      await dismissWarning(ctx.db, ctx.actor, input);
      return { ok: true as const };
    }),
  /** The rules in force, the defaults, and when they were last changed. */
  rules: readProcedure.query(({ ctx }) => readWarningSettings(ctx.db)),
  /** Any part of the rules (a rule's enabled, threshold, autoIssue); the rest stays. */
  updateRules: businessProcedure
    .input(checked(z.unknown().pipe(warningRulesPatchSchema), '预警规则设置无效'))
    .mutation(({ ctx, input }) => updateWarningRules(ctx.db, ctx.actor, input)),
});
