/**
 * A resident issue's (居民诉求) stages, in order — 受理 → 派单 → 办理中 → 办结 → 回访 — the only moves
 * between them, and their names in both languages, declared once: the database enum
 * (data/schema/issues.ts), record entry's checks and refusals (server/services/editing/) and the
 * client's form and compound page (through its message catalogues) all read them from here.
 */
import type { Locale } from '../indicators/definition.ts';

export const ISSUE_STAGES = ['accepted', 'dispatched', 'in_progress', 'closed', 'revisited'] as const;
export type IssueStage = (typeof ISSUE_STAGES)[number];

/** Names as a label or a heading says them ("办理中", "In progress"). */
export const ISSUE_STAGE_NAMES: Readonly<Record<Locale, Readonly<Record<IssueStage, string>>>> = {
  'zh-CN': { accepted: '受理', dispatched: '派单', in_progress: '办理中', closed: '办结', revisited: '回访' },
  en: {
    accepted: 'Accepted',
    dispatched: 'Dispatched',
    in_progress: 'In progress',
    closed: 'Closed',
    revisited: 'Revisited',
  },
};

/** A stage's name inside an English sentence ("it is in progress"). */
export const issueStageInSentence = (stage: IssueStage): string => ISSUE_STAGE_NAMES.en[stage].toLowerCase();

/** From each stage, the stages it may move to: forward only, and closed from any open stage. */
export const NEXT_ISSUE_STAGES: Readonly<Record<IssueStage, readonly IssueStage[]>> = {
  accepted: ['dispatched', 'closed'],
  dispatched: ['in_progress', 'closed'],
  in_progress: ['closed'],
  closed: ['revisited'],
  revisited: [],
};

type IssueStageMessageKey = `issueStatus.${IssueStage}`;

/** The stages' names as message-catalogue entries (client/src/i18n): the compound page's and the form's. */
export function issueStageMessages(locale: Locale): Record<IssueStageMessageKey, string> {
  const out = {} as Record<IssueStageMessageKey, string>;
  for (const stage of ISSUE_STAGES) {
    out[`issueStatus.${stage}`] = ISSUE_STAGE_NAMES[locale][stage];
  }
  return out;
}
