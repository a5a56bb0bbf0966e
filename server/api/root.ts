import { adminRouter } from './routers/admin.ts';
import { authRouter } from './routers/auth.ts';
import { compoundsRouter } from './routers/compounds.ts';
import { editingRouter } from './routers/editing.ts';
import { geographyRouter } from './routers/geography.ts';
import { ledgerRouter } from './routers/ledger.ts';
import { liveRouter } from './routers/live.ts';
import { metricsRouter } from './routers/metrics.ts';
import { reviewRouter } from './routers/review.ts';
import { supervisionRouter } from './routers/supervision.ts';
import { systemRouter } from './routers/system.ts';
import { targetsRouter } from './routers/targets.ts';
import { workbenchRouter } from './routers/workbench.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  system: systemRouter,
  geography: geographyRouter,
  compounds: compoundsRouter,
  metrics: metricsRouter,
  review: reviewRouter,
  supervision: supervisionRouter,
  workbench: workbenchRouter,
  ledger: ledgerRouter,
  editing: editingRouter,
  admin: adminRouter,
  targets: targetsRouter,
  live: liveRouter,
});

export type AppRouter = typeof appRouter;

/** Procedures open to anyone: signing in and out and asking who is signed in. */
export const PUBLIC_PROCEDURES = ['auth.login', 'auth.logout', 'auth.me'] as const;
