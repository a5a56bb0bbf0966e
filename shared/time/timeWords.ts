/** What a wrong date or week in a request is told, in both languages (shared/language/said.ts). */
import { said, type Said } from '../language/said.ts';

export const TIME_WORDS = {
  date: said('日期', 'Date'),
  asOf: said('截至日期', 'As-of date'),
  invalidDate: (what: Said, value: string) =>
    said(
      `${what['zh-CN']}无效：${value}（应为 YYYY-MM-DD 格式的真实日期）`,
      `${what.en} is not valid: ${value} (a real date, YYYY-MM-DD)`,
    ),
  dateOutOfRange: said(
    '日期超出可处理的范围（0001-01-01 至 9999-12-31）',
    'The date is outside the range that can be handled (0001-01-01 to 9999-12-31)',
  ),
  asOfBeforeHistory: (value: string, start: string) =>
    said(`截至日期 ${value} 早于数据起始日 ${start}`, `The as-of date ${value} is before the data begin (${start})`),
  asOfAfterToday: (value: string, today: string) =>
    said(`截至日期 ${value} 晚于今天（${today}）`, `The as-of date ${value} is after today (${today})`),
  invalidInstant: (value: string) => said(`时间无效：${value}`, `Not a valid time: ${value}`),
  /** A week that is not even text of a sane length: nothing of it is repeated. */
  malformedWeek: said('周次无效（应为 YYYY-Www，如 2025-W07）', 'Not a valid week (YYYY-Www, e.g. 2025-W07)'),
  invalidWeek: (week: string) =>
    said(`周次无效：${week}（应为 YYYY-Www，如 2025-W07）`, `Not a valid week: ${week} (YYYY-Www, e.g. 2025-W07)`),
  weekYearOutOfRange: (week: string, first: number, last: number) =>
    said(
      `周次超出范围：${week}（年份应在 ${first} 至 ${last} 之间）`,
      `Week out of range: ${week} (the year must be from ${first} to ${last})`,
    ),
  noSuchWeek: (week: string, year: string | number, n: number) =>
    said(`周次无效：${week}（${year} 年没有第 ${n} 周）`, `Not a valid week: ${week} (${year} has no week ${n})`),
  weekBeforeHistory: (week: string, first: string) =>
    said(`周次 ${week} 早于数据起始周 ${first}`, `The week ${week} is before the data begin (${first})`),
  weekNotYet: (week: string, today: string) =>
    said(`周次 ${week} 尚未到来（今天是 ${today}）`, `The week ${week} has not come yet (today is ${today})`),
};
