/**
 * What an attachment belongs to, and what that says about it: the township whose staff may add
 * and remove it, the compound (its point for the distance check) and the record's date (for the
 * time check). One resolver per kind of owner.
 */
import { EVIDENCE_WORDS } from './evidenceWords.ts';
import { eq, inArray } from 'drizzle-orm';
import {
  committeeTerms,
  compounds,
  ISSUE_STATUSES,
  meetings,
  residentIssues,
  supervisionItems,
  type AttachmentOwnerKind,
  type IssueStatus,
} from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { BadInputError } from '../errors.ts';
import { ISSUE_STAGE_NAMES } from '../../../shared/issues/issueStages.ts';

export interface OwnerPlace {
  townshipCode: string;
  compound: { id: number; code: string; name: string; lon: number; lat: number } | null;
  /** The record's date (YYYY-MM-DD) a photo is compared with, and its name in messages. */
  date: string | null;
  dateLabel: string;
  /** The record as a person names it: "2026-12-01 四方联席会议". */
  label: string;
}

export type OwnerResolver = (db: Db, ownerId: number, stage: string | null) => Promise<OwnerPlace>;

const compoundColumns = {
  id: compounds.id,
  code: compounds.code,
  name: compounds.name,
  lon: compounds.lon,
  lat: compounds.lat,
  townshipCode: compounds.townshipCode,
};

const STAGE_NAMES = ISSUE_STAGE_NAMES['zh-CN'];

const placeOf = (
  c: { id: number; code: string; name: string; lon: number; lat: number; townshipCode: string },
  date: string | null,
  dateLabel: string,
  label: string,
): OwnerPlace => ({
  townshipCode: c.townshipCode,
  compound: { id: c.id, code: c.code, name: c.name, lon: c.lon, lat: c.lat },
  date,
  dateLabel,
  label,
});

const resolvers: Partial<Record<AttachmentOwnerKind, OwnerResolver>> = {
  async meeting(db, id) {
    const [row] = await db
      .select({ heldOn: meetings.heldOn, c: compoundColumns })
      .from(meetings)
      .innerJoin(compounds, eq(compounds.id, meetings.compoundId))
      .where(eq(meetings.id, id));
    if (!row) throw new BadInputError(EVIDENCE_WORDS.unknownMeeting(id));
    return placeOf(row.c, row.heldOn, '会议日期', `${row.heldOn} 四方联席会议`);
  },
  async committee_term(db, id, stage) {
    const [row] = await db
      .select({ formedOn: committeeTerms.formedOn, endedOn: committeeTerms.endedOn, c: compoundColumns })
      .from(committeeTerms)
      .innerJoin(compounds, eq(compounds.id, committeeTerms.compoundId))
      .where(eq(committeeTerms.id, id));
    if (!row) throw new BadInputError(EVIDENCE_WORDS.unknownTerm(id));
    if (stage === 'ended')
      return placeOf(row.c, row.endedOn, '结束日期', `业委会任期结束（${row.endedOn ?? '未结束'}）`);
    return placeOf(row.c, row.formedOn, '成立日期', `${row.formedOn} 业委会成立`);
  },
  async issue_stage(db, id, stage) {
    if (!ISSUE_STATUSES.includes(stage as IssueStatus))
      throw new BadInputError(EVIDENCE_WORDS.stageExpected(ISSUE_STATUSES, STAGE_NAMES));
    const [row] = await db
      .select({ issue: residentIssues, c: compoundColumns })
      .from(residentIssues)
      .innerJoin(compounds, eq(compounds.id, residentIssues.compoundId))
      .where(eq(residentIssues.id, id));
    if (!row) throw new BadInputError(EVIDENCE_WORDS.unknownIssue(id));
    const status = stage as IssueStatus;
    const date = {
      accepted: row.issue.openedOn,
      dispatched: row.issue.dispatchedOn,
      in_progress: row.issue.inProgressOn,
      closed: row.issue.closedOn,
      revisited: row.issue.revisitedOn,
    }[status];
    if (date === null) throw new BadInputError(EVIDENCE_WORDS.stageNotReached(id, status, STAGE_NAMES[status]));
    const name = STAGE_NAMES[status];
    return placeOf(row.c, date, `${name}日期`, `诉求 #${id} ${name}（${date}）`);
  },
  /**
   * Evidence for a supervision item's answer: the item's township; its compound when it names
   * exactly one (for the distance check); no date check — the work may take the whole term.
   */
  async supervision_answer(db, id) {
    const [item] = await db
      .select({
        townshipCode: supervisionItems.townshipCode,
        codes: supervisionItems.compoundCodes,
        task: supervisionItems.task,
        state: supervisionItems.state,
      })
      .from(supervisionItems)
      .where(eq(supervisionItems.id, id));
    if (!item) throw new BadInputError(EVIDENCE_WORDS.unknownItem(id));
    if (item.state === 'closed') throw new BadInputError(EVIDENCE_WORDS.itemClosed(id));
    const [c] =
      item.codes.length === 1
        ? await db.select(compoundColumns).from(compounds).where(inArray(compounds.code, item.codes))
        : [];
    const label = `督办事项 #${id} 反馈（${item.task.slice(0, 20)}）`;
    if (c) return placeOf(c, null, '反馈日期', label);
    return { townshipCode: item.townshipCode, compound: null, date: null, dateLabel: '反馈日期', label };
  },
};

export async function resolveOwner(
  db: Db,
  kind: AttachmentOwnerKind,
  ownerId: number,
  stage: string | null,
): Promise<OwnerPlace> {
  const resolver = resolvers[kind];
  if (!resolver) throw new BadInputError(EVIDENCE_WORDS.kindNotSupported);
  return resolver(db, ownerId, stage);
}
