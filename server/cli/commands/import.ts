import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeBoundaryReport } from '../../services/geo/describeBoundaryReport.ts';
import { importBoundaries } from '../../services/geo/importBoundaries.ts';
import { describeChange, describeProblem, describeSummary } from '../../services/ledger/describeReport.ts';
import { importLedger } from '../../services/ledger/importLedger.ts';
import { ledgerTemplateCsv, ledgerTemplateXlsx } from '../../services/ledger/template.ts';
import { CRS_OPTIONS } from '../../services/ledger/validateRow.ts';
import { LOCALES, type Locale } from '../../../shared/language/index.ts';
import { saidOf } from '../../../shared/language/said.ts';
import { BadInputError } from '../../services/errors.ts';
import { CliError, oneOf, parseCommandArgs, type Command } from '../command.ts';
import { IMPORT_CLI_WORDS as WORDS } from './importWords.ts';
import { withDatabase } from '../withDatabase.ts';
import { writeAtomically } from './export.ts';

const MAX_WARNINGS_SHOWN = 50;

export const importCommand: Command = {
  name: 'import',
  summary: '导入小区台账（xlsx|csv）或官方镇街边界（geojson|shapefile zip）；导出空白台账模板',
  usage: `用法：onemap import ledger FILE.xlsx|FILE.csv [--crs wgs84|gcj02|bd09] [--dry-run] [--replace-demo] [--lang zh-CN|en]
      onemap import boundaries FILE.geojson|FILE.zip [--crs wgs84|gcj02|bd09] [--dry-run]
      onemap import template --out FILE.xlsx|FILE.csv [--lang zh-CN|en]

ledger       导入小区台账：逐行校验，列出全部错误（行号、列名、原因）；全部正确才在一个事务中写入。
             按小区编码更新已有小区（保留其历史记录），导入后数据标记为真实台账。
  --crs        台账坐标的坐标系：wgs84（默认，天地图/GPS）、gcj02（高德/腾讯）、bd09（百度）
  --dry-run    只报告将新增、更新、不变的小区及字段变化，不写入任何数据
  --replace-demo  数据库中是演示数据时必须加：先清除演示小区及其历史（镇街、边界、目标保留）
boundaries   导入官方镇街边界（GeoJSON 经纬度，或压缩的 Shapefile，按其 .prj 换算），按要素属性中的镇街代码或名称匹配；
             列出落到所属镇街边界以外的小区（不移动它们）。
template     写出空白台账模板（中文表头、填写说明、镇街代码表）。
--lang en     以英文写出台账的校验报告与模板的填写说明（台账的中文列名与数据不译）；默认中文。`,
  async run(argv, io) {
    const args = parseCommandArgs(
      this,
      io,
      argv,
      {
        crs: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'replace-demo': { type: 'boolean' },
        out: { type: 'string' },
        lang: { type: 'string' },
      },
      true,
    );
    if (!args) return;
    const [what, ...rest] = args.positionals;
    const crs = oneOf(args.values.crs ?? 'wgs84', CRS_OPTIONS, '--crs');
    const dryRun = args.values['dry-run'] === true;
    const locale = oneOf(args.values.lang ?? 'zh-CN', LOCALES, '--lang');
    if (what === 'template') {
      if (rest.length) throw new CliError(`多余的参数 ${rest.join(' ')}`);
      const out = args.values.out;
      if (!out) throw new CliError('请用 --out 指定模板文件（.xlsx 或 .csv）');
      await writeAtomically(
        out,
        out.toLowerCase().endsWith('.csv') ? ledgerTemplateCsv() : await ledgerTemplateXlsx(locale),
      );
      io.stderr.write(`${WORDS.templateWritten(out)[locale]}\n`);
      return;
    }
    if (what !== 'ledger' && what !== 'boundaries') {
      throw new CliError(
        what
          ? `不能导入 "${what}"（可导入：ledger、boundaries、template）`
          : '缺少导入对象（ledger、boundaries 或 template）',
      );
    }
    const [path, ...extra] = rest;
    if (!path) throw new CliError(`缺少文件：onemap import ${what} FILE`);
    if (extra.length) throw new CliError(`多余的参数 ${extra.join(' ')}`);
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch (error) {
      throw new CliError(`无法读取 ${path}（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`);
    }
    const file = { name: basename(path), data: new Uint8Array(data) };

    if (what === 'boundaries') {
      const report = await withDatabase(io, ({ db }) => importBoundaries(db, file, { crs, dryRun }));
      const { lines, summary } = describeBoundaryReport(report);
      for (const line of lines) io.stdout.write(line + '\n');
      io.stderr.write(summary + '\n');
      return;
    }

    const replaceDemo = args.values['replace-demo'] === true;
    const report = await withDatabase(io, ({ db }) =>
      inLanguage(locale, () =>
        importLedger(db, file, { crs, dryRun, replaceDemo, locale }, (p) => {
          const line = p.phase === 'validate' ? WORDS.validated(p.done, p.total) : WORDS.writing(p.done, p.total);
          io.stderr.write(`${line[locale]}\n`);
        }),
      ),
    );
    for (const w of report.warnings.slice(0, MAX_WARNINGS_SHOWN))
      io.stderr.write(`${WORDS.warning(describeProblem(w, locale))[locale]}\n`);
    if (report.warnings.length > MAX_WARNINGS_SHOWN)
      io.stderr.write(`${WORDS.moreWarnings(report.warnings.length - MAX_WARNINGS_SHOWN)[locale]}\n`);
    if (report.status === 'invalid') {
      for (const p of report.problems) io.stderr.write(`${describeProblem(p, locale)}\n`);
      throw new CliError(WORDS.invalid(report.problems.length)[locale]);
    }
    if (report.status === 'dry-run') for (const c of report.changes) io.stdout.write(describeChange(c, locale) + '\n');
    io.stderr.write(describeSummary(report, locale) + '\n');
  },
};

/** A refusal (the demonstration not to be mixed, an unreadable file) in the language asked for. */
async function inLanguage<T>(locale: Locale, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const both = error instanceof BadInputError ? saidOf(error) : null;
    if (locale !== 'zh-CN' && both) throw new CliError(both[locale]);
    throw error;
  }
}
