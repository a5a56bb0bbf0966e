import { count } from 'drizzle-orm';
import { compounds } from '../../../data/schema/index.ts';
import { cityMapConfig } from '../../../shared/city/cityDefinition.ts';
import { activeCity } from '../../services/city/activeCity.ts';
import { readDatasetInfo } from '../../services/dataset/datasetInfo.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { revisionCachedReadProcedure, router } from '../trpc.ts';

export const systemRouter = router({
  /**
   * What the client needs before drawing: the data's nature (演示数据 badge), today, and the city
   * it serves (name, map extent, outline, neighbours, label positions: the basemap is built from it).
   */
  info: revisionCachedReadProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.db.select({ n: count() }).from(compounds);
    return {
      dataset: await readDatasetInfo(ctx.db),
      compounds: row?.n ?? 0,
      today: todayInCity(),
      database: ctx.databaseKind,
      city: cityMapConfig(activeCity()),
    };
  }),
});
