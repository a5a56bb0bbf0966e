/** What the evidence files refuse with, in both languages (shared/language/said.ts). */
import { said } from '../../../shared/language/said.ts';

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
  kindNotSupported: said('该类记录暂不支持上传佐证材料', 'Evidence cannot be uploaded for this kind of record yet'),
};
