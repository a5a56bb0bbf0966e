/**
 * Outgoing webhooks (通知机器人) on /admin: set, tested and watched by the 'business' duty (the
 * business administrator, or the all-in-one administrator). services/webhooks/ has the rules.
 */
import { z } from 'zod';
import {
  addWebhook,
  addWebhookInput,
  listDeliveries,
  listWebhooks,
  removeWebhook,
  setWebhookEnabled,
  setWebhookEnabledInput,
  testWebhook,
  webhookIdInput,
} from '../../services/webhooks/hooks.ts';
import { recordId } from '../../services/editing/editableCompound.ts';
import { checked } from '../checked.ts';
import { businessProcedure, router } from '../trpc.ts';

export const webhooksRouter = router({
  list: businessProcedure.query(({ ctx }) => listWebhooks(ctx.db)),
  add: businessProcedure
    .input(checked(addWebhookInput, '通知机器人填写有误'))
    .mutation(({ ctx, input }) => addWebhook(ctx.db, ctx.actor, input)),
  setEnabled: businessProcedure
    .input(checked(setWebhookEnabledInput, '通知机器人填写有误'))
    .mutation(({ ctx, input }) => setWebhookEnabled(ctx.db, ctx.actor, input)),
  remove: businessProcedure.input(checked(webhookIdInput, '通知机器人编号有误')).mutation(async ({ ctx, input }) => {
    await removeWebhook(ctx.db, ctx.actor, input);
    return { ok: true as const };
  }),
  /** Posts a test message now (tried once) and gives its delivery. */
  test: businessProcedure
    .input(checked(webhookIdInput, '通知机器人编号有误'))
    .mutation(({ ctx, input }) => testWebhook(ctx.db, ctx.actor, input)),
  /** The newest deliveries (of one webhook, or all), failures with their last error. */
  deliveries: businessProcedure
    .input(
      checked(
        z
          .strictObject({
            webhookId: recordId('机器人').optional(),
            limit: z
              .number({ error: '条数应为整数' })
              .int('条数应为整数')
              .min(1, '条数至少为1')
              .max(200, '条数最多为200')
              .optional(),
          })
          .optional()
          .transform((v) => v ?? {}),
        '推送记录筛选条件有误',
      ),
    )
    .query(({ ctx, input }) => listDeliveries(ctx.db, input)),
});
