import { writeFile, rename, rm } from 'node:fs/promises';
import { matchesFilter, parseFilter } from '../../../shared/compounds/compoundFilter.ts';
import { pinyinInitials } from '../../services/compounds/initials.ts';
import { compoundStatusAsOf } from '../../services/compounds/compoundStatus.ts';
import {
  compoundsToCsv,
  compoundsToGeoJson,
  compoundsToXlsx,
  EXPORT_FORMATS,
} from '../../services/compounds/exportCompounds.ts';
import { DEMO_NOTICE, readDatasetInfo } from '../../services/dataset/datasetInfo.ts';
import { parseAsOf, todayInCity } from '../../../shared/time/dates.ts';
import { CliError, oneOf, parseCommandArgs, type Command } from '../command.ts';
import { withDatabase } from '../withDatabase.ts';
import { LOCALES } from '../../../shared/language/index.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: '导出小区及其在某日的状态（csv|xlsx|geojson）',
  usage: `用法：onemap export compounds [--as-of YYYY-MM-DD] --format csv|xlsx|geojson [--filter 条件] [--out FILE] [--for-programs]

每个小区一行，含其在截至日期的状态。CSV 为 UTF-8，表头固定为英文字段名；默认以 BOM 开头，
Excel、WPS 和 LibreOffice 直接打开时中文不乱码；加 --for-programs 则不写 BOM，
文件第一个字节就是表头 code,name,…（供程序逐字节读取）。
XLSX 为中文表头（--lang en 为英文表头、标签与说明），GeoJSON 为 WGS84 点要素。未给 --out 时写到标准输出（xlsx 必须给 --out）。
--filter 与分析工作台地址栏中的筛选条件写法相同，例如
  --filter 'town=350582100,350582001&party=none&rating=3,2,1&hh=200-&q=jjwd'
  （town 镇街编码、comm 社区、kind 类型 commercial|resettlement|old|mixed、co 物业企业、
   party standalone|combined|joint|none、committee partyMajority|inOffice|none、
   rating 5|4|3|2|1|fail|notEvaluated|unmanaged、issues overdue|open|none、hh 户数范围、q 名称/编码/拼音首字母）`,
  async run(argv, io) {
    const args = parseCommandArgs(
      this,
      io,
      argv,
      {
        'as-of': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        filter: { type: 'string' },
        'for-programs': { type: 'boolean' },
        lang: { type: 'string' },
      },
      true,
    );
    if (!args) return;
    const [what, ...rest] = args.positionals;
    if (what !== 'compounds')
      throw new CliError(what ? `不能导出 "${what}"（可导出：compounds）` : '缺少导出对象（可导出：compounds）');
    if (rest.length) throw new CliError(`多余的参数 ${rest.join(' ')}`);
    const format = oneOf(args.values.format, EXPORT_FORMATS, '--format');
    const locale = oneOf(args.values.lang ?? 'zh-CN', LOCALES, '--lang');
    const asOf = parseAsOf(args.values['as-of'] ?? todayInCity());
    const out = args.values.out;
    if (format === 'xlsx' && !out) throw new CliError('xlsx 为二进制文件，请用 --out 指定输出文件');
    const forPrograms = args.values['for-programs'] === true;
    if (forPrograms && format !== 'csv') throw new CliError('--for-programs 只用于 --format csv');
    const filter = args.values.filter === undefined ? null : parseFilter(new URLSearchParams(args.values.filter));
    if (filter?.problems.length) throw new CliError(`筛选条件有误：${filter.problems.join('；')}`);

    const { rows, demo } = await withDatabase(io, async ({ db }) => ({
      rows: await compoundStatusAsOf(db, asOf),
      demo: (await readDatasetInfo(db)).source === 'demo',
    }));
    if (filter) {
      const f = filter.filter;
      const kept = rows.filter((c) => matchesFilter({ ...c, initials: f.text ? pinyinInitials(c.name) : '' }, f));
      rows.splice(0, rows.length, ...kept);
    }
    const body =
      format === 'csv'
        ? // The BOM tells Excel on Chinese Windows, WPS and LibreOffice that the file is UTF-8.
          (forPrograms ? '' : '\uFEFF') + compoundsToCsv(rows)
        : format === 'xlsx'
          ? await compoundsToXlsx(rows, { asOf, demo, locale, ...(filter ? { filter: args.values.filter } : {}) })
          : JSON.stringify(compoundsToGeoJson(rows, { asOf, demo, locale })) + '\n';
    if (out) await writeAtomically(out, body);
    else io.stdout.write(body);
    if (demo) io.stderr.write(`注意：${DEMO_NOTICE}\n`);
    if (out) io.stderr.write(`已导出 ${rows.length} 个小区（截至 ${asOf}）到 ${out}\n`);
  },
};

/** Writes to a temporary file beside the target and renames it: no partial file on failure. */
export async function writeAtomically(path: string, body: string | Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, body);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`无法写入 ${path}（${code ?? (error as Error).message}）`);
  }
}
