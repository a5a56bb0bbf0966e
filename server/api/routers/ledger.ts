/**
 * The compound ledger for administrators: the empty template to download, and the import of a
 * filled one (base64), as a dry run or for real. The report lists every problem by row and
 * column, and the changes field by field.
 */
import { z } from 'zod';
import { BadInputError } from '../../services/errors.ts';
import { importLedger } from '../../services/ledger/importLedger.ts';
import { ledgerTemplateXlsx, TEMPLATE_FILE_NAME } from '../../services/ledger/template.ts';
import { CRS_OPTIONS } from '../../services/ledger/validateRow.ts';
import { describeIssues } from '../../services/review/reviewRules.ts';
import { businessProcedure, router } from '../trpc.ts';

/** Base64 of at most ~30 MB of file. */
const MAX_BASE64 = 40_000_000;

const importInput = z.object({
  fileName: z.string({ error: '缺少文件名' }).min(1, '缺少文件名').max(200, '文件名过长'),
  base64: z.string({ error: '缺少文件内容' }).min(1, '文件为空').max(MAX_BASE64, '文件过大（最大约30 MB）'),
  crs: z.enum(CRS_OPTIONS, { error: '坐标系应为 wgs84、gcj02 或 bd09' }).default('wgs84'),
  dryRun: z.boolean({ error: 'dryRun 应为真或假' }).default(true),
  replaceDemo: z.boolean({ error: 'replaceDemo 应为真或假' }).default(false),
});

/**
 * The input as a Standard Schema parser, so callers may leave out the defaulted fields (its input
 * type differs from its output type); refusals are one Chinese line (BadInputError → BAD_REQUEST).
 */
const checkedImport = {
  '~standard': {
    version: 1 as const,
    vendor: 'onemap',
    validate(raw: unknown): { value: z.output<typeof importInput> } {
      const result = importInput.safeParse(raw);
      if (!result.success) throw new BadInputError(describeIssues(result.error, '请求参数无效'));
      return { value: result.data };
    },
    types: undefined as unknown as { input: z.input<typeof importInput>; output: z.output<typeof importInput> },
  },
};

export const ledgerRouter = router({
  /** The empty ledger workbook (Chinese headers, 填写说明, 镇街代码) as base64. */
  template: businessProcedure.query(async () => ({
    fileName: TEMPLATE_FILE_NAME,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await ledgerTemplateXlsx()).toString('base64'),
  })),
  /** Validates and (unless dryRun, the default) imports a ledger; returns the full report. */
  import: businessProcedure.input(checkedImport).mutation(({ ctx, input }) =>
    importLedger(
      ctx.db,
      { name: input.fileName, data: new Uint8Array(Buffer.from(input.base64, 'base64')) },
      { crs: input.crs, dryRun: input.dryRun, replaceDemo: input.replaceDemo, userId: ctx.actor?.userId ?? null },
    ),
  ),
});
