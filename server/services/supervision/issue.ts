/**
 * Issuing supervision items (交办): one, or a batch in one transaction (the review meeting's
 * items for the week). Only those with the 'supervise' permission (analyst, business_admin,
 * admin) issue; a null actor is the system itself (the CLI, an early-warning rule).
 *
 * Checked before anything is written, with a Chinese message: the township exists, every
 * compound exists and lies in that township, the deadline is not before today (Asia/Shanghai),
 * the task is given and at most 500 characters, the review week is a real week that has begun.
 */
import { SUPERVISION_WORDS } from './supervisionWords.ts';
import type { Said } from '../../../shared/language/said.ts';
import { eq, inArray } from 'drizzle-orm';
import { compounds, supervisionItemEvents, supervisionItems, townships } from '../../../data/schema/index.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { parseWeek } from '../../../shared/time/weeks.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { can, type Actor } from '../auth/roles.ts';
import { parseEdit } from '../editing/editableCompound.ts';
import { BadInputError, ForbiddenError } from '../errors.ts';
import { issueBatchInput, issueItemInput, type IssueBatchInput, type IssueItemInput } from './inputs.ts';
import { notifyIssued } from '../webhooks/itemEvents.ts';
import { toItemView, type SupervisionItemView } from './itemView.ts';

/** When a change happens: `at` the instant (default now), `today` its Shanghai day (default from `at`). */
export interface WhenOptions {
  at?: Date;
  today?: string;
}

export function resolveWhen(options: WhenOptions = {}): { at: Date; today: string } {
  const at = options.at ?? new Date();
  return { at, today: options.today ?? todayInCity(at) };
}

/** The name written on items and events: the person's display name, or 系统 for the CLI and rules. */
export function actorName(actor: Actor | null): string {
  return actor?.displayName ?? '系统';
}

export function assertMaySupervise(actor: Actor | null, what: Said, recordId: string | null = null): void {
  if (actor === null || can(actor.role, 'supervise')) return;
  throw new ForbiddenError(SUPERVISION_WORDS.mayNotSupervise(what), {
    tableName: 'supervision_items',
    recordId,
    detail: { required: 'supervise', action: what['zh-CN'] },
  });
}

type ParsedIssue = ReturnType<typeof issueItemInput.parse>;

/** Checks one item against the database; returns the township's name. */
async function checkIssue(db: Db, input: ParsedIssue, today: string, item: number | null): Promise<string> {
  const [township] = await db
    .select({ name: townships.name })
    .from(townships)
    .where(eq(townships.code, input.townshipCode));
  if (!township) throw new BadInputError(SUPERVISION_WORDS.unknownTownship(item, input.townshipCode));
  const codes = [...new Set(input.compoundCodes)];
  if (codes.length) {
    const found = await db
      .select({ code: compounds.code, name: compounds.name, townshipCode: compounds.townshipCode })
      .from(compounds)
      .where(inArray(compounds.code, codes));
    const byCode = new Map(found.map((c) => [c.code, c]));
    const unknown = codes.filter((c) => !byCode.has(c));
    if (unknown.length) throw new BadInputError(SUPERVISION_WORDS.unknownCompounds(item, unknown));
    const elsewhere = found.filter((c) => c.townshipCode !== input.townshipCode);
    if (elsewhere.length)
      throw new BadInputError(
        SUPERVISION_WORDS.compoundsElsewhere(
          item,
          township.name,
          elsewhere.map((c) => c.name),
        ),
      );
  }
  if (input.deadline < today) throw new BadInputError(SUPERVISION_WORDS.deadlinePast(item, today));
  if (input.reviewWeek !== null) parseWeek(input.reviewWeek, today);
  return township.name;
}

async function insertItem(
  tx: Db,
  actor: Actor | null,
  input: ParsedIssue,
  townshipName: string,
  when: { at: Date; today: string },
): Promise<SupervisionItemView> {
  const name = actorName(actor);
  const [row] = await tx
    .insert(supervisionItems)
    .values({
      townshipCode: input.townshipCode,
      compoundCodes: [...new Set(input.compoundCodes)],
      indicator: input.indicator,
      problem: input.problem,
      task: input.task,
      deadline: input.deadline,
      issuedById: actor?.userId ?? null,
      issuedByName: name,
      issuedAt: when.at,
      reviewWeek: input.reviewWeek,
      source: input.source ?? (input.reviewWeek ? 'review' : 'manual'),
      sourceRef: input.sourceRef,
      state: 'pending',
      createdAt: when.at,
      updatedAt: when.at,
    })
    .returning();
  await tx.insert(supervisionItemEvents).values({
    itemId: row!.id,
    at: when.at,
    actorId: actor?.userId ?? null,
    actorName: name,
    fromState: null,
    toState: 'pending',
    text: input.task,
  });
  await writeAudit(tx, actor, { action: 'insert', tableName: 'supervision_items', recordId: row!.id, after: row });
  const view = toItemView(row!, townshipName, when.today);
  // The township's group robot hears of its new item (queued in this transaction: webhooks/).
  await notifyIssued(tx, view, when.at);
  return view;
}

/** Issues one item (state 待办理). */
export async function issueItem(
  db: Db,
  actor: Actor | null,
  raw: IssueItemInput,
  options: WhenOptions = {},
): Promise<SupervisionItemView> {
  assertMaySupervise(actor, SUPERVISION_WORDS.acts.issue);
  const input = parseEdit(issueItemInput, raw, '督办事项');
  const when = resolveWhen(options);
  const townshipName = await checkIssue(db, input, when.today, null);
  return db.transaction((tx) => insertItem(tx, actor, input, townshipName, when));
}

/** Issues several items in one transaction: all are written, or none (the first problem is named). */
export async function issueBatch(
  db: Db,
  actor: Actor | null,
  raw: IssueBatchInput,
  options: WhenOptions = {},
): Promise<SupervisionItemView[]> {
  assertMaySupervise(actor, SUPERVISION_WORDS.acts.issue);
  const input = parseEdit(issueBatchInput, raw, '批量督办事项');
  const when = resolveWhen(options);
  const names: string[] = [];
  for (const [i, item] of input.items.entries()) names.push(await checkIssue(db, item, when.today, i + 1));
  return db.transaction(async (tx) => {
    const out: SupervisionItemView[] = [];
    for (const [i, item] of input.items.entries()) out.push(await insertItem(tx, actor, item, names[i]!, when));
    return out;
  });
}
