/**
 * The daily early-warning run: every enabled rule on the records as of D; a warning for each
 * cause not raised before (never a second one: `cause_key` is unique); open warnings whose cause
 * the rule no longer finds are resolved (rules switched off leave theirs as they are); rules set
 * to autoIssue turn their new warnings into supervision items (source 'warning', the suggested
 * task and deadline). New warnings and items newly overdue are queued for the webhooks. One
 * audit row sums up each run that changed anything (the keys raised, the ids resolved); each
 * auto-issued item is audited as any item. `dryRun` reads and writes nothing.
 */
import { and, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import { supervisionItems, supervisionWarnings, townships } from '../../../data/schema/index.ts';
import type { WarningRuleKey, WarningRules } from '../../../shared/supervision/warnings.ts';
import { WARNING_RULE_KEYS } from '../../../shared/supervision/warnings.ts';
import { addDays, todayInCity } from '../../../shared/time/dates.ts';
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { toItemView } from '../supervision/itemView.ts';
import { itemOverdueMessage, warningsMessage } from '../webhooks/messages.ts';
import { notify } from '../webhooks/outbox.ts';
import {
  issueOverdueHits,
  noMeetingHits,
  petitionSurgeHits,
  ratingDropHits,
  termEndingHits,
  type WarningHit,
} from './compoundRules.ts';
import { indicatorUnmetHits } from './townshipRules.ts';
import { issueForWarning } from './warningMoves.ts';
import { readWarningRules } from './warningRules.ts';

const EVALUATE: Record<WarningRuleKey, (db: Db, asOf: string, n: number) => Promise<WarningHit[]>> = {
  noMeeting: noMeetingHits,
  termEnding: termEndingHits,
  issueOverdue: issueOverdueHits,
  ratingDrop: ratingDropHits,
  petitionSurge: petitionSurgeHits,
  indicatorUnmet: indicatorUnmetHits,
};

/** Items past their deadline by at most this many days are announced as overdue (once each). */
const OVERDUE_NOTICE_DAYS = 7;

export interface RunOptions {
  /** The Asia/Shanghai day whose records are read (default today). */
  asOf?: string;
  dryRun?: boolean;
  /** When the run happens (default now): raised_at, and the day of issue of auto-issued items. */
  at?: Date;
  /** The rules to use (default: the stored ones). */
  rules?: WarningRules;
  /** Queue webhook messages (default true); the demo seed says false: no robot hears of demo data. */
  notify?: boolean;
}

export interface RaisedWarning extends WarningHit {
  /** null in a dry run. */
  id: number | null;
  /** The item a rule's autoIssue made (null otherwise, or in a dry run). */
  itemId: number | null;
}

export interface WarningRunResult {
  asOf: string;
  dryRun: boolean;
  /** Causes found on D (new or raised before), by rule. */
  found: Record<WarningRuleKey, number>;
  raised: RaisedWarning[];
  resolved: { id: number; causeKey: string; details: string }[];
  /** Supervision items made by autoIssue. */
  issued: number[];
  /** Webhook messages queued. */
  notified: number;
  ms: number;
}

export async function runWarnings(db: Db, options: RunOptions = {}): Promise<WarningRunResult> {
  const started = performance.now();
  const at = options.at ?? new Date();
  const asOf = options.asOf ?? todayInCity(at);
  const dryRun = options.dryRun ?? false;
  const rules = options.rules ?? (await readWarningRules(db));
  const enabled = WARNING_RULE_KEYS.filter((k) => rules[k].enabled);

  const found = Object.fromEntries(WARNING_RULE_KEYS.map((k) => [k, 0])) as Record<WarningRuleKey, number>;
  const hits: WarningHit[] = [];
  for (const rule of enabled) {
    const ruleHits = await EVALUATE[rule](db, asOf, rules[rule].threshold);
    found[rule] = ruleHits.length;
    hits.push(...ruleHits);
  }
  const existing = await db
    .select({
      id: supervisionWarnings.id,
      causeKey: supervisionWarnings.causeKey,
      state: supervisionWarnings.state,
      rule: supervisionWarnings.rule,
      details: supervisionWarnings.details,
    })
    .from(supervisionWarnings);
  const known = new Set(existing.map((w) => w.causeKey));
  const current = new Set(hits.map((h) => h.causeKey));
  const fresh = hits.filter((h) => !known.has(h.causeKey));
  const gone = existing.filter((w) => w.state === 'open' && enabled.includes(w.rule) && !current.has(w.causeKey));
  const result: WarningRunResult = {
    asOf,
    dryRun,
    found,
    raised: fresh.map((h) => ({ ...h, id: null, itemId: null })),
    resolved: gone.map((w) => ({ id: w.id, causeKey: w.causeKey, details: w.details })),
    issued: [],
    notified: 0,
    ms: 0,
  };
  if (dryRun) return { ...result, ms: Math.round(performance.now() - started) };

  const ids = await db.transaction(async (tx) => {
    const inserted = fresh.length
      ? await insertInChunks(tx, fresh, asOf, at)
      : ([] as { id: number; causeKey: string }[]);
    if (gone.length)
      await tx
        .update(supervisionWarnings)
        .set({ state: 'resolved', resolvedOn: asOf })
        .where(
          and(
            inArray(
              supervisionWarnings.id,
              gone.map((w) => w.id),
            ),
            eq(supervisionWarnings.state, 'open'),
          ),
        );
    if (inserted.length || gone.length)
      await writeAudit(tx, null, {
        action: 'warnings.run',
        tableName: 'supervision_warnings',
        recordId: asOf,
        after: { asOf, raised: inserted.map((w) => w.causeKey), resolved: gone.map((w) => w.id) },
      });
    if (options.notify !== false) result.notified += await notifyWarnings(tx, fresh, asOf, at);
    return new Map(inserted.map((w) => [w.causeKey, w.id]));
  });
  for (const raised of result.raised) raised.id = ids.get(raised.causeKey) ?? null;

  // autoIssue, each in its own transaction: one that fails (logged) does not undo the run.
  for (const raised of result.raised) {
    if (!rules[raised.rule].autoIssue || raised.id === null) continue;
    try {
      const item = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(supervisionWarnings)
          .where(eq(supervisionWarnings.id, raised.id!))
          .for('update');
        return row?.state === 'open' ? issueForWarning(tx, null, row, {}, { at, today: asOf }) : null;
      });
      if (item) {
        raised.itemId = item.id;
        result.issued.push(item.id);
      }
    } catch (error) {
      log.error({ err: error, causeKey: raised.causeKey }, `预警自动转督办失败：${raised.details}`);
    }
  }
  if (options.notify !== false) result.notified += await notifyOverdueItems(db, asOf, at);
  return { ...result, ms: Math.round(performance.now() - started) };
}

