import { adminRouter } from './routers/admin.ts';
import { attachmentsRouter } from './routers/attachments.ts';
import { authRouter } from './routers/auth.ts';
import { compoundsRouter } from './routers/compounds.ts';
import { editingRouter } from './routers/editing.ts';
import { geographyRouter } from './routers/geography.ts';
import { inboxRouter } from './routers/inbox.ts';
import { ledgerRouter } from './routers/ledger.ts';
import { liveRouter } from './routers/live.ts';
import { mapRouter } from './routers/map.ts';
import { metricsRouter } from './routers/metrics.ts';
import { reviewRouter } from './routers/review.ts';
import { supervisionRouter } from './routers/supervision.ts';
import { systemRouter } from './routers/system.ts';
import { targetsRouter } from './routers/targets.ts';
import { wallRouter } from './routers/wall.ts';
import { warningsRouter } from './routers/warnings.ts';
import { webhooksRouter } from './routers/webhooks.ts';
import { workbenchRouter } from './routers/workbench.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  system: systemRouter,
  geography: geographyRouter,
  compounds: compoundsRouter,
  map: mapRouter,
  wall: wallRouter,
  metrics: metricsRouter,
  review: reviewRouter,
  supervision: supervisionRouter,
  warnings: warningsRouter,
  inbox: inboxRouter,
  webhooks: webhooksRouter,
  workbench: workbenchRouter,
  ledger: ledgerRouter,
  editing: editingRouter,
  attachments: attachmentsRouter,
  admin: adminRouter,
  targets: targetsRouter,
  live: liveRouter,
});

export type AppRouter = typeof appRouter;

/** Procedures open to anyone: signing in and out and asking who is signed in. */
export const PUBLIC_PROCEDURES = ['auth.login', 'auth.logout', 'auth.me'] as const;
