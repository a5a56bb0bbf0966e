import { z } from 'zod';
import { INDICATOR_KEYS, INDICATORS } from '../../../shared/indicators/index.ts';
import { contributionIn } from '../../../shared/indicators/reasons.ts';
import { DRILL_SORT_KEYS } from '../../../shared/indicators/drillList.ts';
import { drillExport } from '../../services/metrics/drillExport.ts';
import { drillThrough } from '../../services/metrics/drillThrough.ts';
import { metricsReport } from '../../services/metrics/metricsReport.ts';
import { resolveScope } from '../../services/metrics/scope.ts';
import { loadTargets } from '../../services/metrics/targets.ts';
import { weeklySeries } from '../../services/metrics/weeklySeries.ts';
import { shownPreviousWeek, withShownPrevious } from '../../services/review/shownPrevious.ts';
import { checked } from '../checked.ts';
import { exportProcedure, revisionCachedReadProcedure, router } from '../trpc.ts';
import { metricsReportIn } from '../../services/metrics/indicatorsIn.ts';

const text = (what: string) => z.string({ error: `${what}应为文本` }).max(20, `${what}无效`);
const scopeInput = z.object({
  asOf: text('截至日期').optional(),
  week: text('周次').optional(),
  townshipCode: text('镇街代码').optional(),
});

export const metricsRouter = router({
  /**
   * The five indicators for the city and every township, with goals, ranks and progress. Asked
   * for a week, "上周" (previousWeek, delta) is the previous week as it was shown — its snapshot
   * once reviewed, else its Sunday — as on the review board; asked for a date, it is seven days
   * earlier.
   */
  report: revisionCachedReadProcedure.input(checked(scopeInput)).query(async ({ ctx, input }) => {
    const scope = await resolveScope(ctx.db, input);
    const report = metricsReportIn(await metricsReport(ctx.db, scope), ctx.locale);
    if (input.week === undefined) return report;
    // Memoised per data revision although it reads reviewed_weeks: marking a week reviewed
    // freezes the figures it showed at that revision, so the answer does not change until an edit.
    return withShownPrevious(report, (await shownPreviousWeek(ctx.db, input.week))?.metrics ?? null);
  }),
  /** Weekly values from 2024-W01 to the current week. */
  series: revisionCachedReadProcedure
    .input(checked(z.object({ townshipCode: text('镇街代码').optional() })))
    .query(async ({ ctx, input }) => {
      const scope = await resolveScope(ctx.db, input);
      return weeklySeries(ctx.db, scope.townshipCode ? { townshipCode: scope.townshipCode } : {});
    }),
  /** The compounds behind a rate: numerator and denominator, with the reason for each. */
  drill: revisionCachedReadProcedure
    .input(checked(scopeInput.extend({ indicator: z.enum(INDICATOR_KEYS, { error: '未知指标' }) })))
    .query(async ({ ctx, input }) => {
      const scope = await resolveScope(ctx.db, input);
      const drill = await drillThrough(ctx.db, { indicator: input.indicator, ...scope });
      const { reasons } = INDICATORS[input.indicator];
      return { ...drill, compounds: drill.compounds.map((c) => contributionIn(c, reasons, ctx.locale)) };
    }),
  /**
   * The drill-through as on screen (filter, sort, goal met or not for the order of its sections)
   * as an XLSX with a 说明 sheet. A mutation like the workbench's export: it makes a file.
   */
  drillExport: exportProcedure
    .input(
      checked(
        scopeInput.extend({
          indicator: z.enum(INDICATOR_KEYS, { error: '未知指标' }),
          filter: z
            .object({
              townshipCode: text('镇街代码').optional(),
              reasonGroup: z.string({ error: '原因应为文本' }).max(100, '原因过长').optional(),
              community: z.string({ error: '社区应为文本' }).max(100, '社区名称过长').optional(),
              search: z.string({ error: '搜索应为文本' }).max(100, '搜索过长').optional(),
            })
            .default({}),
          sort: z
            .object({
              key: z.enum(DRILL_SORT_KEYS, { error: '未知排序' }),
              descending: z.boolean({ error: '排序方向应为是或否' }),
            })
            .default({ key: 'name', descending: false }),
          goalMet: z.boolean({ error: '达标与否应为是或否' }).nullable().default(null),
        }),
      ),
    )
    .mutation(async ({ ctx, input }) => {
      const scope = await resolveScope(ctx.db, input);
      return drillExport(ctx.db, {
        indicator: input.indicator,
        ...scope,
        filter: input.filter,
        sort: input.sort,
        goalMet: input.goalMet,
        locale: ctx.locale,
      });
    }),
  targets: revisionCachedReadProcedure.query(({ ctx }) => loadTargets(ctx.db)),
});
