import { count } from 'drizzle-orm';
import { compounds } from '../../../data/schema/index.ts';
import { readDatasetInfo } from '../../services/dataset/datasetInfo.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { revisionCachedReadProcedure, router } from '../trpc.ts';

export const systemRouter = router({
  /** What the client needs before drawing: the data's nature (演示数据 badge) and today. */
  info: revisionCachedReadProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.db.select({ n: count() }).from(compounds);
    return {
      dataset: await readDatasetInfo(ctx.db),
      compounds: row?.n ?? 0,
      today: todayInCity(),
      database: ctx.databaseKind,
    };
  }),
});
