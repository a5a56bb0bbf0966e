/** What supervision (督办) refuses with, in both languages (shared/language/said.ts). */
import { WARNING_STATE_LABELS, type WarningState } from '../../../shared/supervision/warnings.ts';
import { said, type Said } from '../../../shared/language/said.ts';

const WARNING_STATE_EN: Record<WarningState, string> = {
  open: 'open',
  issued: 'already an item',
  dismissed: 'dismissed',
  resolved: 'resolved',
};

/** "第2项：" — which item of a batch a refusal is about (empty for a single item). */
const itemLabel = (item: number | null): Said =>
  item === null ? said('', '') : said(`第${item}项：`, `Item ${item}: `);

export const SUPERVISION_WORDS = {
  noWarning: (id: number | string) => said(`预警不存在：${id}`, `No such warning: ${id}`),
  warningNotOpen: (state: WarningState) =>
    said(
      `该预警${WARNING_STATE_LABELS[state]}，只有待处理的预警可以转督办或忽略`,
      `This warning is ${WARNING_STATE_EN[state]}; only an open warning can be turned into an item or dismissed`,
    ),
  /** What a person without the 督办 permission tried. */
  acts: {
    issue: said('交办督办事项', 'issue supervision items'),
    accept: said('审核销号督办事项', 'close supervision items'),
    return: said('退回督办事项', 'return supervision items'),
    warningToItem: said('将预警转为督办事项', 'turn warnings into supervision items'),
    dismissWarning: said('忽略预警', 'dismiss warnings'),
  },
  mayNotSupervise: (what: Said) =>
    said(`无权${what['zh-CN']}（需要“督办”权限）`, `Not allowed to ${what.en} (needs the “Supervision” permission)`),
  unknownTownship: (item: number | null, code: string) =>
    said(`${itemLabel(item)['zh-CN']}未知镇街代码：${code}`, `${itemLabel(item).en}Unknown township code: ${code}`),
  unknownCompounds: (item: number | null, codes: string[]) =>
    said(
      `${itemLabel(item)['zh-CN']}未知小区编码：${codes.join('、')}`,
      `${itemLabel(item).en}Unknown compound codes: ${codes.join(', ')}`,
    ),
  compoundsElsewhere: (item: number | null, township: string, names: string[]) =>
    said(
      `${itemLabel(item)['zh-CN']}小区不属于${township}：${names.join('、')}`,
      `${itemLabel(item).en}Compounds not in ${township}: ${names.join(', ')}`,
    ),
  deadlinePast: (item: number | null, today: string) =>
    said(
      `${itemLabel(item)['zh-CN']}办理期限不能早于今天（${today}）`,
      `${itemLabel(item).en}The deadline cannot be before today (${today})`,
    ),
  noItem: (id: number | string) => said(`督办事项不存在：${id}`, `No such supervision item: ${id}`),
  answerOwnTownship: said('只能反馈本镇街的督办事项', "You can only answer your own township's supervision items"),
  onlyTownshipAnswers: said(
    '只有该镇街的工作人员可以反馈督办事项',
    "Only the township's staff can answer its supervision items",
  ),
};
