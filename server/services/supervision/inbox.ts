/**
 * The signed-in person's inbox (收件箱) counts, for the header badge and the sign-in page:
 * - township staff: their township's open items (not closed), overdue and returned ones, its open
 *   warnings, and the most urgent few of each;
 * - the department (whoever may supervise): items answered and awaiting acceptance (待销号),
 *   overdue items, open warnings, and the newest few answers and warnings;
 * - anyone else (a leader, a wall's display token, the system administrator and the auditor):
 *   the city's counts only.
 * `today` (Asia/Shanghai) decides 逾期.
 */
import { and, count, eq } from 'drizzle-orm';
import { supervisionWarnings, townships } from '../../../data/schema/index.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import type { Db } from '../../db/connection.ts';
import { can, type Actor } from '../auth/roles.ts';
import { warningsWhere, type WarningView } from '../warnings/warningQueries.ts';
import type { SupervisionItemView } from './itemView.ts';
import { listItems } from './queries.ts';

/** How many of the newest items and warnings the inbox lists. */
export const INBOX_NEWEST = 5;

export interface InboxCounts {
  /** Not closed. */
  open: number;
  overdue: number;
  /** Answered, awaiting acceptance (待销号). */
  answered: number;
  returned: number;
  openWarnings: number;
}

export type InboxSummary =
  | {
      kind: 'township';
      townshipCode: string;
      townshipName: string;
      counts: InboxCounts;
      /** Open items, the most urgent first. */
      items: SupervisionItemView[];
      warnings: WarningView[];
    }
  | {
      kind: 'department';
      counts: InboxCounts;
      /** Answered items awaiting acceptance, the oldest answer first (it has waited longest). */
      items: SupervisionItemView[];
      warnings: WarningView[];
    }
  | { kind: 'city'; counts: InboxCounts };

function countsOf(items: SupervisionItemView[], openWarnings: number): InboxCounts {
  const open = items.filter((i) => i.state !== 'closed');
  return {
    open: open.length,
    overdue: open.filter((i) => i.overdue).length,
    answered: open.filter((i) => i.state === 'answered').length,
    returned: open.filter((i) => i.state === 'returned').length,
    openWarnings,
  };
}

async function openWarningCount(db: Db, townshipCode?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(supervisionWarnings)
    .where(
      and(
        eq(supervisionWarnings.state, 'open'),
        townshipCode ? eq(supervisionWarnings.townshipCode, townshipCode) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export async function inboxSummary(db: Db, actor: Actor, today: string = todayInCity()): Promise<InboxSummary> {
  if (actor.role === 'township_staff' && actor.townshipCode) {
    const code = actor.townshipCode;
    const [items, warningsOpen, [township]] = await Promise.all([
      listItems(db, { townshipCode: code }, today),
      openWarningCount(db, code),
      db.select({ name: townships.name }).from(townships).where(eq(townships.code, code)),
    ]);
    return {
      kind: 'township',
      townshipCode: code,
      townshipName: township?.name ?? code,
      counts: countsOf(items, warningsOpen),
      items: items.filter((i) => i.state !== 'closed').slice(0, INBOX_NEWEST),
      warnings: await warningsWhere(
        db,
        and(eq(supervisionWarnings.townshipCode, code), eq(supervisionWarnings.state, 'open')),
        INBOX_NEWEST,
      ),
    };
  }
  const [items, warningsOpen] = await Promise.all([listItems(db, {}, today), openWarningCount(db)]);
  const counts = countsOf(items, warningsOpen);
  if (!can(actor.role, 'supervise')) return { kind: 'city', counts };
  return {
    kind: 'department',
    counts,
    items: items
      .filter((i) => i.state === 'answered')
      .sort((a, b) => (a.answeredAt ?? '').localeCompare(b.answeredAt ?? ''))
      .slice(0, INBOX_NEWEST),
    warnings: await warningsWhere(db, eq(supervisionWarnings.state, 'open'), INBOX_NEWEST),
  };
}