async function insertInChunks(tx: Db, fresh: WarningHit[], asOf: string, at: Date) {
  const out: { id: number; causeKey: string }[] = [];
  for (let i = 0; i < fresh.length; i += 500) {
    const rows = await tx
      .insert(supervisionWarnings)
      .values(
        fresh.slice(i, i + 500).map((h) => ({
          rule: h.rule,
          townshipCode: h.townshipCode,
          compoundCode: h.compoundCode,
          indicator: h.indicator,
          causeKey: h.causeKey,
          details: h.details,
          figures: h.figures,
          asOf,
          raisedAt: at,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: supervisionWarnings.id, causeKey: supervisionWarnings.causeKey });
    out.push(...rows);
  }
  return out;
}

/** One message per township with new warnings (its hook), and one with all of them (the department's). */
async function notifyWarnings(tx: Db, fresh: WarningHit[], asOf: string, at: Date): Promise<number> {
  if (!fresh.length) return 0;
  const names = new Map(
    (await tx.select({ code: townships.code, name: townships.name }).from(townships)).map((t) => [t.code, t.name]),
  );
  const withNames = fresh.map((h) => ({ ...h, townshipName: names.get(h.townshipCode) ?? h.townshipCode }));
  let queued = await notify(tx, ['department'], warningsMessage('department', '全市', asOf, withNames), at);
  const byTownship = new Map<string, typeof withNames>();
  for (const h of withNames) byTownship.set(h.townshipCode, [...(byTownship.get(h.townshipCode) ?? []), h]);
  for (const [code, list] of byTownship)
    queued += await notify(tx, [code], warningsMessage(code, names.get(code) ?? code, asOf, list), at);
  return queued;
}

/** Items that went past their deadline in the last week and are not closed: once each, to both hooks. */
async function notifyOverdueItems(db: Db, asOf: string, at: Date): Promise<number> {
  const rows = await db
    .select({ item: supervisionItems, townshipName: townships.name })
    .from(supervisionItems)
    .innerJoin(townships, eq(townships.code, supervisionItems.townshipCode))
    .where(
      and(
        ne(supervisionItems.state, 'closed'),
        lt(supervisionItems.deadline, asOf),
        gte(supervisionItems.deadline, addDays(asOf, -OVERDUE_NOTICE_DAYS)),
      ),
    );
  let queued = 0;
  for (const r of rows) {
    const view = toItemView(r.item, r.townshipName, asOf);
    queued += await notify(db, [view.townshipCode, 'department'], itemOverdueMessage(view), at);
  }
  return queued;
}
