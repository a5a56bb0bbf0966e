/** The signed-in person's inbox counts (services/supervision/inbox.ts says what each role sees). */
import { inboxSummary } from '../../services/supervision/inbox.ts';
import { readProcedure, router } from '../trpc.ts';

export const inboxRouter = router({
  summary: readProcedure.query(({ ctx }) => inboxSummary(ctx.db, ctx.actor)),
});
