/**
 * Corrections to a week that has ended: edits written to the audit log after its Sunday ended
 * (24:00 Asia/Shanghai) that change records dated on or before that Sunday — a meeting entered
 * late, an issue closed with an earlier date. Until the week is reviewed they change its figures,
 * so the review page lists them; once it is reviewed they no longer do.
 */
import { and, asc, gt, inArray } from 'drizzle-orm';
import { auditLog } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { endOfCityDay, isIsoDate, shanghaiDateTime } from '../../../shared/time/dates.ts';
import { weekSunday } from '../../../shared/time/weeks.ts';

/** Tables whose dated records the indicators are computed from. */
const RECORD_TABLES = [
  'compounds',
  'party_organisations',
  'committee_terms',
  'meetings',
  'resident_issues',
  'petitions',
  'evaluations',
  'property_contracts',
];
/** Edits by hand, and ledger imports (which can change a compound's dated facts too). */
const EDITS = ['insert', 'update', 'delete', 'import'];
/** Audit rows read at most: past this a week's corrections are listed from the earliest. */
const ROWS_READ = 5000;
/** Enough for a screen; a week with more corrections says how many were left out. */
export const CORRECTIONS_SHOWN = 200;

export interface WeekCorrection {
  /** When the edit was made, Asia/Shanghai 'YYYY-MM-DD HH:mm'. */
  at: string;
  user: string | null;
  action: string;
  tableName: string;
  recordId: string | null;
  compoundCode: string | null;
  /** The earliest record date the edit set or removed (on or before the week's Sunday). */
  date: string;
}

type Row = Record<string, unknown>;
const asRow = (value: unknown): Row => (value && typeof value === 'object' ? (value as Row) : {});

/** The dates the edit set or removed: every field of an insert or delete, the changed ones of an update. */
function changedDates(action: string, before: Row, after: Row): string[] {
  const fields =
    action === 'update' || (action === 'import' && Object.keys(before).length > 0)
      ? Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))
      : Object.keys(action === 'delete' ? before : after);
  const dates: string[] = [];
  for (const k of fields)
    for (const v of [before[k], after[k]]) if (typeof v === 'string' && isIsoDate(v)) dates.push(v);
  return dates;
}

export async function weekCorrections(db: Db, week: string): Promise<WeekCorrection[]> {
  const sunday = weekSunday(week);
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        gt(auditLog.at, new Date(endOfCityDay(sunday))),
        inArray(auditLog.tableName, RECORD_TABLES),
        inArray(auditLog.action, EDITS),
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(ROWS_READ);
  const out: WeekCorrection[] = [];
  for (const r of rows) {
    const before = asRow(r.before);
    const after = asRow(r.after);
    const dates = changedDates(r.action, before, after).filter((d) => d <= sunday);
    if (dates.length === 0) continue;
    const code = after.compoundCode ?? before.compoundCode ?? null;
    out.push({
      at: shanghaiDateTime(r.at),
      user: r.username,
      action: r.action,
      tableName: r.tableName,
      recordId: r.recordId,
      compoundCode: typeof code === 'string' ? code : null,
      date: dates.sort()[0]!,
    });
    if (out.length >= CORRECTIONS_SHOWN) break;
  }
  return out;
}
