/**
 * Evidence attached to records (a meeting's photo, a signed sheet, a closing scan): uploaded as a
 * file (FormData), listed per compound or township, removed. The bytes themselves are read at
 * /api/attachments/<id> (server/http/attachmentFiles.ts), with the same township check.
 */
import { z } from 'zod';
import {
  listAttachments,
  removeAttachment,
  uploadAttachment,
  uploadFields,
} from '../../services/evidence/attachments.ts';
import { checked } from '../checked.ts';
import { fileUpload } from '../fileUpload.ts';
import { editProcedure, readProcedure, router } from '../trpc.ts';

const scope = z.union([
  z.strictObject({
    compoundCode: z.string({ error: '小区编码无效' }).trim().min(1, '小区编码无效').max(40, '小区编码过长'),
  }),
  z.strictObject({ townshipCode: z.string({ error: '镇街代码应为9位数字' }).regex(/^\d{9}$/, '镇街代码应为9位数字') }),
]);

export const attachmentsRouter = router({
  upload: editProcedure
    .input(fileUpload(uploadFields))
    .mutation(({ ctx, input }) => uploadAttachment(ctx.db, ctx.actor, input)),
  list: readProcedure
    .input(checked(scope, '查询佐证材料的参数无效'))
    .query(({ ctx, input }) => listAttachments(ctx.db, ctx.actor, input)),
  remove: editProcedure
    .input(checked(z.strictObject({ id: z.string({ error: '附件编号无效' }).max(64, '附件编号无效') }), '附件编号无效'))
    .mutation(({ ctx, input }) => removeAttachment(ctx.db, ctx.actor, input.id)),
});
