import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEMO_NOTICE } from '../../services/dataset/datasetInfo.ts';
import { ChromiumError } from '../../services/review/chromium.ts';
import { sharedPdfPrinter } from '../../services/review/pdfPrinter.ts';
import { packHtml } from '../../services/review/packHtml.ts';
import { packXlsx } from '../../services/review/packXlsx.ts';
import { markWeekReviewed, openReviewWeek } from '../../services/review/reviewedWeeks.ts';
import { checkTownshipCodeForm, parseReviewWeek } from '../../services/review/reviewWeek.ts';
import { collectPackFrom, PACK_FORMATS, packIn } from '../../services/review/weeklyPack.ts';
import { shanghaiDateTime, todayInCity } from '../../../shared/time/dates.ts';
import { weekLabel } from '../../../shared/time/weeks.ts';
import { LOCALES } from '../../../shared/language/index.ts';
import { CliError, oneOf, parseCommandArgs, type Command } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';
import { writeAtomically } from './export.ts';
import { runTownshipReport } from './reportTownship.ts';
import { runReportBoard } from './reportBoard.ts';

/** Refuses an output path that cannot be written, before any work is done. */
export function checkOutputPath(path: string): string {
  const full = resolve(path);
  const stat = (p: string) => {
    try {
      return statSync(p);
    } catch {
      return null;
    }
  };
  if (stat(full)?.isDirectory()) throw new CliError(`无法写入 ${path}：这是一个目录`);
  const dir = stat(dirname(full));
  if (!dir) throw new CliError(`无法写入 ${path}：目录 ${dirname(full)} 不存在`);
  if (!dir.isDirectory()) throw new CliError(`无法写入 ${path}：${dirname(full)} 不是目录`);
  try {
    accessSync(dirname(full), constants.W_OK);
  } catch {
    throw new CliError(`无法写入 ${path}：目录 ${dirname(full)} 不可写`);
  }
  return full;
}

