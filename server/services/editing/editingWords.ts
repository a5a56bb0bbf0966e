/** What record entry refuses with, in both languages (shared/language/said.ts). */
import { ISSUE_STAGE_NAMES, issueStageInSentence, type IssueStage } from '../../../shared/issues/issueStages.ts';
import { said } from '../../../shared/language/said.ts';

const stageZh = (stage: IssueStage) => ISSUE_STAGE_NAMES['zh-CN'][stage];

export const EDITING_WORDS = {
  /** An issue that has ended its course. */
  issueEnded: (stage: IssueStage) =>
    said(
      `该诉求已${stageZh(stage)}，流程已结束`,
      `This issue is already ${issueStageInSentence(stage)}; its course has ended`,
    ),
  issueOnlyForward: (stage: IssueStage, allowed: readonly IssueStage[]) =>
    said(
      `诉求状态只能向前推进：当前为“${stageZh(stage)}”，可改为：${allowed.map(stageZh).join('、')}`,
      `An issue only moves forward: it is ${issueStageInSentence(stage)}; it can become ${allowed.map(issueStageInSentence).join(', ')}`,
    ),
  stageBeforePrevious: (stage: IssueStage, latest: string) =>
    said(
      `${stageZh(stage)}日期不能早于上一环节的日期（${latest}）`,
      `The date it was ${issueStageInSentence(stage)} cannot be before the previous stage's date (${latest})`,
    ),
  /** A form's input refused (its fields follow); `what` names the form in Chinese. */
  formInvalid: (what: string) => said(`${what}填写有误`, 'The form has mistakes'),
  /** An event's date (`what`: its Chinese name, e.g. 会议日期) after today. */
  dateAfterToday: (what: string, today: string) =>
    said(`${what}不能晚于今天（${today}）`, `The date cannot be after today (${today})`),
  dateBeforeListed: (what: string, compound: string, listedOn: string) =>
    said(
      `${what}不能早于${compound}列入台账的日期（${listedOn}）`,
      `The date cannot be before ${compound} was listed in the ledger (${listedOn})`,
    ),
  termTooLong: (years: number, latest: string) =>
    said(
      `任期不能超过${years}年（最晚至 ${latest}）`,
      `A term lasts at most ${years} years (until ${latest} at the latest)`,
    ),
  termOverlaps: (from: string, to: string) =>
    said(
      `与已有的业委会任期（${from} 至 ${to}）重叠；如上届已提前结束，请先登记其结束`,
      `It overlaps the existing committee term (${from} to ${to}); if that term ended early, record its end first`,
    ),
  noContract: (compound: string, on: string) =>
    said(
      `${compound}在 ${on} 没有物业服务合同，不能考评物业服务`,
      `${compound} has no property service contract on ${on}, so its service cannot be evaluated`,
    ),
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
