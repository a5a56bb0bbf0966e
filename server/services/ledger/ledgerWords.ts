/**
 * What reading or importing a ledger file refuses with, in both languages
 * (shared/language/said.ts). The problems found in its rows are in rowWords.ts and
 * ledgerReportWords.ts.
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
  noHeader: (name: string) =>
    said(
      `Excel 文件 ${name} 中没有表头（应有 小区编码、小区名称 等列名）`,
      `The Excel file ${name} has no header (it should name columns such as "小区编码" (compound code) and "小区名称" (compound name))`,
    ),
  emptyCsv: said(
    'CSV 文件为空：应有表头（小区编码、小区名称 等列名）',
    'The CSV file is empty: it should have a header (columns such as "小区编码" (compound code) and "小区名称" (compound name))',
  ),
  demoRefusal: said(
    '数据库中是演示数据：真实台账不能与演示小区混在一起。请加 --replace-demo（先清除演示小区及其全部历史记录；镇街、边界和目标保留）后再导入',
    'The database holds the demonstration: a real ledger cannot be mixed with demonstration compounds. Add --replace-demo (which first removes the demonstration compounds and all their history; townships, boundaries and targets stay), then import',
  ),
  webDemoRefusal: said(
    '数据库中是演示数据：真实台账不能与演示小区混在一起。请勾选“清除演示数据后导入”，先试导入查看将删除的内容，再输入城市名称确认导入（镇街、边界和目标保留）',
    'The database holds the demonstration: a real ledger cannot be mixed with demonstration compounds. Tick "Remove the demonstration data first", make a dry run to see what would be deleted, then type the city\'s name to confirm the import (townships, boundaries and targets stay)',
  ),
  confirmCity: (cityName: string) =>
    said(
      `这次导入将删除全部演示小区及其全部历史记录：请输入城市名称“${cityName}”确认后再导入`,
      `This import deletes every demonstration compound and all its history: type the city's name "${cityName}" to confirm, then import`,
    ),
  changedMeanwhile: said('导入期间数据库被其他操作改变，请重试', 'The data changed while importing; please try again'),
};
