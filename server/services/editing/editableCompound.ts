/**
 * What every edit checks first: the compound exists, the acting user may edit its township,
 * and the date is a real day, not in the future and not before the compound was listed.
 */
import { PLACE_WORDS } from '../compounds/placeWords.ts';
import { EDITING_WORDS } from './editingWords.ts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { compounds } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { canEditTownship, type Actor } from '../auth/roles.ts';
import { BadInputError, describeIssues, ForbiddenError } from '../errors.ts';
import { isIsoDate } from '../../../shared/time/dates.ts';

export interface EditableCompound {
  id: number;
  code: string;
  name: string;
  townshipCode: string;
  listedOn: string;
}

export const compoundCode = z.string({ error: '请选择小区' }).trim().min(1, '请选择小区').max(40, '小区编码过长');
export const isoDate = (what: string) =>
  z
    .string({ error: `${what}应为 YYYY-MM-DD 格式的日期` })
    .max(10, `${what}应为 YYYY-MM-DD 格式的日期`)
    .refine(isIsoDate, `${what}应为 YYYY-MM-DD 格式的真实日期`);
export const recordId = (what: string) =>
  z
    .number({ error: `${what}编号应为正整数` })
    .int(`${what}编号应为正整数`)
    .positive(`${what}编号应为正整数`)
    .max(2_147_483_647, `${what}编号无效`);

/** Refuses (FORBIDDEN, audited by the API) when the actor may not edit this township's records. */
export function assertMayEdit(
  actor: Actor,
  townshipCode: string,
  tableName: string,
  record: string | number,
  detail: Record<string, unknown> = {},
): void {
  if (canEditTownship(actor, townshipCode)) return;
  throw new ForbiddenError(actor.role === 'township_staff' ? EDITING_WORDS.onlyOwnTownship : EDITING_WORDS.mayNotEdit, {
    tableName,
    recordId: String(record),
    detail: { townshipOfRecord: townshipCode, ...detail },
  });
}

export async function compoundForEditing(
  db: Db,
  actor: Actor,
  code: string,
  tableName: string,
  detail: Record<string, unknown> = {},
): Promise<EditableCompound> {
  const [row] = await db
    .select({
      id: compounds.id,
      code: compounds.code,
      name: compounds.name,
      townshipCode: compounds.townshipCode,
      listedOn: compounds.listedOn,
    })
    .from(compounds)
    .where(eq(compounds.code, code));
  if (!row) throw new BadInputError(PLACE_WORDS.unknownCompound(code));
  assertMayEdit(actor, row.townshipCode, tableName, code, { compound: code, ...detail });
  return row;
}

/**
 * Locks the compound's row until the transaction ends, so that edits of one compound run one
 * after another. Every rule checked inside the transaction ("one meeting a day", "no overlapping
 * terms") then sees the rows of an identical edit that committed first: under PostgreSQL's READ
 * COMMITTED, N parallel requests would otherwise each find the others' rows missing and all
 * succeed. NO KEY UPDATE: it does not block inserts elsewhere that merely reference the compound.
 */
export async function lockCompound(tx: Db, compoundId: number): Promise<void> {
  await tx.select({ id: compounds.id }).from(compounds).where(eq(compounds.id, compoundId)).for('no key update');
}

/** An event's date: not in the future, not before the compound was listed. */
export function checkEventDate(
  date: string,
  compound: Pick<EditableCompound, 'listedOn' | 'name'>,
  what: string,
  today: string,
): void {
  if (date > today) throw new BadInputError(EDITING_WORDS.dateAfterToday(what, today));
  if (date < compound.listedOn)
    throw new BadInputError(EDITING_WORDS.dateBeforeListed(what, compound.name, compound.listedOn));
}

/** Validates an edit's input; failures are one Chinese line (BadInputError). */
export function parseEdit<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new BadInputError(describeIssues(result.error, EDITING_WORDS.formInvalid(what)));
  return result.data;
}
