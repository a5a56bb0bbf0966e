/**
 * One compound's state on a past date, for its page: the status row of compoundStatusAsOf
 * (the same figures as the map, the table and the export) together with the records that
 * stand behind it on that date — the party organisation and committee in office, the property
 * contract in force, the latest evaluation, the last 四方联席 meeting and the open issues with
 * the stage each had reached. Half-open ranges, as everywhere: [start, end).
 */
import { PLACE_WORDS } from './placeWords.ts';
import { and, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import * as s from '../../../data/schema/index.ts';
import type { IssueStatus } from '../../../data/schema/issues.ts';
import type { Db } from '../../db/connection.ts';
import { BadInputError } from '../errors.ts';
import { compoundStatusAsOf, type CompoundStatus } from './compoundStatus.ts';

/** The stage an issue had reached on `asOf` (its stored `status` is the stage reached today). */
export function issueStatusOn(
  issue: {
    dispatchedOn: string | null;
    inProgressOn: string | null;
    closedOn: string | null;
    revisitedOn: string | null;
  },
  asOf: string,
): IssueStatus {
  const reached = (date: string | null) => date !== null && date <= asOf;
  if (reached(issue.revisitedOn)) return 'revisited';
  if (reached(issue.closedOn)) return 'closed';
  if (reached(issue.inProgressOn)) return 'in_progress';
  if (reached(issue.dispatchedOn)) return 'dispatched';
  return 'accepted';
}

export async function compoundStateOn(db: Db, code: string, asOf: string) {
  const [compound] = await db
    .select({
      id: s.compounds.id,
      code: s.compounds.code,
      name: s.compounds.name,
      townshipCode: s.compounds.townshipCode,
      listedOn: s.compounds.listedOn,
    })
    .from(s.compounds)
    .where(eq(s.compounds.code, code));
  if (!compound) throw new BadInputError(PLACE_WORDS.unknownCompound(code));
  const id = compound.id;
  const [rows, partyOrganisation, committee, contract, evaluation, meeting, issues] = await Promise.all([
    compoundStatusAsOf(db, asOf, compound.townshipCode),
    db
      .select({
        name: s.partyOrganisations.name,
        type: s.partyOrganisations.type,
        establishedOn: s.partyOrganisations.establishedOn,
        dissolvedOn: s.partyOrganisations.dissolvedOn,
      })
      .from(s.partyOrganisations)
      .where(
        and(
          eq(s.partyOrganisations.compoundId, id),
          lte(s.partyOrganisations.establishedOn, asOf),
          or(isNull(s.partyOrganisations.dissolvedOn), gt(s.partyOrganisations.dissolvedOn, asOf)),
        ),
      )
      .orderBy(desc(s.partyOrganisations.establishedOn))
      .limit(1),
    db
      .select({
        formedOn: s.committeeTerms.formedOn,
        termEnd: s.committeeTerms.termEnd,
        endedOn: s.committeeTerms.endedOn,
        members: s.committeeTerms.members,
        partyMembers: s.committeeTerms.partyMembers,
        chairIsPartySecretary: s.committeeTerms.chairIsPartySecretary,
      })
      .from(s.committeeTerms)
      .where(
        and(
          eq(s.committeeTerms.compoundId, id),
          lte(s.committeeTerms.formedOn, asOf),
          gt(s.committeeTerms.termEnd, asOf),
          or(isNull(s.committeeTerms.endedOn), gt(s.committeeTerms.endedOn, asOf)),
        ),
      )
      .orderBy(desc(s.committeeTerms.formedOn))
      .limit(1),
    db
      .select({
        company: s.propertyCompanies.name,
        startOn: s.propertyContracts.startOn,
        endOn: s.propertyContracts.endOn,
      })
      .from(s.propertyContracts)
      .innerJoin(s.propertyCompanies, eq(s.propertyCompanies.id, s.propertyContracts.companyId))
      .where(
        and(
          eq(s.propertyContracts.compoundId, id),
          lte(s.propertyContracts.startOn, asOf),
          or(isNull(s.propertyContracts.endOn), gt(s.propertyContracts.endOn, asOf)),
        ),
      )
      .orderBy(desc(s.propertyContracts.startOn))
      .limit(1),
    db
      .select({
        evaluatedOn: s.evaluations.evaluatedOn,
        rating: s.evaluations.rating,
        score: s.evaluations.score,
        safetyScore: s.evaluations.safetyScore,
      })
      .from(s.evaluations)
      .where(and(eq(s.evaluations.compoundId, id), lte(s.evaluations.evaluatedOn, asOf)))
      .orderBy(desc(s.evaluations.evaluatedOn), desc(s.evaluations.id))
      .limit(1),
    db
      .select({
        heldOn: s.meetings.heldOn,
        attendees: s.meetings.attendees,
        topics: s.meetings.topics,
        problemsResolved: s.meetings.problemsResolved,
      })
      .from(s.meetings)
      .where(and(eq(s.meetings.compoundId, id), lte(s.meetings.heldOn, asOf)))
      .orderBy(desc(s.meetings.heldOn), desc(s.meetings.id))
      .limit(1),
    db
      .select({
        id: s.residentIssues.id,
        category: s.residentIssues.category,
        channel: s.residentIssues.channel,
        summary: s.residentIssues.summary,
        openedOn: s.residentIssues.openedOn,
        dispatchedOn: s.residentIssues.dispatchedOn,
        inProgressOn: s.residentIssues.inProgressOn,
        closedOn: s.residentIssues.closedOn,
        revisitedOn: s.residentIssues.revisitedOn,
        dueOn: s.residentIssues.dueOn,
      })
      .from(s.residentIssues)
      .where(
        and(
          eq(s.residentIssues.compoundId, id),
          lte(s.residentIssues.openedOn, asOf),
          or(isNull(s.residentIssues.closedOn), gt(s.residentIssues.closedOn, asOf)),
        ),
      )
      .orderBy(desc(s.residentIssues.openedOn), desc(s.residentIssues.id)),
  ]);
  const status: CompoundStatus | null = rows.find((r) => r.code === code) ?? null;
  return {
    asOf,
    code: compound.code,
    name: compound.name,
    listedOn: compound.listedOn,
    /** Null before the compound was listed (not yet in scope on that date). */
    status,
    partyOrganisation: partyOrganisation[0] ?? null,
    committee: committee[0] ?? null,
    contract: contract[0] ?? null,
    /** The latest evaluation on or before the date (counted in the rating only while managed). */
    evaluation: evaluation[0] ?? null,
    lastMeeting: meeting[0] ?? null,
    openIssues: issues.map(({ dispatchedOn, inProgressOn, closedOn, revisitedOn, ...issue }) => ({
      ...issue,
      statusOnDate: issueStatusOn({ dispatchedOn, inProgressOn, closedOn, revisitedOn }, asOf),
      overdue: issue.dueOn < asOf,
    })),
  };
}

export type CompoundStateOn = Awaited<ReturnType<typeof compoundStateOn>>;
