/**
 * What the township's editing forms choose from: its compounds, the committees in office and
 * the issues still moving (not yet revisited), with whether the actor may edit them.
 */
import { PLACE_WORDS } from '../compounds/placeWords.ts';
import { and, asc, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { committeeTerms, compounds, propertyContracts, residentIssues, townships } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { canEditTownship, type Actor } from '../auth/roles.ts';
import { BadInputError } from '../errors.ts';
import { todayInCity } from '../../../shared/time/dates.ts';
import { pinyinInitials } from '../compounds/initials.ts';

export const MAX_LISTED_ISSUES = 300;

export async function townshipEditingRecords(db: Db, actor: Actor, townshipCode: string, today = todayInCity()) {
  const [township] = await db
    .select({ code: townships.code, name: townships.name })
    .from(townships)
    .where(eq(townships.code, townshipCode));
  if (!township) throw new BadInputError(PLACE_WORDS.unknownTownship(townshipCode));
  // Still open past its due day (the due day itself is not overdue), as on the dashboard.
  const overdue = sql<boolean>`(${residentIssues.closedOn} is null and ${residentIssues.dueOn} < ${today}::date)`;
  const [compoundRows, managedRows, terms, issues] = await Promise.all([
    db
      .select({ code: compounds.code, name: compounds.name, listedOn: compounds.listedOn })
      .from(compounds)
      .where(eq(compounds.townshipCode, townshipCode))
      .orderBy(asc(compounds.name)),
    db
      .selectDistinct({ code: compounds.code })
      .from(propertyContracts)
      .innerJoin(compounds, eq(compounds.id, propertyContracts.compoundId))
      .where(
        and(
          eq(compounds.townshipCode, townshipCode),
          or(isNull(propertyContracts.endOn), gt(propertyContracts.endOn, today)),
        ),
      ),
    db
      .select({
        id: committeeTerms.id,
        compoundCode: compounds.code,
        compoundName: compounds.name,
        formedOn: committeeTerms.formedOn,
        termEnd: committeeTerms.termEnd,
      })
      .from(committeeTerms)
      .innerJoin(compounds, eq(compounds.id, committeeTerms.compoundId))
      .where(
        and(
          eq(compounds.townshipCode, townshipCode),
          isNull(committeeTerms.endedOn),
          gt(committeeTerms.termEnd, today),
        ),
      )
      .orderBy(asc(compounds.name)),
    db
      .select({
        id: residentIssues.id,
        compoundCode: compounds.code,
        compoundName: compounds.name,
        category: residentIssues.category,
        summary: residentIssues.summary,
        status: residentIssues.status,
        openedOn: residentIssues.openedOn,
        dueOn: residentIssues.dueOn,
        overdue,
      })
      .from(residentIssues)
      .innerJoin(compounds, eq(compounds.id, residentIssues.compoundId))
      .where(and(eq(compounds.townshipCode, townshipCode), ne(residentIssues.status, 'revisited')))
      // Overdue first (the ones a township must act on), then the newest: the list is capped.
      .orderBy(sql`${overdue} desc`, desc(residentIssues.openedOn), desc(residentIssues.id))
      .limit(MAX_LISTED_ISSUES),
  ]);
  const managed = new Set(managedRows.map((r) => r.code));
  return {
    township,
    today,
    canEdit: canEditTownship(actor, townshipCode),
    compounds: compoundRows.map((c) => ({
      ...c,
      initials: pinyinInitials(c.name),
      propertyManaged: managed.has(c.code),
    })),
    committeeTerms: terms,
    issues,
  };
}
