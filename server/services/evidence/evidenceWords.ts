/** What the evidence files refuse with, in both languages (shared/language/said.ts). */
import type { IssueStatus } from '../../../data/schema/index.ts';
import { said } from '../../../shared/language/said.ts';

/** An issue's stages in English, beside STAGE_NAMES (owners.ts), the Chinese. */
const STAGE_EN: Record<IssueStatus, string> = {
  accepted: 'accepted',
  dispatched: 'dispatched',
  in_progress: 'in progress',
  closed: 'closed',
  revisited: 'revisited',
};

export const EVIDENCE_WORDS = {
  onlyOwnTownship: said('只能查看本镇街的佐证材料', "You can only see your own township's evidence"),
  mayNotSee: said('无权查看佐证材料', 'You are not allowed to see evidence'),
  notFound: said('未找到该佐证材料', 'No such evidence file'),
  goneOrDeleted: said('该佐证材料不存在或已删除', 'This evidence file does not exist or was deleted'),
  tooLarge: (mb: string) =>
    said(
      `文件过大（${mb} MB）：每个佐证材料最大 10 MB`,
      `The file is too large (${mb} MB): evidence files are at most 10 MB`,
    ),
  notAllowedType: (name: string) =>
    said(
      `文件 ${name} 不是 JPEG、PNG、WebP 图片或 PDF，不能作为佐证材料`,
      `The file ${name} is not a JPEG, PNG or WebP picture nor a PDF, so it cannot be evidence`,
    ),
  unknownMeeting: (id: number | string) => said(`未知四方联席会议：#${id}`, `Unknown four-party meeting: #${id}`),
  unknownTerm: (id: number | string) => said(`未知业委会任期：#${id}`, `Unknown owners' committee term: #${id}`),
  unknownIssue: (id: number | string) => said(`未知诉求：#${id}`, `Unknown resident issue: #${id}`),
  unknownItem: (id: number | string) => said(`未知督办事项：#${id}`, `Unknown supervision item: #${id}`),
  itemClosed: (id: number | string) =>
    said(
      `督办事项 #${id} 已销号，不能再添加佐证材料`,
      `Supervision item #${id} is closed; no more evidence can be added`,
    ),
  /** `names`: every stage's Chinese name, in order. */
  stageExpected: (stages: readonly IssueStatus[], names: Record<IssueStatus, string>) =>
    said(
      `诉求环节应为 ${stages.map((s) => names[s]).join('、')} 之一`,
      `An issue's stage should be one of ${stages.map((s) => STAGE_EN[s]).join(', ')}`,
    ),
  stageNotReached: (id: number, stage: IssueStatus, name: string) =>
    said(`诉求 #${id} 尚未到“${name}”环节`, `Resident issue #${id} has not reached the “${STAGE_EN[stage]}” stage yet`),
  kindNotSupported: said('该类记录暂不支持上传佐证材料', 'Evidence cannot be uploaded for this kind of record yet'),
};
