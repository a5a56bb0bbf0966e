import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeBoundaryReport } from '../../services/geo/describeBoundaryReport.ts';
import { importBoundaries } from '../../services/geo/importBoundaries.ts';
import { describeChange, describeProblem, describeSummary } from '../../services/ledger/describeReport.ts';
import { importLedger } from '../../services/ledger/importLedger.ts';
import { ledgerTemplateCsv, ledgerTemplateXlsx } from '../../services/ledger/template.ts';
import { CRS_OPTIONS } from '../../services/ledger/validateRow.ts';
import { CliError, oneOf, parseCommandArgs, type Command } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';
import { writeAtomically } from './export.ts';

const MAX_WARNINGS_SHOWN = 50;

export const importCommand: Command = {
  name: 'import',
  summary: '导入小区台账（xlsx|csv）或官方镇街边界（geojson|shapefile zip）；导出空白台账模板',
  usage: `用法：onemap import ledger FILE.xlsx|FILE.csv [--crs wgs84|gcj02|bd09] [--dry-run] [--replace-demo]
      onemap import boundaries FILE.geojson|FILE.zip [--crs wgs84|gcj02|bd09] [--dry-run]
      onemap import template --out FILE.xlsx|FILE.csv

ledger       导入小区台账：逐行校验，列出全部错误（行号、列名、原因）；全部正确才在一个事务中写入。
             按小区编码更新已有小区（保留其历史记录），导入后数据标记为真实台账。
  --crs        台账坐标的坐标系：wgs84（默认，天地图/GPS）、gcj02（高德/腾讯）、bd09（百度）
  --dry-run    只报告将新增、更新、不变的小区及字段变化，不写入任何数据
  --replace-demo  数据库中是演示数据时必须加：先清除演示小区及其历史（镇街、边界、目标保留）
boundaries   导入官方镇街边界（GeoJSON 经纬度，或压缩的 Shapefile，按其 .prj 换算），按要素属性中的镇街代码或名称匹配；
             列出落到所属镇街边界以外的小区（不移动它们）。
template     写出空白台账模板（中文表头、填写说明、镇街代码表）。`,
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
      },
      true,
    );
    if (!args) return;
    const [what, ...rest] = args.positionals;
    const crs = oneOf(args.values.crs ?? 'wgs84', CRS_OPTIONS, '--crs');
    const dryRun = args.values['dry-run'] === true;
    if (what === 'template') {
      if (rest.length) throw new CliError(`多余的参数 ${rest.join(' ')}`);
      const out = args.values.out;
      if (!out) throw new CliError('请用 --out 指定模板文件（.xlsx 或 .csv）');
      await writeAtomically(out, out.toLowerCase().endsWith('.csv') ? ledgerTemplateCsv() : await ledgerTemplateXlsx());
      io.stderr.write(`已写出台账模板 ${out}\n`);
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

    const report = await withDatabase(io, ({ db }) =>
      importLedger(db, file, { crs, dryRun, replaceDemo: args.values['replace-demo'] === true }, (p) => {
        if (p.phase === 'validate') io.stderr.write(`已校验 ${p.done}/${p.total} 行\n`);
        else io.stderr.write(`正在写入：${p.done}/${p.total} 个小区\n`);
      }),
    );
    for (const w of report.warnings.slice(0, MAX_WARNINGS_SHOWN)) io.stderr.write(`提示：${describeProblem(w)}\n`);
    if (report.warnings.length > MAX_WARNINGS_SHOWN)
      io.stderr.write(`提示：……另有 ${report.warnings.length - MAX_WARNINGS_SHOWN} 条\n`);
    if (report.status === 'invalid') {
      for (const p of report.problems) io.stderr.write(`${describeProblem(p)}\n`);
      throw new CliError(`台账有 ${report.problems.length} 处错误，未导入任何数据`);
    }
    if (report.status === 'dry-run') for (const c of report.changes) io.stdout.write(describeChange(c) + '\n');
    io.stderr.write(describeSummary(report) + '\n');
  },
};
