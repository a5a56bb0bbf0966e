/**
 * Moving a resident issue (居民诉求) through its statuses, forward only:
 * 受理 → 派单 → 办理中 → 办结 → 回访 (an issue may be closed from any open status, as the records allow).
 */
import { EDITING_WORDS } from './editingWords.ts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { compounds, ISSUE_STATUSES, residentIssues } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Actor } from '../auth/roles.ts';
import { BadInputError } from '../errors.ts';
import { ISSUE_STAGE_NAMES, NEXT_ISSUE_STAGES } from '../../../shared/issues/issueStages.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { assertMayEdit, checkEventDate, isoDate, parseEdit, recordId } from './editableCompound.ts';

/** The stages' Chinese names, as the refusals and the audit's field names say them. */
const NAMES = ISSUE_STAGE_NAMES['zh-CN'];

const STAGE_COLUMN = {
  accepted: 'openedOn',
  dispatched: 'dispatchedOn',
  in_progress: 'inProgressOn',
  closed: 'closedOn',
  revisited: 'revisitedOn',
} as const;

export const advanceIssueInput = z.strictObject({
  issueId: recordId('诉求'),
  to: z.enum(ISSUE_STATUSES, { error: `状态应为 ${ISSUE_STATUSES.map((s) => NAMES[s]).join('、')} 之一` }),
  on: isoDate('日期'),
});
export type AdvanceIssueInput = z.input<typeof advanceIssueInput>;

type IssueRow = typeof residentIssues.$inferSelect;

function latestStageDate(issue: IssueRow): string {
  return [issue.openedOn, issue.dispatchedOn, issue.inProgressOn, issue.closedOn, issue.revisitedOn]
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1)!;
}

export async function advanceIssue(db: Db, actor: Actor, raw: AdvanceIssueInput, today = todayInCity()) {
  const input = parseEdit(advanceIssueInput, raw, '诉求状态');
  // Read and checked inside the transaction with the issue's row locked, so "forward only"
  // holds when the same step arrives several times at once: one moves it, the rest are refused.
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        issue: residentIssues,
        compound: {
          code: compounds.code,
          name: compounds.name,
          townshipCode: compounds.townshipCode,
          listedOn: compounds.listedOn,
        },
      })
      .from(residentIssues)
      .innerJoin(compounds, eq(compounds.id, residentIssues.compoundId))
      .where(eq(residentIssues.id, input.issueId))
      .for('update', { of: residentIssues });
    if (!found) throw new BadInputError(EDITING_WORDS.unknownIssue(input.issueId));
    const { issue, compound } = found;
    assertMayEdit(actor, compound.townshipCode, 'resident_issues', issue.id, {
      action: 'update',
      compound: compound.code,
      to: input.to,
    });
    const allowed = NEXT_ISSUE_STAGES[issue.status];
    if (input.to === 'accepted' || !allowed.includes(input.to))
      throw new BadInputError(
        allowed.length === 0
          ? EDITING_WORDS.issueEnded(issue.status)
          : EDITING_WORDS.issueOnlyForward(issue.status, allowed),
      );
    checkEventDate(input.on, compound, `${NAMES[input.to]}日期`, today);
    const latest = latestStageDate(issue);
    if (input.on < latest) throw new BadInputError(EDITING_WORDS.stageBeforePrevious(input.to, latest));
    const [row] = await tx
      .update(residentIssues)
      .set({ [STAGE_COLUMN[input.to]]: input.on })
      .where(eq(residentIssues.id, issue.id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'update',
      tableName: 'resident_issues',
      recordId: issue.id,
      before: issue,
      after: row!,
    });
    return row!;
  });
}
