/**
 * What `onemap import ledger` prints around the report, in both languages: `--lang en` reads
 * the whole report in English (as `onemap report --lang en` writes its pack), the default is the
 * Chinese it always printed.
 */
import { said } from '../../../shared/language/said.ts';

export const IMPORT_CLI_WORDS = {
  validated: (done: number, total: number) => said(`已校验 ${done}/${total} 行`, `Checked ${done}/${total} rows`),
  writing: (done: number, total: number) =>
    said(`正在写入：${done}/${total} 个小区`, `Writing: ${done}/${total} compounds`),
  warning: (line: string) => said(`提示：${line}`, `Note: ${line}`),
  moreWarnings: (count: number) => said(`提示：……另有 ${count} 条`, `Note: … ${count} more`),
  invalid: (count: number) =>
    said(
      `台账有 ${count} 处错误，未导入任何数据`,
      `The ledger has ${count} ${count === 1 ? 'problem' : 'problems'}: nothing was imported`,
    ),
  templateWritten: (out: string) => said(`已写出台账模板 ${out}`, `Wrote the ledger template ${out}`),
};
