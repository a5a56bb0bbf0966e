import { z } from 'zod';
import { todayInCity } from '../../../shared/time/dates.ts';
import { wallCompounds, wallLagging, wallMovers } from '../../services/wall/wallCompounds.ts';
import { checked } from '../checked.ts';
import { revisionCachedReadProcedure, router } from '../trpc.ts';

export const wallRouter = router({
  /**
   * What the wall draws from the compounds today: every compound while the city is small, else
   * per-township counts and capped lists (shared/wall/wallCompounds.ts). A display token reads it.
   */
  compounds: revisionCachedReadProcedure.query(({ ctx }) => wallCompounds(ctx.db, todayInCity())),
  /**
   * This week's movers of a large city: the compounds that started or stopped lagging since last
   * week's Sunday, capped lists and counts. Seconds at ×100, so the wall asks for it as the movers
   * scene comes up, not with every figure after each change.
   */
  movers: revisionCachedReadProcedure.query(({ ctx }) => wallMovers(ctx.db, todayInCity())),
  /** One township's lagging compounds today, the first of them and how many: the spotlight of a large city. */
  lagging: revisionCachedReadProcedure
    .input(
      checked(
        z.object({
          townshipCode: z.string({ error: '镇街代码应为文本' }).regex(/^\d{9}$/, '镇街代码应为9位数字'),
        }),
      ),
    )
    .query(({ ctx, input }) => wallLagging(ctx.db, todayInCity(), input.townshipCode)),
});
