/**
 * Targets for business administrators: every target (in force and retired) with the one that
 * applies to each scope now, add / change / retire (validated, audited), the change history, and
 * the effect of an edit before it is saved. A change bumps the data revision (targets has the
 * trigger), so every memoised figure is recomputed with the new goal.
 */
import { z } from 'zod';
import { activeCity } from '../../services/city/activeCity.ts';
import {
  addTarget,
  changeTarget,
  listAllTargets,
  retireTarget,
  targetHistory,
  targetIdSchema,
} from '../../services/targets/manageTargets.ts';
import { previewTargetEdit, targetOverview } from '../../services/targets/targetPreview.ts';
import { checked } from '../checked.ts';
import { businessProcedure, router } from '../trpc.ts';

const edit = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('add'), fields: z.unknown() }),
    z.strictObject({ kind: z.literal('change'), id: targetIdSchema, fields: z.unknown() }),
    z.strictObject({ kind: z.literal('retire'), id: targetIdSchema }),
  ],
  { error: '操作应为新增、修改或停用' },
);

export const targetsRouter = router({
  list: businessProcedure.query(async ({ ctx }) => ({
    targets: await listAllTargets(ctx.db),
    ...(await targetOverview(ctx.db, { cityName: activeCity().name })),
  })),
  history: businessProcedure.query(({ ctx }) => targetHistory(ctx.db)),
  preview: businessProcedure
    .input(checked(edit))
    .query(({ ctx, input }) => previewTargetEdit(ctx.db, input, { cityName: activeCity().name })),
  add: businessProcedure
    .input(checked(z.strictObject({ fields: z.unknown() })))
    .mutation(({ ctx, input }) => addTarget(ctx.db, ctx.actor, input.fields)),
  change: businessProcedure
    .input(checked(z.strictObject({ id: targetIdSchema, fields: z.unknown() })))
    .mutation(({ ctx, input }) => changeTarget(ctx.db, ctx.actor, input.id, input.fields)),
  retire: businessProcedure
    .input(checked(z.strictObject({ id: targetIdSchema })))
    .mutation(({ ctx, input }) => retireTarget(ctx.db, ctx.actor, input.id)),
});
