/**
 * What a ledger import refuses with while the database holds the demonstration, in both
 * languages (shared/language/said.ts). The city's name is what the person types, so it stays as
 * the deployment writes it.
 */
import { said } from '../../../shared/language/said.ts';

export const DEMO_REPLACEMENT_WORDS = {
  /** Without the tick, from the browser: no command-line wording. */
  webRefusal: said(
    '数据库中是演示数据：真实台账不能与演示小区混在一起。请勾选“清除演示数据后导入”，先试导入查看将删除的内容，再输入城市名称确认导入（镇街、边界和目标保留）',
    'The database holds demonstration data: a real ledger cannot be mixed with demonstration compounds. Tick “Remove the demonstration data first”, do a dry run to see what will be deleted, then type the city’s name to confirm (townships, boundaries and targets are kept)',
  ),
  confirmCity: (cityName: string) =>
    said(
      `这次导入将删除全部演示小区及其全部历史记录：请输入城市名称“${cityName}”确认后再导入`,
      `This import deletes every demonstration compound and all its history: type the city’s name “${cityName}” to confirm, then import`,
    ),
};
