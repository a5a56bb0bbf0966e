import { compoundsRouter } from './routers/compounds.ts';
import { geographyRouter } from './routers/geography.ts';
import { ledgerRouter } from './routers/ledger.ts';
import { metricsRouter } from './routers/metrics.ts';
import { reviewRouter } from './routers/review.ts';
import { systemRouter } from './routers/system.ts';
import { workbenchRouter } from './routers/workbench.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  system: systemRouter,
  geography: geographyRouter,
  compounds: compoundsRouter,
  metrics: metricsRouter,
  review: reviewRouter,
  workbench: workbenchRouter,
  ledger: ledgerRouter,
});

export type AppRouter = typeof appRouter;