export const reportCommand: Command = {
  name: 'report',
  summary: '每周调度晾晒材料（pdf|xlsx）、镇街一页纸（pdf）、某周晾晒榜与红黑榜（json|csv|text），或把某周标记为已晾晒',
  usage: `用法：onemap report weekly --week YYYY-Www [--township CODE] --format pdf|xlsx --out FILE [--lang zh-CN|en] [--mark-reviewed]
      onemap report weekly --week YYYY-Www --mark-reviewed
      onemap report township --township CODE --week YYYY-Www [--format pdf] --out FILE [--lang zh-CN|en]
      onemap report board --week YYYY-Www [--format json|csv|text] [--for-programs]

township：该镇街的“一页纸”（A4 一页 PDF）：排名与变化、红黑榜、五项指标（目标、进度、较上周）、
本周变化、后进小区与原因、数据说明。

晾晒榜（综合与分项排名、较上周变化、红黑榜）、各项指标、摘要、后进小区与小区明细。
不给 --township 为全市材料；给出时为该镇街的材料（排名仍为全市19个镇街）。
--mark-reviewed 把该周标记为已晾晒（只限已结束的周）：冻结本周数字的快照，此后该周的
晾晒榜与材料都按快照生成，不受记录修改（含补录）影响。未标记的周按当前记录计算至该周周日。
--lang en 以英文写出材料与一页纸（数据中的名称不译）；默认中文。
PDF 由无头 Chromium 生成（CHROMIUM_PATH 可指定路径）；先写临时文件再改名，失败不留残缺文件。
report board 把该周晾晒榜（综合排名、红榜与黑榜及上榜理由、规则说明）打印到标准输出：
json（默认，供脚本使用）、csv（每个镇街一行）或 text（便于阅读）。
csv 为 UTF-8，默认以 BOM 开头，Excel、WPS 和 LibreOffice 直接打开时中文不乱码；加 --for-programs 则不写 BOM。`,
  async run(argv, io) {
    const args = parseCommandArgs(
      this,
      io,
      argv,
      {
        week: { type: 'string' },
        township: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        'mark-reviewed': { type: 'boolean' },
        'for-programs': { type: 'boolean' },
        lang: { type: 'string' },
      },
      true,
    );
    if (!args) return;
    const [what, ...rest] = args.positionals;
    if (what !== 'weekly' && what !== 'township' && what !== 'board')
      throw new CliError(
        what
          ? `不支持的报告 "${what}"（可用：weekly、township、board）`
          : '缺少报告类型（可用：weekly、township、board）',
      );
    if (rest.length) throw new CliError(`多余的参数 ${rest.join(' ')}`);
    if (what === 'township') {
      if (args.values['mark-reviewed']) throw new CliError('--mark-reviewed 只用于 onemap report weekly');
      if (args.values['for-programs']) throw new CliError('--for-programs 只用于 onemap report board --format csv');
      return runTownshipReport(args.values, io);
    }
    if (what === 'board') {
      const { week, format, township, out } = args.values;
      const markReviewed = args.values['mark-reviewed'] === true;
      return runReportBoard(
        { week, format, township, out, markReviewed, forPrograms: args.values['for-programs'] === true },
        io,
      );
    }
    if (args.values['for-programs']) throw new CliError('--for-programs 只用于 onemap report board --format csv');
    if (args.values.week === undefined) throw new CliError('缺少 --week（如 --week 2025-W22）');
    const locale = oneOf(args.values.lang ?? 'zh-CN', LOCALES, '--lang');

    // Everything that can be checked without the database is checked first.
    const today = todayInCity();
    const week = parseReviewWeek(args.values.week, today);
    const township = args.values.township === undefined ? undefined : checkTownshipCodeForm(args.values.township);
    const mark = args.values['mark-reviewed'] === true;
    const wantsPack = args.values.format !== undefined || args.values.out !== undefined || !mark;
    const format = wantsPack ? oneOf(args.values.format, PACK_FORMATS, '--format') : null;
    if (wantsPack && args.values.out === undefined) throw new CliError('缺少 --out（材料写到哪个文件）');
    const out = wantsPack ? checkOutputPath(args.values.out!) : null;
    if (mark && !week.ended) throw new CliError(`周次 ${week.week} 尚未结束（周日之后才能标记为已晾晒）`);

    const { marked, data } = await withDatabase(io, async ({ db }) => ({
      marked: mark ? await markWeekReviewed(db, week.week, { today }) : null,
      data: format
        ? packIn(await collectPackFrom(await openReviewWeek(db, week.week, { today }), township), locale)
        : null,
    }));

    if (marked) {
      io.stderr.write(
        marked.alreadyReviewed
          ? `${weekLabel(marked.week)}此前已标记为已晾晒（快照冻结于 ${shanghaiDateTime(marked.reviewedAt)}，北京时间），快照不变\n`
          : `已将 ${weekLabel(marked.week)}标记为已晾晒，冻结截至 ${marked.asOf} 的数字\n`,
      );
    }
    if (!data || !out || !format) return;
    let body: Buffer;
    try {
      body = format === 'xlsx' ? await packXlsx(data, locale) : await sharedPdfPrinter.print(packHtml(data, locale));
    } catch (error) {
      if (error instanceof ChromiumError) throw new CliError(error.message);
      throw error;
    } finally {
      await sharedPdfPrinter.close();
    }
    await writeAtomically(out, body);
    if (data.board.demo) io.stderr.write(`注意：${DEMO_NOTICE}\n`);
    const scope = data.township ? data.township.name : '全市';
    const state = data.board.reviewed ? '已晾晒，按快照' : '按当前记录';
    io.stderr.write(
      `已生成 ${data.board.week} ${scope}晾晒材料（截至 ${data.board.asOf}，${state}）到 ${args.values.out}\n`,
    );
  },
};
