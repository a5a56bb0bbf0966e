/**
 * Township staff's edits (and an administrator's): a 四方联席 meeting, a committee term started
 * or ended, an issue moved on, a service evaluation. The services check the township
 * (FORBIDDEN otherwise, audited) and the business rules (BAD_REQUEST in Chinese).
 */
import { z } from 'zod';
import {
  endCommitteeTerm,
  endTermInput,
  startCommitteeTerm,
  startTermInput,
} from '../../services/editing/committees.ts';
import { evaluationInput, recordEvaluation } from '../../services/editing/evaluations.ts';
import { advanceIssue, advanceIssueInput } from '../../services/editing/issues.ts';
import { meetingInput, recordMeeting } from '../../services/editing/meetings.ts';
import { townshipEditingRecords } from '../../services/editing/townshipRecords.ts';
import { checked } from '../checked.ts';
import { editProcedure, readProcedure, router } from '../trpc.ts';

export const editingRouter = router({
  /** The township's compounds, committees in office and issues in progress, and whether the actor may edit them. */
  township: readProcedure
    .input(
      checked(z.object({ code: z.string({ error: '镇街代码应为9位数字' }).regex(/^\d{9}$/, '镇街代码应为9位数字') })),
    )
    .query(({ ctx, input }) => townshipEditingRecords(ctx.db, ctx.actor, input.code)),
  recordMeeting: editProcedure
    .input(checked(meetingInput, '四方联席会议填写有误'))
    .mutation(({ ctx, input }) => recordMeeting(ctx.db, ctx.actor, input)),
  startCommitteeTerm: editProcedure
    .input(checked(startTermInput, '业委会任期填写有误'))
    .mutation(({ ctx, input }) => startCommitteeTerm(ctx.db, ctx.actor, input)),
  endCommitteeTerm: editProcedure
    .input(checked(endTermInput, '结束业委会任期填写有误'))
    .mutation(({ ctx, input }) => endCommitteeTerm(ctx.db, ctx.actor, input)),
  advanceIssue: editProcedure
    .input(checked(advanceIssueInput, '诉求状态填写有误'))
    .mutation(({ ctx, input }) => advanceIssue(ctx.db, ctx.actor, input)),
  recordEvaluation: editProcedure
    .input(checked(evaluationInput, '服务考评填写有误'))
    .mutation(({ ctx, input }) => recordEvaluation(ctx.db, ctx.actor, input)),
});
