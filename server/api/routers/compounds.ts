import { z } from 'zod';
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
});
