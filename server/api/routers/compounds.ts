import { z } from 'zod';
import { compoundHistory } from '../../services/compounds/compoundHistory.ts';
import { compoundStateOn } from '../../services/compounds/compoundStateOn.ts';
import { compoundStatusAsOf } from '../../services/compounds/compoundStatus.ts';
import { parseAsOf, todayInCity } from '../../../shared/time/dates.ts';
import { checked } from '../checked.ts';
import { revisionCachedReadProcedure, router } from '../trpc.ts';

export const asOfInput = z.object({
  asOf: z.string({ error: '截至日期应为文本' }).max(20, '截至日期无效').optional(),
  townshipCode: z
    .string()
    .regex(/^\d{9}$/, '镇街代码应为9位数字')
    .optional(),
});

export const compoundsRouter = router({
  /** Every compound in scope on the date with its status on that date (default: today). */
  status: revisionCachedReadProcedure.input(checked(asOfInput)).query(({ ctx, input }) => {
    const asOf = parseAsOf(input.asOf ?? todayInCity());
    return compoundStatusAsOf(ctx.db, asOf, input.townshipCode);
  }),
  /** One compound's facts and dated records as known on the date (its card and timeline). */
  history: revisionCachedReadProcedure
    .input(
      checked(
        z.object({
          code: z.string({ error: '小区编码应为文本' }).min(1, '请给出小区编码').max(40, '小区编码过长'),
          asOf: z.string({ error: '截至日期应为文本' }).max(20, '截至日期无效').optional(),
          complete: z.boolean({ error: 'complete 应为 true 或 false' }).optional(),
        }),
      ),
    )
    .query(({ ctx, input }) =>
      compoundHistory(ctx.db, input.code, parseAsOf(input.asOf ?? todayInCity()), {
        complete: input.complete ?? false,
      }),
    ),
  /** One compound's state on a date: its compoundStatusAsOf row and the records behind it. */
  stateOn: revisionCachedReadProcedure
    .input(
      checked(
        z.object({
          code: z.string({ error: '小区编码应为文本' }).min(1, '请给出小区编码').max(40, '小区编码过长'),
          asOf: z.string({ error: '截至日期应为文本' }).max(20, '截至日期无效').optional(),
        }),
      ),
    )
    .query(({ ctx, input }) => compoundStateOn(ctx.db, input.code, parseAsOf(input.asOf ?? todayInCity()))),
});
