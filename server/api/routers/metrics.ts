import { z } from 'zod';
import { INDICATOR_KEYS } from '../../services/metrics/definitions.ts';
import { drillThrough } from '../../services/metrics/drillThrough.ts';
import { metricsReport } from '../../services/metrics/metricsReport.ts';
import { resolveScope } from '../../services/metrics/scope.ts';
import { loadTargets } from '../../services/metrics/targets.ts';
import { weeklySeries } from '../../services/metrics/weeklySeries.ts';
import { readProcedure, router } from '../trpc.ts';

const scopeInput = z.object({
  asOf: z.string().max(20).optional(),
  week: z.string().max(20).optional(),
  townshipCode: z.string().max(20).optional(),
});

export const metricsRouter = router({
  /** The five indicators for the city and every township, with goals, ranks and progress. */
  report: readProcedure.input(scopeInput).query(async ({ ctx, input }) => {
    const scope = await resolveScope(ctx.db, input);
    return metricsReport(ctx.db, scope);
  }),
  /** Weekly values from 2024-W01 to the current week. */
  series: readProcedure.input(z.object({ townshipCode: z.string().max(20).optional() })).query(async ({ ctx, input }) => {
    const scope = await resolveScope(ctx.db, input);
    return weeklySeries(ctx.db, scope.townshipCode ? { townshipCode: scope.townshipCode } : {});
  }),
  /** The compounds behind a rate: numerator and denominator, with the reason for each. */
  drill: readProcedure.input(scopeInput.extend({ indicator: z.enum(INDICATOR_KEYS, { error: '未知指标' }) })).query(async ({ ctx, input }) => {
    const scope = await resolveScope(ctx.db, input);
    return drillThrough(ctx.db, { indicator: input.indicator, ...scope });
  }),
  targets: readProcedure.query(({ ctx }) => loadTargets(ctx.db)),
});
