/**
 * Every dated record of one compound, newest first, for its card and its timeline: party
 * organisations, committee terms, property contracts, evaluations, recent 四方联席 meetings,
 * issues and petitions. The card shows the last year of meetings and the latest 50 issues and
 * petitions; `complete` returns every record (the compound's page).
 */
import { PLACE_WORDS } from './placeWords.ts';
import { and, desc, eq, gte } from 'drizzle-orm';
import * as s from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { BadInputError } from '../errors.ts';
import { addDays } from '../../../shared/time/dates.ts';

export interface CompoundHistoryOptions {
  /** Every record: no 365-day window on meetings, no cap of 50 on issues and petitions. */
  complete?: boolean;
}

const CARD_MEETING_DAYS = 365;
const CARD_RECORD_CAP = 50;

export async function compoundHistory(db: Db, code: string, asOf: string, options: CompoundHistoryOptions = {}) {
  const complete = options.complete ?? false;
  const [compound] = await db
    .select({
      id: s.compounds.id,
      code: s.compounds.code,
      name: s.compounds.name,
      address: s.compounds.address,
      townshipCode: s.compounds.townshipCode,
      townshipName: s.townships.name,
      community: s.communities.name,
      lon: s.compounds.lon,
      lat: s.compounds.lat,
      households: s.compounds.households,
      buildings: s.compounds.buildings,
      yearBuilt: s.compounds.yearBuilt,
      kind: s.compounds.kind,
      listedOn: s.compounds.listedOn,
      modelHomeSince: s.compounds.modelHomeSince,
    })
    .from(s.compounds)
    .innerJoin(s.townships, eq(s.townships.code, s.compounds.townshipCode))
    .leftJoin(s.communities, eq(s.communities.id, s.compounds.communityId))
    .where(eq(s.compounds.code, code));
  if (!compound) throw new BadInputError(PLACE_WORDS.unknownCompound(code));
  const id = compound.id;
  const [partyOrganisations, committeeTerms, contracts, evaluations, meetings, issues, petitions] = await Promise.all([
    db
      .select()
      .from(s.partyOrganisations)
      .where(eq(s.partyOrganisations.compoundId, id))
      .orderBy(desc(s.partyOrganisations.establishedOn)),
    db
      .select()
      .from(s.committeeTerms)
      .where(eq(s.committeeTerms.compoundId, id))
      .orderBy(desc(s.committeeTerms.formedOn)),
    db
      .select({
        id: s.propertyContracts.id,
        startOn: s.propertyContracts.startOn,
        endOn: s.propertyContracts.endOn,
        company: s.propertyCompanies.name,
      })
      .from(s.propertyContracts)
      .innerJoin(s.propertyCompanies, eq(s.propertyCompanies.id, s.propertyContracts.companyId))
      .where(eq(s.propertyContracts.compoundId, id))
      .orderBy(desc(s.propertyContracts.startOn)),
    db.select().from(s.evaluations).where(eq(s.evaluations.compoundId, id)).orderBy(desc(s.evaluations.evaluatedOn)),
    db
      .select()
      .from(s.meetings)
      .where(
        complete
          ? eq(s.meetings.compoundId, id)
          : and(eq(s.meetings.compoundId, id), gte(s.meetings.heldOn, addDays(asOf, -CARD_MEETING_DAYS))),
      )
      .orderBy(desc(s.meetings.heldOn)),
    db
      .select()
      .from(s.residentIssues)
      .where(eq(s.residentIssues.compoundId, id))
      .orderBy(desc(s.residentIssues.openedOn)),
    db.select().from(s.petitions).where(eq(s.petitions.compoundId, id)).orderBy(desc(s.petitions.receivedOn)),
  ]);
  // Records dated after the as-of day are not yet known on that day.
  const known = <T>(rows: T[], date: (r: T) => string) => rows.filter((r) => date(r) <= asOf);
  const capped = <T>(rows: T[]) => (complete ? rows : rows.slice(0, CARD_RECORD_CAP));
  return {
    asOf,
    compound,
    partyOrganisations: known(partyOrganisations, (r) => r.establishedOn),
    committeeTerms: known(committeeTerms, (r) => r.formedOn),
    contracts: known(contracts, (r) => r.startOn),
    evaluations: known(evaluations, (r) => r.evaluatedOn),
    meetings: known(meetings, (r) => r.heldOn),
    issues: capped(known(issues, (r) => r.openedOn)),
    petitions: capped(known(petitions, (r) => r.receivedOn)),
  };
}

export type CompoundHistory = Awaited<ReturnType<typeof compoundHistory>>;
