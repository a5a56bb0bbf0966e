/**
 * The compound ledger and the township boundaries for administrators: the empty ledger template
 * to download, and the import of a filled ledger or of official boundaries, each sent as a file
 * upload (FormData: `file` and text fields, up to 30 MB of file), as a dry run or for real. The
 * reports list every problem, and what would change.
 */
import { z } from 'zod';
import { importBoundaries } from '../../services/geo/importBoundaries.ts';
import { importLedger } from '../../services/ledger/importLedger.ts';
import { ledgerTemplateXlsx, TEMPLATE_FILE_NAME } from '../../services/ledger/template.ts';
import { CRS_OPTIONS } from '../../services/ledger/validateRow.ts';
import { fileUpload } from '../fileUpload.ts';
import { businessProcedure, router } from '../trpc.ts';

const crs = z.enum(CRS_OPTIONS, { error: '坐标系应为 wgs84、gcj02 或 bd09' }).default('wgs84');
/** FormData fields are text: "true" / "false" (also 1/0, yes/no, on/off). */
const flag = (name: string, fallback: boolean) =>
  z.stringbool({ error: `${name} 应为 true 或 false` }).default(fallback);

const ledgerUpload = fileUpload(
  z.object({
    crs,
    dryRun: flag('dryRun', true),
    replaceDemo: flag('replaceDemo', false),
    /** The city's name typed by the person: needed for an import that deletes the demonstration. */
    confirmCity: z.string({ error: '确认文字应为文本' }).max(60, '确认文字过长').optional(),
  }),
);
const boundaryUpload = fileUpload(z.object({ crs, dryRun: flag('dryRun', true) }));

export const ledgerRouter = router({
  /** The empty ledger workbook (Chinese headers, 填写说明, 镇街代码) as base64. */
  template: businessProcedure.query(async ({ ctx }) => ({
    fileName: TEMPLATE_FILE_NAME,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await ledgerTemplateXlsx(ctx.locale)).toString('base64'),
  })),
  /** Validates and (unless dryRun, the default) imports a ledger (.xlsx or .csv); returns the full report. */
  import: businessProcedure.input(ledgerUpload).mutation(({ ctx, input }) =>
    importLedger(ctx.db, input.file, {
      crs: input.crs,
      dryRun: input.dryRun,
      replaceDemo: input.replaceDemo,
      via: 'web',
      ...(input.confirmCity === undefined ? {} : { confirmCity: input.confirmCity }),
      userId: ctx.actor.userId ?? null,
      locale: ctx.locale,
    }),
  ),
  /** Official township boundaries (GeoJSON or a zipped Shapefile): matched townships, and compounds left outside. */
  importBoundaries: businessProcedure.input(boundaryUpload).mutation(({ ctx, input }) =>
    importBoundaries(ctx.db, input.file, {
      crs: input.crs,
      dryRun: input.dryRun,
      userId: ctx.actor.userId ?? null,
      locale: ctx.locale,
    }),
  ),
});
