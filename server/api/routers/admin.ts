/**
 * Administration: users, display tokens and backups (the `accounts` duty: system administrators),
 * and the audit log (the `audit` duty: security auditors). The all-in-one administrator holds both.
 * Backups go with accounts, not with the business duty: a backup holds every password hash and
 * the whole audit log, which 三员分立 keeps from the business administrator.
 */
import { z } from 'zod';
import { auditLogFileName, auditLogXlsx } from '../../services/audit/auditExport.ts';
import { auditedPeople, auditedTables, listAuditLog } from '../../services/audit/auditLog.ts';
import { addAccount, endUserSessions, listAccounts, resetPasswordByAdmin } from '../../services/auth/accountAdmin.ts';
import {
  createDisplayToken,
  createDisplayTokenUntil,
  listDisplayTokens,
  MAX_DISPLAY_TOKEN_DAYS,
  revokeDisplayToken,
} from '../../services/auth/displayTokens.ts';
import { newUserSchema, setUserDisabled } from '../../services/auth/users.ts';
import { backupOverview } from '../../services/backup/backupOverview.ts';
import { isIsoDate } from '../../../shared/time/dates.ts';
import { checked } from '../checked.ts';
import { accountsProcedure, auditProcedure, router } from '../trpc.ts';

const day = (what: string) =>
  z
    .string({ error: `${what}应为 YYYY-MM-DD` })
    .max(10, `${what}应为 YYYY-MM-DD`)
    .refine(isIsoDate, `${what}应为 YYYY-MM-DD 格式的真实日期`);
const username = z.string({ error: '用户名应为文本' }).trim().min(1, '请给出用户名').max(40, '用户名过长');

const auditFilter = z
  .strictObject({
    userId: z
      .number({ error: '用户编号应为整数' })
      .int('用户编号应为整数')
      .positive('用户编号应为正整数')
      .max(2_147_483_647, '用户编号无效')
      .optional(),
    tableName: z.string({ error: '表名应为文本' }).max(80, '表名过长').optional(),
    action: z.string({ error: '操作应为文本' }).max(40, '操作过长').optional(),
    townshipCode: z.string({ error: '镇街代码应为文本' }).max(20, '镇街代码应为9位数字').optional(),
    from: day('起始日期').optional(),
    to: day('截止日期').optional(),
    page: z
      .number({ error: '页码应为整数' })
      .int('页码应为整数')
      .min(1, '页码至少为1')
      .max(100_000, '页码过大')
      .optional(),
    pageSize: z
      .number({ error: '每页条数应为整数' })
      .int('每页条数应为整数')
      .min(1, '每页至少1条')
      .max(200, '每页最多200条')
      .optional(),
  })
  .optional();

export const adminRouter = router({
  /** Every account with its last sign-in and open sessions. */
  users: accountsProcedure.query(({ ctx }) => listAccounts(ctx.db)),
  /** A new account; without a password one is generated and returned once (oneTimePassword). */
  addUser: accountsProcedure
    .input(
      checked(
        newUserSchema.extend({ password: z.string({ error: '密码应为文本' }).max(1000, '密码过长').optional() }),
        '用户信息有误',
      ),
    )
    .mutation(({ ctx, input }) => addAccount(ctx.db, ctx.actor, input)),
  setUserDisabled: accountsProcedure
    .input(checked(z.strictObject({ username, disabled: z.boolean({ error: 'disabled 应为 true 或 false' }) })))
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.actor, input.username, input.disabled)),
  /** The typed password, or (none) a generated one returned once; to be changed at next sign-in. */
  resetPassword: accountsProcedure
    .input(
      checked(
        z.strictObject({
          username,
          password: z.string({ error: '密码应为文本' }).max(1000, '密码过长').optional(),
        }),
      ),
    )
    .mutation(({ ctx, input }) => resetPasswordByAdmin(ctx.db, ctx.actor, input.username, input.password || null)),
  endSessions: accountsProcedure
    .input(checked(z.strictObject({ username })))
    .mutation(({ ctx, input }) => endUserSessions(ctx.db, ctx.actor, input.username)),
  displayTokens: accountsProcedure.query(({ ctx }) => listDisplayTokens(ctx.db)),
  /** Valid through `expiresOn` (a day in Asia/Shanghai), or `expiresDays` from now (a year by default). */
  createDisplayToken: accountsProcedure
    .input(
      checked(
        z.strictObject({
          name: z.string({ error: '大屏名称应为文本' }).max(60, '大屏名称不能超过60个字符'),
          expiresOn: day('到期日').optional(),
          expiresDays: z
            .number({ error: '有效天数应为整数' })
            .int('有效天数应为整数')
            .min(1, '有效天数至少为1')
            .max(MAX_DISPLAY_TOKEN_DAYS, `有效天数最多为${MAX_DISPLAY_TOKEN_DAYS}`)
            .optional(),
        }),
      ),
    )
    .mutation(({ ctx, input }) =>
      input.expiresOn
        ? createDisplayTokenUntil(ctx.db, ctx.actor, input.name, input.expiresOn)
        : createDisplayToken(ctx.db, ctx.actor, input.name, input.expiresDays),
    ),
  revokeDisplayToken: accountsProcedure
    .input(
      checked(
        z.strictObject({
          id: z
            .number({ error: '令牌编号应为整数' })
            .int('令牌编号应为整数')
            .positive('令牌编号应为正整数')
            .max(2_147_483_647, '令牌编号无效'),
        }),
      ),
    )
    .mutation(({ ctx, input }) => revokeDisplayToken(ctx.db, ctx.actor, input.id)),
  /** The scheduled backups (folder, schedule, how many kept, the files) and how to restore. */
  backups: accountsProcedure.query(({ ctx }) => backupOverview(ctx.databaseKind, process.env, ctx.locale)),
  /** The audit log, newest first, filtered by user, table, action and days; paged. */
  auditLog: auditProcedure.input(checked(auditFilter)).query(({ ctx, input }) => listAuditLog(ctx.db, input ?? {})),
  auditedTables: auditProcedure.query(({ ctx }) => auditedTables(ctx.db)),
  auditPeople: auditProcedure.query(({ ctx }) => auditedPeople(ctx.db)),
  /** The filtered log as an XLSX workbook (base64), one row per changed field. */
  auditExport: auditProcedure.input(checked(auditFilter)).mutation(async ({ ctx, input }) => ({
    fileName: auditLogFileName(ctx.locale),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await auditLogXlsx(ctx.db, input ?? {}, ctx.locale)).toString('base64'),
  })),
});
