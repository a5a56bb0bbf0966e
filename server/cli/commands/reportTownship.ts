/**
 * `onemap report township --township CODE --week W --format pdf --out F`: a township's 一页纸,
 * one A4 page (services/review/townshipOnePager.ts). Everything that can be checked without the
 * database is checked first; the file is written atomically.
 */
import { DEMO_NOTICE } from '../../services/dataset/datasetInfo.ts';
import { ChromiumError } from '../../services/review/chromium.ts';
import { sharedPdfPrinter } from '../../services/review/pdfPrinter.ts';
import { checkTownshipCodeForm, parseReviewWeek } from '../../services/review/reviewWeek.ts';
import { townshipOnePager } from '../../services/review/townshipOnePager.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { LOCALES } from '../../../shared/language/index.ts';
import { CliError, oneOf, type CliIo } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';
import { writeAtomically } from './export.ts';
import { checkOutputPath } from './report.ts';

export interface TownshipReportArgs {
  week?: string | undefined;
  township?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  lang?: string | undefined;
}

export async function runTownshipReport(values: TownshipReportArgs, io: CliIo): Promise<void> {
  if (values.township === undefined) throw new CliError('缺少 --township（镇街代码，如 350582103）');
  if (values.week === undefined) throw new CliError('缺少 --week（如 --week 2025-W22）');
  const today = todayInCity();
  const week = parseReviewWeek(values.week, today);
  const code = checkTownshipCodeForm(values.township);
  oneOf(values.format ?? 'pdf', ['pdf'] as const, '--format');
  const locale = oneOf(values.lang ?? 'zh-CN', LOCALES, '--lang');
  if (values.out === undefined) throw new CliError('缺少 --out（一页纸写到哪个文件）');
  const out = checkOutputPath(values.out);

  let result: Awaited<ReturnType<typeof townshipOnePager>>;
  try {
    result = await withDatabase(io, ({ db }) => townshipOnePager(db, { code, week: week.week, today, locale }));
  } catch (error) {
    if (error instanceof ChromiumError) throw new CliError(error.message);
    throw error;
  } finally {
    await sharedPdfPrinter.close();
  }
  await writeAtomically(out, result.body);
  const { board, township } = result.data;
  if (board.demo) io.stderr.write(`注意：${DEMO_NOTICE}\n`);
  io.stderr.write(`已生成 ${board.week} ${township.name}一页纸（截至 ${board.asOf}）到 ${values.out}\n`);
}
