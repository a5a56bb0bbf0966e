import { z } from 'zod';
import { parseAsOf, todayInCity } from '../../../shared/time/dates.ts';
import { exportSelection, SELECTION_EXPORT_FORMATS } from '../../services/workbench/exportSelection.ts';
import { workbenchRows } from '../../services/workbench/workbenchRows.ts';
import { INDICATOR_KEYS, INDICATORS, type Contribution, type IndicatorKey } from '../../../shared/indicators/index.ts';
import { contributionIn } from '../../../shared/indicators/reasons.ts';
import { checked } from '../checked.ts';
import { exportProcedure, revisionCachedReadProcedure, router } from '../trpc.ts';

const asOf = z.string({ error: '截至日期应为文本' }).max(20, '截至日期无效').optional();

export const workbenchRouter = router({
  /** Every compound on the date with its status, pinyin initials and indicator contributions. */
  rows: revisionCachedReadProcedure.input(checked(z.object({ asOf }))).query(async ({ ctx, input }) => {
    const rows = await workbenchRows(ctx.db, parseAsOf(input.asOf ?? todayInCity()));
    // Reasons in the reader's language, without the kind they are written from (the server's own).
    return rows.map((r) => {
      const contributions = {} as Record<IndicatorKey, Omit<Contribution, 'why'>>;
      for (const key of INDICATOR_KEYS)
        contributions[key] = contributionIn(r.contributions[key], INDICATORS[key].reasons, ctx.locale);
      return { ...r, contributions };
    });
  }),
  /** The table's compounds (codes in table order) as a file. A mutation only because the list can be long. */
  export: exportProcedure
    .input(
      checked(
        z.object({
          asOf,
          codes: z
            .array(z.string({ error: '小区编码应为文本' }).min(1, '小区编码为空').max(40, '小区编码过长'), {
              error: '小区编码应为列表',
            })
            .max(500_000, '小区过多'),
          format: z.enum(SELECTION_EXPORT_FORMATS, { error: '导出格式应为 csv、xlsx 或 geojson' }),
          /** The drawn selection, kept in the GeoJSON's metadata. */
          selection: z.string().max(20_000).optional(),
          /** The filter that made the list, in words, for the XLSX's 说明 sheet. */
          filter: z.string({ error: '筛选说明应为文本' }).max(2000, '筛选说明过长').optional(),
        }),
      ),
    )
    .mutation(({ ctx, input }) =>
      exportSelection(ctx.db, {
        asOf: parseAsOf(input.asOf ?? todayInCity()),
        codes: input.codes,
        format: input.format,
        ...(input.selection ? { selection: input.selection } : {}),
        ...(input.filter ? { filter: input.filter } : {}),
        locale: ctx.locale,
      }),
    ),
});
