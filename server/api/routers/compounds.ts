import { z } from 'zod';
import { compoundHistory } from '../../services/compounds/compoundHistory.ts';
import { compoundStateOn } from '../../services/compounds/compoundStateOn.ts';
import { compoundStatusAsOf } from '../../services/compounds/compoundStatus.ts';
import { parseAsOf, todayInCity } from '../../services/time/dates.ts';
import { publicProcedure, router } from '../trpc.ts';

export const asOfInput = z.object({ asOf: z.string().optional(), townshipCode: z.string().regex(/^\d{9}$/, '镇街代码应为9位数字').optional() });

export const compoundsRouter = router({
  /** Every compound in scope on the date with its status on that date (default: today). */
  status: publicProcedure.input(asOfInput).query(({ ctx, input }) => {
    const asOf = parseAsOf(input.asOf ?? todayInCity());
    return compoundStatusAsOf(ctx.db, asOf, input.townshipCode);
  }),
  /** One compound's facts and dated records as known on the date (its card and timeline). */
  history: publicProcedure.input(z.object({ code: z.string().min(1).max(40), asOf: z.string().optional(), complete: z.boolean().optional() })).query(({ ctx, input }) =>
    compoundHistory(ctx.db, input.code, parseAsOf(input.asOf ?? todayInCity()), { complete: input.complete ?? false }),
  ),
  /** One compound's state on a date: its compoundStatusAsOf row and the records behind it. */
  stateOn: publicProcedure.input(z.object({ code: z.string().min(1).max(40), asOf: z.string().max(20).optional() })).query(({ ctx, input }) =>
    compoundStateOn(ctx.db, input.code, parseAsOf(input.asOf ?? todayInCity())),
  ),
});
