/**
 * Supervision items (督办): reading is open to every signed-in reader (the township pages, the
 * wall); issuing, accepting and returning need 'supervise' (analyst, business_admin, admin);
 * answering needs 'edit', and the service lets township staff answer only their own township's
 * items (an administrator any). The services check the states (BAD_REQUEST in Chinese) and the
 * township (FORBIDDEN, audited).
 */
import {
  acceptItemInput,
  answerItemInput,
  issueBatchInput,
  issueItemInput,
  itemIdInput,
  listFilterInput,
  returnItemInput,
  weekInput,
} from '../../services/supervision/inputs.ts';
import { issueBatch, issueItem } from '../../services/supervision/issue.ts';
import { acceptItem, answerItem, returnItem } from '../../services/supervision/moves.ts';
import { getItem, listItems } from '../../services/supervision/queries.ts';
import { supervisionWeekSummary } from '../../services/supervision/weekSummary.ts';
import { DEFAULT_SUPERVISION_SUGGESTIONS } from '../../../data/supervision-rules.ts';
import { checked } from '../checked.ts';
import { editProcedure, readProcedure, router, superviseProcedure } from '../trpc.ts';

export const supervisionRouter = router({
  /** Items by township, state (or 'overdue'), week and source; overdue first, then by deadline. */
  list: readProcedure
    .input(
      checked(
        listFilterInput.optional().transform((v) => v ?? {}),
        '督办事项筛选条件有误',
      ),
    )
    .query(({ ctx, input }) => listItems(ctx.db, input)),
  /** One item with its compounds and timeline. */
  get: readProcedure
    .input(checked(itemIdInput, '督办事项编号有误'))
    .query(({ ctx, input }) => getItem(ctx.db, input.itemId)),
  /** 上周督办事项办理情况 for the items of `week` (see services/supervision/weekSummary.ts for "as of"). */
  summary: readProcedure
    .input(checked(weekInput, '周次有误'))
    .query(({ ctx, input }) => supervisionWeekSummary(ctx.db, input.week)),
  /** The suggested problem, task and days per topic (data/supervision-rules.ts), to prefill a new item. */
  suggestions: readProcedure.query(() => DEFAULT_SUPERVISION_SUGGESTIONS),
  issue: superviseProcedure
    .input(checked(issueItemInput, '督办事项填写有误'))
    .mutation(({ ctx, input }) => issueItem(ctx.db, ctx.actor, input)),
  issueBatch: superviseProcedure
    .input(checked(issueBatchInput, '批量督办事项填写有误'))
    .mutation(({ ctx, input }) => issueBatch(ctx.db, ctx.actor, input)),
  answer: editProcedure
    .input(checked(answerItemInput, '督办反馈填写有误'))
    .mutation(({ ctx, input }) => answerItem(ctx.db, ctx.actor, input)),
  accept: superviseProcedure
    .input(checked(acceptItemInput, '督办销号填写有误'))
    .mutation(({ ctx, input }) => acceptItem(ctx.db, ctx.actor, input)),
  return: superviseProcedure
    .input(checked(returnItemInput, '督办退回填写有误'))
    .mutation(({ ctx, input }) => returnItem(ctx.db, ctx.actor, input)),
});
