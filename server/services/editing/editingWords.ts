/** What record entry refuses with, in both languages (shared/language/said.ts). */
import { said } from '../../../shared/language/said.ts';

export const EDITING_WORDS = {
  onlyOwnTownship: said('只能编辑本镇街小区的记录', "You can only edit records of your own township's compounds"),
  mayNotEdit: said('无权编辑记录', 'You are not allowed to edit records'),
  unknownTerm: (id: number) => said(`未知业委会任期：#${id}`, `Unknown owners' committee term: #${id}`),
  unknownIssue: (id: number) => said(`未知诉求：#${id}`, `Unknown resident issue: #${id}`),
  termEndBeforeFormed: said('任期届满日期应晚于成立日期', 'The term must end after the committee was formed'),
  termEnded: (on: string) => said(`该届业委会已于 ${on} 结束`, `This committee term already ended on ${on}`),
  termExpired: (on: string) =>
    said(`该届业委会任期已于 ${on} 届满，无需登记结束`, `This committee term expired on ${on}; no end needs recording`),
  endBeforeFormed: (formedOn: string) =>
    said(`结束日期应晚于成立日期（${formedOn}）`, `The end date must be after the date it was formed (${formedOn})`),
  evaluatedAlready: (compound: string, on: string) =>
    said(`${compound}在 ${on} 已有考评记录`, `${compound} already has an evaluation on ${on}`),
  meetingAlready: (compound: string, on: string) =>
    said(`${compound}在 ${on} 已登记过四方联席会议`, `${compound} already has a four-party meeting on ${on}`),
};
