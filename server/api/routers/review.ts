/**
 * The weekly review (每周调度晾晒): the 晾晒榜, a township's week, the review rules, marking a
 * week reviewed, and the pack for download. Inputs are checked with zod; every refusal is
 * BAD_REQUEST with one Chinese message (a bad week, an unknown township, invalid rules).
 */
import { z } from 'zod';
import { listReviewedWeeks, markWeekReviewed } from '../../services/review/reviewedWeeks.ts';
import { parseRulesPatch, readReviewSettings, updateReviewRules } from '../../services/review/reviewRules.ts';
import { previewReviewRules } from '../../services/review/rulesPreview.ts';
import { checkTownshipCodeForm, defaultReviewWeek } from '../../services/review/reviewWeek.ts';
import { sharedReviewBoard, sharedTownshipReview } from '../../services/review/sharedReviewWeek.ts';
import { boardIn, townshipReviewIn } from '../../services/review/inLanguage.ts';
import { PACK_FORMATS, packFileName, weeklyPack } from '../../services/review/weeklyPack.ts';
import { canReportTownship } from '../../services/auth/roles.ts';
import { ForbiddenError } from '../../services/errors.ts';
import { said } from '../../../shared/language/said.ts';
import { onePagerFileName, townshipOnePager } from '../../services/review/townshipOnePager.ts';
import { checked } from '../checked.ts';
import { businessProcedure, exportProcedure, readProcedure, router } from '../trpc.ts';

const week = z
  .string({ error: '周次应为 YYYY-Www 形式的文本，如 2025-W07' })
  .max(20, '周次无效（应为 YYYY-Www，如 2025-W07）');
const townshipCode = z.string({ error: '镇街代码应为9位数字的文本' }).max(20, '镇街代码应为9位数字');
/** Without a week: the last week that has ended. */
const weekInput = z.object({ week: week.optional() }).optional();

const ONE_PAGER_OWN_TOWNSHIP = said('只能生成本镇街的一页纸', "You can only make your own township's one-page report");
const ONE_PAGER_NEEDS_EXPORT = said(
  '无权生成镇街一页纸（需要“导出”权限）',
  'Not allowed to make a township’s one-page report (needs the “Export” permission)',
);

export const reviewRouter = router({
  /**
   * The 晾晒榜: composite and per-indicator ranks, rank changes, movers, 红黑榜, summary; computed
   * once per week and data revision for every request (sharedReviewWeek.ts), then put in words.
   */
  board: readProcedure
    .input(checked(weekInput))
    .query(async ({ ctx, input }) =>
      boardIn(await sharedReviewBoard(ctx.db, input?.week ?? defaultReviewWeek()), ctx.locale),
    ),
  /** One township's week: standing, indicators with weekly history, lagging compounds, changes, summary (shared as the board). */
  township: readProcedure
    .input(checked(z.object({ code: townshipCode, week: week.optional() })))
    .query(async ({ ctx, input }) => {
      const { review, board } = await sharedTownshipReview(ctx.db, input.code, input.week ?? defaultReviewWeek());
      return townshipReviewIn(review, ctx.locale, board);
    }),
  /** The rules in force, the defaults, and when an administrator last changed them. */
  settings: readProcedure.query(({ ctx }) => readReviewSettings(ctx.db)),
  /** Changes any part of the rules (weights, 红黑榜 thresholds); the rest stays as it is. */
  updateSettings: businessProcedure
    .input(parseRulesPatch)
    .mutation(({ ctx, input }) => updateReviewRules(ctx.db, input, { userId: ctx.actor.userId })),
  /** A week's board under the present rules and under changed ones, side by side; nothing written. */
  previewRules: businessProcedure
    .input(checked(z.strictObject({ week: week.optional(), rules: z.unknown() })))
    .query(({ ctx, input }) =>
      previewReviewRules(ctx.db, input.rules, input.week === undefined ? {} : { week: input.week }),
    ),
  /** Freezes the week: its board, township pages and pack come from a snapshot from now on. */
  markReviewed: businessProcedure
    .input(checked(z.object({ week })))
    .mutation(({ ctx, input }) =>
      markWeekReviewed(ctx.db, input.week, { userId: ctx.actor.userId, reviewedBy: ctx.actor.displayName }),
    ),
  /** Weeks marked reviewed, latest first. */
  reviewedWeeks: readProcedure.query(({ ctx }) => listReviewedWeeks(ctx.db)),
  /**
   * A township's 一页纸 (one A4 page, PDF, base64): for its own staff and for those who may export;
   * anyone else is refused (FORBIDDEN, audited).
   */
  townshipReport: readProcedure
    .input(checked(z.object({ code: townshipCode, week })))
    .mutation(async ({ ctx, input }) => {
      checkTownshipCodeForm(input.code);
      if (!canReportTownship(ctx.actor, input.code)) {
        throw new ForbiddenError(
          ctx.actor.role === 'township_staff' ? ONE_PAGER_OWN_TOWNSHIP : ONE_PAGER_NEEDS_EXPORT,
          { tableName: 'review.townshipReport', recordId: input.code, detail: { week: input.week } },
        );
      }
      const { data, body } = await townshipOnePager(ctx.db, { ...input, locale: ctx.locale });
      return {
        fileName: onePagerFileName(data, ctx.locale),
        mimeType: 'application/pdf',
        base64: body.toString('base64'),
      };
    }),
  /** The weekly pack as a file to download (base64): XLSX, or PDF printed by headless Chromium. */
  pack: exportProcedure
    .input(
      checked(
        z.object({
          week,
          townshipCode: townshipCode.optional(),
          format: z.enum(PACK_FORMATS, { error: '格式应为 pdf 或 xlsx' }),
        }),
      ),
    )
    .mutation(async ({ ctx, input }) => {
      const { data, body } = await weeklyPack(ctx.db, { ...input, locale: ctx.locale });
      return {
        fileName: packFileName(data, input.format, ctx.locale),
        mimeType:
          input.format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'application/pdf',
        base64: body.toString('base64'),
      };
    }),
});
