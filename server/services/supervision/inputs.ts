/**
 * What the supervision services accept, as zod schemas with Chinese messages (the router uses
 * the same schemas, so the API and a direct service call refuse the same things).
 */
import { z } from 'zod';
import { INDICATOR_KEYS } from '../../../shared/indicators/keys.ts';
import { SUPERVISION_SOURCES, SUPERVISION_STATES } from '../../../shared/supervision/states.ts';
import { compoundCode, isoDate, recordId } from '../editing/editableCompound.ts';

export const MAX_TASK_CHARS = 500;
export const MAX_ANSWER_CHARS = 2000;
export const MAX_COMPOUNDS_PER_ITEM = 100;
export const MAX_BATCH_ITEMS = 200;

export const townshipCode = z
  .string({ error: '镇街代码应为9位数字' })
  .trim()
  .regex(/^\d{9}$/, '镇街代码应为9位数字');
export const reviewWeek = z
  .string({ error: '周次应为 YYYY-Www 格式，如 2025-W07' })
  .regex(/^\d{4}-W\d{2}$/, '周次应为 YYYY-Www 格式，如 2025-W07');
const text = (what: string, max: number) =>
  z
    .string({ error: `${what}应为文本` })
    .trim()
    .max(max, `${what}不能超过${max}个字符`);

export const issueItemInput = z.strictObject({
  townshipCode,
  compoundCodes: z
    .array(compoundCode, { error: '关联小区应为小区编码列表' })
    .max(MAX_COMPOUNDS_PER_ITEM, `一个督办事项最多关联${MAX_COMPOUNDS_PER_ITEM}个小区`)
    .default([]),
  indicator: z
    .enum(INDICATOR_KEYS, { error: `指标应为 ${INDICATOR_KEYS.join('、')} 之一` })
    .nullable()
    .default(null),
  problem: text('问题描述', MAX_TASK_CHARS).default(''),
  task: text('督办任务', MAX_TASK_CHARS).min(1, '请填写督办任务（要求做什么）'),
  deadline: isoDate('办理期限'),
  reviewWeek: reviewWeek.nullable().default(null),
  /** Defaults to 'review' when a review week is given, else 'manual'. */
  source: z.enum(SUPERVISION_SOURCES, { error: `来源应为 ${SUPERVISION_SOURCES.join('、')} 之一` }).optional(),
  sourceRef: text('来源标识', 200).nullable().default(null),
});
export type IssueItemInput = z.input<typeof issueItemInput>;

export const issueBatchInput = z.strictObject({
  items: z
    .array(issueItemInput, { error: '督办事项应为列表' })
    .min(1, '请至少填写一个督办事项')
    .max(MAX_BATCH_ITEMS, `一次最多交办${MAX_BATCH_ITEMS}个督办事项`),
});
export type IssueBatchInput = z.input<typeof issueBatchInput>;

export const answerItemInput = z.strictObject({
  itemId: recordId('督办事项'),
  answer: text('反馈内容', MAX_ANSWER_CHARS).min(1, '请填写办理情况（做了什么、有何佐证）'),
});
export type AnswerItemInput = z.input<typeof answerItemInput>;

export const acceptItemInput = z.strictObject({
  itemId: recordId('督办事项'),
  remark: text('审核意见', MAX_TASK_CHARS).default(''),
});
export type AcceptItemInput = z.input<typeof acceptItemInput>;

export const returnItemInput = z.strictObject({
  itemId: recordId('督办事项'),
  reason: text('退回理由', MAX_TASK_CHARS).min(1, '请填写退回理由'),
});
export type ReturnItemInput = z.input<typeof returnItemInput>;

export const listFilterInput = z.strictObject({
  townshipCode: townshipCode.optional(),
  /** A stored state, or 'overdue' (past the deadline and not closed, whatever the state). */
  state: z
    .enum([...SUPERVISION_STATES, 'overdue'], {
      error: `状态应为 ${[...SUPERVISION_STATES, 'overdue'].join('、')} 之一`,
    })
    .optional(),
  week: reviewWeek.optional(),
  source: z.enum(SUPERVISION_SOURCES, { error: `来源应为 ${SUPERVISION_SOURCES.join('、')} 之一` }).optional(),
});
export type ListFilterInput = z.input<typeof listFilterInput>;

export const itemIdInput = z.strictObject({ itemId: recordId('督办事项') });
export const weekInput = z.strictObject({ week: reviewWeek });
