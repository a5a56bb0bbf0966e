import { z } from 'zod';
import { compoundHistory } from '../../services/compounds/compoundHistory.ts';
import { compoundStatusAsOf } from '../../services/compounds/compoundStatus.ts';
import { parseAsOf, todayInCity } from '../../services/time/dates.ts';
import { readProcedure, router } from '../trpc.ts';

export const asOfInput = z.object({ asOf: z.string().optional(), townshipCode: z.string().regex(/^\d{9}$/, '镇街代码应为9位数字').optional() });

export const compoundsRouter = router({
  /** Every compound in scope on the date with its status on that date (default: today). */
  status: readProcedure.input(asOfInput).query(({ ctx, input }) => {
    const asOf = parseAsOf(input.asOf ?? todayInCity());
    return compoundStatusAsOf(ctx.db, asOf, input.townshipCode);
  }),
  /** One compound's facts and dated records as known on the date (its card and timeline). */
  history: readProcedure.input(z.object({ code: z.string().min(1).max(40), asOf: z.string().optional() })).query(({ ctx, input }) =>
    compoundHistory(ctx.db, input.code, parseAsOf(input.asOf ?? todayInCity())),
  ),
});
