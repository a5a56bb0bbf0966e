/**
 * What reading a ledger file refuses with, in both languages (shared/language/said.ts). The
 * problems found in its rows are listed in Chinese, the language of the ledger's own columns.
 */
import { said } from '../../../shared/language/said.ts';

export const LEDGER_WORDS = {
  notXlsx: (name: string) =>
    said(`${name} 不是有效的 Excel 文件（.xlsx）`, `${name} is not a valid Excel file (.xlsx)`),
  oldXls: said(
    '不支持旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 后再导入',
    'Old Excel files (.xls) are not supported: save it as .xlsx in Excel, then import that',
  ),
  unknownKind: (name: string) =>
    said(
      `无法识别的台账文件：${name}（应为 .xlsx 或 .csv）`,
      `Not a ledger file: ${name} (it should be .xlsx or .csv)`,
    ),
  unreadable: (name: string, why: string) =>
    said(`无法读取 Excel 文件 ${name}：${why}`, `Cannot read the Excel file ${name}: ${why}`),
  noSheet: (name: string) => said(`Excel 文件 ${name} 中没有工作表`, `The Excel file ${name} has no worksheet`),
  changedMeanwhile: said('导入期间数据库被其他操作改变，请重试', 'The data changed while importing; please try again'),
};
