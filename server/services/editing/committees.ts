/**
 * Owners'-committee terms (业委会): starting a term (no overlap with another term of the same
 * compound, at most five years) and ending one early.
 */
import { EDITING_WORDS } from './editingWords.ts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { committeeTerms, compounds } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Actor } from '../auth/roles.ts';
import { BadInputError } from '../errors.ts';
import { addYears, todayInCity } from '../../../shared/time/dates.ts';
import {
  assertMayEdit,
  checkEventDate,
  compoundCode,
  compoundForEditing,
  isoDate,
  parseEdit,
  recordId,
  lockCompound,
} from './editableCompound.ts';

export const MAX_TERM_YEARS = 5;

export const startTermInput = z
  .strictObject({
    compoundCode,
    formedOn: isoDate('成立日期'),
    /** Exclusive; default five years after formation. */
    termEnd: isoDate('任期届满日期').optional(),
    members: z
      .number({ error: '委员人数应为整数' })
      .int('委员人数应为整数')
      .min(3, '委员人数至少为3')
      .max(21, '委员人数不能超过21'),
    partyMembers: z
      .number({ error: '党员人数应为整数' })
      .int('党员人数应为整数')
      .min(0, '党员人数不能为负')
      .max(21, '党员人数不能超过21'),
    chairIsPartySecretary: z.boolean({ error: '“一肩挑”应为是或否' }).default(false),
  })
  .refine((v) => v.partyMembers <= v.members, { message: '党员人数不能多于委员人数', path: ['partyMembers'] });
export type StartTermInput = z.input<typeof startTermInput>;

export const endTermInput = z.strictObject({ termId: recordId('业委会任期'), endedOn: isoDate('结束日期') });
export type EndTermInput = z.input<typeof endTermInput>;

/** The day a term stops being in office (exclusive). */
const endOf = (term: { termEnd: string; endedOn: string | null }) =>
  term.endedOn !== null && term.endedOn < term.termEnd ? term.endedOn : term.termEnd;

export async function startCommitteeTerm(db: Db, actor: Actor, raw: StartTermInput, today = todayInCity()) {
  const input = parseEdit(startTermInput, raw, '业委会任期');
  const compound = await compoundForEditing(db, actor, input.compoundCode, 'committee_terms', { action: 'insert' });
  checkEventDate(input.formedOn, compound, '成立日期', today);
  const longest = addYears(input.formedOn, MAX_TERM_YEARS);
  const termEnd = input.termEnd ?? longest;
  if (termEnd <= input.formedOn) throw new BadInputError(EDITING_WORDS.termEndBeforeFormed);
  if (termEnd > longest) throw new BadInputError(EDITING_WORDS.termTooLong(MAX_TERM_YEARS, longest));
  return db.transaction(async (tx) => {
    await lockCompound(tx, compound.id);
    const existing = await tx.select().from(committeeTerms).where(eq(committeeTerms.compoundId, compound.id));
    const clash = existing.find((t) => input.formedOn < endOf(t) && t.formedOn < termEnd);
    if (clash) {
      throw new BadInputError(EDITING_WORDS.termOverlaps(clash.formedOn, endOf(clash)));
    }
    const [row] = await tx
      .insert(committeeTerms)
      .values({
        compoundId: compound.id,
        formedOn: input.formedOn,
        termEnd,
        members: input.members,
        partyMembers: input.partyMembers,
        chairIsPartySecretary: input.chairIsPartySecretary,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'insert',
      tableName: 'committee_terms',
      recordId: row!.id,
      after: { ...row!, compoundCode: compound.code },
    });
    return row!;
  });
}

export async function endCommitteeTerm(db: Db, actor: Actor, raw: EndTermInput, today = todayInCity()) {
  const input = parseEdit(endTermInput, raw, '结束业委会任期');
  // Read and checked inside the transaction with the term's row locked: two parallel requests
  // to end one term give one success and one "already ended".
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        term: committeeTerms,
        compound: {
          code: compounds.code,
          name: compounds.name,
          townshipCode: compounds.townshipCode,
          listedOn: compounds.listedOn,
        },
      })
      .from(committeeTerms)
      .innerJoin(compounds, eq(compounds.id, committeeTerms.compoundId))
      .where(eq(committeeTerms.id, input.termId))
      .for('update', { of: committeeTerms });
    if (!found) throw new BadInputError(EDITING_WORDS.unknownTerm(input.termId));
    const { term, compound } = found;
    assertMayEdit(actor, compound.townshipCode, 'committee_terms', term.id, {
      action: 'update',
      compound: compound.code,
    });
    if (term.endedOn !== null) throw new BadInputError(EDITING_WORDS.termEnded(term.endedOn));
    if (term.termEnd <= today) throw new BadInputError(EDITING_WORDS.termExpired(term.termEnd));
    if (input.endedOn <= term.formedOn) throw new BadInputError(EDITING_WORDS.endBeforeFormed(term.formedOn));
    checkEventDate(input.endedOn, compound, '结束日期', today);
    const [row] = await tx
      .update(committeeTerms)
      .set({ endedOn: input.endedOn })
      .where(eq(committeeTerms.id, term.id))
      .returning();
    await writeAudit(tx, actor, {
      action: 'update',
      tableName: 'committee_terms',
      recordId: term.id,
      before: term,
      after: row!,
    });
    return row!;
  });
}
