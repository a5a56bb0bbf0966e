import { z } from 'zod';
import { parseAsOf, todayInCity } from '../../../shared/time/dates.ts';
import { mapView } from '../../services/map/mapView.ts';
import { checked } from '../checked.ts';
import { revisionCachedReadProcedure, router } from '../trpc.ts';

const lon = z
  .number({ error: '经度应为数字' })
  .min(-180, '经度应在 -180 到 180 之间')
  .max(180, '经度应在 -180 到 180 之间');
const lat = z.number({ error: '纬度应为数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间');

const viewInput = z.object({
  asOf: z.string({ error: '截至日期应为文本' }).max(20, '截至日期无效').optional(),
  /** [west, south, east, north]; null: the whole city. */
  bbox: z
    .tuple([lon, lat, lon, lat], { error: '视图范围应为 [西, 南, 东, 北] 四个数' })
    .refine(([w, s, e, n]) => w <= e && s <= n, '视图范围的西边应不大于东边、南边应不大于北边')
    .nullable(),
  zoom: z.number({ error: '缩放级别应为数字' }).min(0, '缩放级别无效').max(24, '缩放级别无效').nullable(),
});

export const mapRouter = router({
  /**
   * What the dashboard's map draws for a view on a date: its compounds when few enough, else
   * townships or grid cells counted on the server (shared/map/mapView.ts says which).
   */
  view: revisionCachedReadProcedure
    .input(checked(viewInput))
    .query(({ ctx, input }) =>
      mapView(ctx.db, { asOf: parseAsOf(input.asOf ?? todayInCity()), bbox: input.bbox, zoom: input.zoom }),
    ),
});
