/**
 * The weekly review pack (每周调度晾晒材料) for the city or one township: the board, the
 * engine's figures, the summary, the lagging compounds, the changes and the drill-through rows,
 * gathered from the week's source (its snapshot when reviewed), then written as XLSX
 * (packXlsx.ts) or as an A4 PDF printed by headless Chromium from an HTML page (packHtml.ts).
 */
import type { Db } from '../../db/connection.ts';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import type { Locale } from '../../../shared/language/index.ts';
import type { DrillThrough } from '../metrics/drillThrough.ts';
import type { MetricsReport } from '../metrics/metricsReport.ts';
import type { WeeklySeries } from '../metrics/weeklySeries.ts';
import { sharedPdfPrinter } from './pdfPrinter.ts';
import type { CompoundChanges } from './compoundChanges.ts';
import { laggingIn, type LaggingCompound } from '../../../shared/review/laggingCompounds.ts';
import { changesIn } from './compoundChanges.ts';
import { boardIn, townshipReviewIn } from './inLanguage.ts';
import { PACK_WORDS } from './packWords.ts';
import { packHtml } from './packHtml.ts';
import { packXlsx } from './packXlsx.ts';
import type { ReviewBoard } from './rankingBoard.ts';
import { openReviewWeek } from './reviewedWeeks.ts';
import { checkTownshipCodeForm } from './reviewWeek.ts';
import { townshipReviewFrom, type TownshipReview } from './townshipReview.ts';
import type { WeekSource } from './weekSource.ts';

export const PACK_FORMATS = ['pdf', 'xlsx'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export interface PackData {
  board: ReviewBoard;
  metrics: MetricsReport;
  /** The township the pack is for; null for the city. */
  township: TownshipReview | null;
  /** Of the township, or of the whole city. */
  lagging: LaggingCompound[];
  changes: CompoundChanges[];
  drill: Record<IndicatorKey, DrillThrough>;
  history: WeeklySeries;
}

export async function collectPackFrom(source: WeekSource, townshipCode?: string): Promise<PackData> {
  const township = townshipCode ? await townshipReviewFrom(source, townshipCode) : null;
  const drill = {} as Record<IndicatorKey, DrillThrough>;
  for (const key of INDICATOR_KEYS) drill[key] = await source.drill(key, townshipCode);
  return {
    board: await source.board(),
    metrics: await source.metrics(),
    township,
    lagging: township ? township.lagging : await source.lagging(),
    changes: township ? township.changes : await source.changes(),
    drill,
    history: await source.history(townshipCode),
  };
}

/** The pack's sentences (summary, reasons, change lines) in `locale`, from the figures they keep. */
export function packIn(data: PackData, locale: Locale): PackData {
  if (locale === 'zh-CN') return data;
  return {
    ...data,
    board: boardIn(data.board, locale),
    township: data.township ? townshipReviewIn(data.township, locale, data.board) : null,
    lagging: laggingIn(data.lagging, locale),
    changes: changesIn(data.changes, locale),
  };
}

export interface PackRequest {
  week: string;
  townshipCode?: string | undefined;
  format: PackFormat;
  today?: string;
  /** The reader's language: every fixed word of the file in it (Chinese unless asked). */
  locale?: Locale;
}

/**
 * The pack's bytes. A PDF takes its place in the print queue first — refused at once with
 * ServiceBusyError when the queue is full, before any figure is collected — and is printed by the
 * shared Chromium once every figure is ready.
 */
export async function weeklyPack(db: Db, request: PackRequest): Promise<{ data: PackData; body: Buffer }> {
  if (request.townshipCode !== undefined) checkTownshipCodeForm(request.townshipCode);
  const ticket = request.format === 'pdf' ? sharedPdfPrinter.admit() : null;
  try {
    const source = await openReviewWeek(db, request.week, request.today ? { today: request.today } : {});
    const locale = request.locale ?? 'zh-CN';
    const data = packIn(await collectPackFrom(source, request.townshipCode), locale);
    const body = ticket ? await ticket.print(packHtml(data, locale)) : await packXlsx(data, locale);
    return { data, body };
  } finally {
    ticket?.release();
  }
}

/** A file name people recognise: "晾晒_2025-W22_陈埭镇.pdf", "weekly-pack-2025-W22.pdf" in English. */
export function packFileName(data: PackData, format: PackFormat, locale: Locale = 'zh-CN'): string {
  return PACK_WORDS[locale].packFileName(data.board.week, data.township?.name ?? null, format);
}
