/**
 * An independent, deliberately naive recomputation of compound status from the raw tables,
 * in plain TypeScript: the yardstick the SQL services are checked against.
 */
import * as s from '../../data/schema/index.ts';
import type { Db } from '../../server/db/connection.ts';
import type { CompoundStatus } from '../../server/services/compounds/compoundStatus.ts';

export type RawCity = Awaited<ReturnType<typeof loadRawCity>>;

export async function loadRawCity(db: Db) {
  const [
    townships,
    communities,
    companies,
    compounds,
    contracts,
    partyOrgs,
    committees,
    meetings,
    evaluations,
    issues,
    petitions,
  ] = await Promise.all([
    db.select().from(s.townships),
    db.select().from(s.communities),
    db.select().from(s.propertyCompanies),
    db.select().from(s.compounds),
    db.select().from(s.propertyContracts),
    db.select().from(s.partyOrganisations),
    db.select().from(s.committeeTerms),
    db.select().from(s.meetings),
    db.select().from(s.evaluations),
    db.select().from(s.residentIssues),
    db.select().from(s.petitions),
  ]);
  return {
    townships,
    communities,
    companies,
    compounds,
    contracts,
    partyOrgs,
    committees,
    meetings,
    evaluations,
    issues,
    petitions,
  };
}

const holds = (start: string, end: string | null | undefined, d: string) => start <= d && (end == null || d < end);

export function referenceCompoundStatus(raw: RawCity, d: string): CompoundStatus[] {
  return raw.compounds
    .filter((c) => c.listedOn <= d)
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((c) => {
      const contract = raw.contracts
        .filter((k) => k.compoundId === c.id && holds(k.startOn, k.endOn, d))
        .sort((a, b) => (a.startOn < b.startOn ? 1 : -1))[0];
      const company = contract ? raw.companies.find((p) => p.id === contract.companyId)! : undefined;
      const org = raw.partyOrgs
        .filter((o) => o.compoundId === c.id && holds(o.establishedOn, o.dissolvedOn, d))
        .sort((a, b) => (a.establishedOn < b.establishedOn ? 1 : -1))[0];
      const committee = raw.committees
        .filter(
          (x) => x.compoundId === c.id && x.formedOn <= d && d < x.termEnd && (x.endedOn == null || d < x.endedOn),
        )
        .sort((a, b) => (a.formedOn < b.formedOn ? 1 : -1))[0];
      const meetingDates = raw.meetings
        .filter((m) => m.compoundId === c.id && m.heldOn <= d)
        .map((m) => m.heldOn)
        .sort();
      const evaluation = raw.evaluations
        .filter((e) => e.compoundId === c.id && e.evaluatedOn <= d)
        .sort((a, b) => (a.evaluatedOn === b.evaluatedOn ? b.id - a.id : a.evaluatedOn < b.evaluatedOn ? 1 : -1))[0];
      const open = raw.issues.filter((i) => i.compoundId === c.id && holds(i.openedOn, i.closedOn, d));
      return {
        id: c.id,
        code: c.code,
        name: c.name,
        townshipCode: c.townshipCode,
        townshipName: raw.townships.find((t) => t.code === c.townshipCode)!.name,
        community: raw.communities.find((x) => x.id === c.communityId)?.name ?? '',
        lon: c.lon,
        lat: c.lat,
        households: c.households,
        kind: c.kind,
        propertyManaged: company !== undefined,
        propertyCompany: company?.name ?? null,
        partyOrgType: org?.type ?? null,
        committeeInOffice: committee !== undefined,
        committeePartyMajority: committee !== undefined && committee.partyMembers * 2 >= committee.members,
        lastMeetingDate: meetingDates.at(-1) ?? null,
        rating: company ? (evaluation?.rating ?? null) : null,
        openIssues: open.length,
        overdueIssues: open.filter((i) => i.dueOn < d).length,
      };
    });
}

export interface ReferenceFraction {
  numerator: number;
  denominator: number;
}

/**
 * The five indicators recomputed naively from raw rows, straight from the brief's definitions
 * (30-day window D-29…D for meetings; 28-day window D-27…D for petitions).
 */
export function referenceIndicators(
  raw: RawCity,
  d: string,
  townshipCode: string | null,
): Record<string, ReferenceFraction> {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const inScope = raw.compounds.filter(
    (c) => c.listedOn <= d && (townshipCode === null || c.townshipCode === townshipCode),
  );
  const ids = new Set(inScope.map((c) => c.id));
  const hasOrg = (id: number) =>
    raw.partyOrgs.some((o) => o.compoundId === id && holds(o.establishedOn, o.dissolvedOn, d));
  const hasCommittee = (id: number) =>
    raw.committees.some(
      (x) => x.compoundId === id && x.formedOn <= d && d < x.termEnd && (x.endedOn == null || d < x.endedOn),
    );
  const metRecently = (id: number) =>
    raw.meetings.some((m) => m.compoundId === id && m.heldOn <= d && day(d) - day(m.heldOn) <= 29);
  const managed = (id: number) => raw.contracts.some((k) => k.compoundId === id && holds(k.startOn, k.endOn, d));
  const latestRating = (id: number) =>
    raw.evaluations
      .filter((e) => e.compoundId === id && e.evaluatedOn <= d)
      .sort((a, b) => (a.evaluatedOn === b.evaluatedOn ? b.id - a.id : a.evaluatedOn < b.evaluatedOn ? 1 : -1))[0]
      ?.rating;
  const evaluated = inScope.filter((c) => managed(c.id) && latestRating(c.id) !== undefined);
  return {
    partyOrgCoverage: { numerator: inScope.filter((c) => hasOrg(c.id)).length, denominator: inScope.length },
    committeeRate: { numerator: inScope.filter((c) => hasCommittee(c.id)).length, denominator: inScope.length },
    deliberationCoverage: { numerator: inScope.filter((c) => metRecently(c.id)).length, denominator: inScope.length },
    serviceQuality: {
      numerator: evaluated.filter((c) => ['5', '4'].includes(latestRating(c.id)!)).length,
      denominator: evaluated.length,
    },
    petitionRate: {
      numerator: raw.petitions.filter(
        (p) => ids.has(p.compoundId) && p.receivedOn <= d && day(d) - day(p.receivedOn) <= 27,
      ).length,
      denominator: inScope.reduce((n, c) => n + c.households, 0),
    },
  };
}
