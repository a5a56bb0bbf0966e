/** Recording a 四方联席 meeting held in a compound. */
import { EDITING_WORDS } from './editingWords.ts';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { meetings } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Actor } from '../auth/roles.ts';
import { BadInputError } from '../errors.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import {
  checkEventDate,
  compoundCode,
  compoundForEditing,
  isoDate,
  parseEdit,
  lockCompound,
} from './editableCompound.ts';

export const meetingInput = z.strictObject({
  compoundCode,
  heldOn: isoDate('会议日期'),
  attendees: z
    .number({ error: '参会人数应为整数' })
    .int('参会人数应为整数')
    .min(1, '参会人数至少为1')
    .max(500, '参会人数不能超过500'),
  topics: z.string({ error: '议题应为文本' }).trim().max(500, '议题不能超过500个字符').default(''),
  problemsResolved: z
    .number({ error: '解决问题数应为整数' })
    .int('解决问题数应为整数')
    .min(0, '解决问题数不能为负')
    .max(200, '解决问题数不能超过200')
    .default(0),
});
export type MeetingInput = z.input<typeof meetingInput>;

export async function recordMeeting(db: Db, actor: Actor, raw: MeetingInput, today = todayInCity()) {
  const input = parseEdit(meetingInput, raw, '四方联席会议');
  const compound = await compoundForEditing(db, actor, input.compoundCode, 'meetings', { action: 'insert' });
  checkEventDate(input.heldOn, compound, '会议日期', today);
  return db.transaction(async (tx) => {
    await lockCompound(tx, compound.id);
    const [same] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.compoundId, compound.id), eq(meetings.heldOn, input.heldOn)));
    if (same) throw new BadInputError(EDITING_WORDS.meetingAlready(compound.name, input.heldOn));
    const [row] = await tx
      .insert(meetings)
      .values({
        compoundId: compound.id,
        heldOn: input.heldOn,
        attendees: input.attendees,
        topics: input.topics,
        problemsResolved: input.problemsResolved,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'insert',
      tableName: 'meetings',
      recordId: row!.id,
      after: { ...row!, compoundCode: compound.code },
    });
    return row!;
  });
}
