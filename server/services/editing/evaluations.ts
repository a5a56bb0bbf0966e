/**
 * Entering a 精细化考评 evaluation of a compound's property service: the compound must be under
 * property management that day (the company evaluated is the one under contract); the rating
 * follows from the score.
 */
import { EDITING_WORDS } from './editingWords.ts';
import { and, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { evaluations, propertyContracts } from '../../../data/schema/index.ts';
import { ratingForScore } from '../../../data/starRatings.ts';
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

const score = (what: string) =>
  z
    .number({ error: `${what}应为数字` })
    .min(0, `${what}应在0–100之间`)
    .max(100, `${what}应在0–100之间`)
    .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, `${what}最多一位小数`);

export const evaluationInput = z.strictObject({
  compoundCode,
  evaluatedOn: isoDate('考评日期'),
  score: score('总分'),
  safetyScore: score('安全得分'),
});
export type EvaluationInput = z.input<typeof evaluationInput>;

export async function recordEvaluation(db: Db, actor: Actor, raw: EvaluationInput, today = todayInCity()) {
  const input = parseEdit(evaluationInput, raw, '服务考评');
  const compound = await compoundForEditing(db, actor, input.compoundCode, 'evaluations', { action: 'insert' });
  checkEventDate(input.evaluatedOn, compound, '考评日期', today);
  return db.transaction(async (tx) => {
    await lockCompound(tx, compound.id);
    const [contract] = await tx
      .select({ companyId: propertyContracts.companyId })
      .from(propertyContracts)
      .where(
        and(
          eq(propertyContracts.compoundId, compound.id),
          lte(propertyContracts.startOn, input.evaluatedOn),
          or(isNull(propertyContracts.endOn), gt(propertyContracts.endOn, input.evaluatedOn)),
        ),
      )
      .orderBy(desc(propertyContracts.startOn))
      .limit(1);
    if (!contract) throw new BadInputError(EDITING_WORDS.noContract(compound.name, input.evaluatedOn));
    const [same] = await tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.compoundId, compound.id), eq(evaluations.evaluatedOn, input.evaluatedOn)));
    if (same) throw new BadInputError(EDITING_WORDS.evaluatedAlready(compound.name, input.evaluatedOn));
    const [row] = await tx
      .insert(evaluations)
      .values({
        compoundId: compound.id,
        companyId: contract.companyId,
        evaluatedOn: input.evaluatedOn,
        score: input.score,
        safetyScore: input.safetyScore,
        rating: ratingForScore(input.score),
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'insert',
      tableName: 'evaluations',
      recordId: row!.id,
      after: { ...row!, compoundCode: compound.code },
    });
    return row!;
  });
}
