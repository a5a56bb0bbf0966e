/**
 * The compound page's two server answers: the complete history (every record of the compound,
 * no window or cap) and the state on a past date (compoundStatusAsOf's row, with the records
 * behind it agreeing with that row).
 */
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '../../../support/callers.ts';
import { queryRows } from '../../../../server/db/rows.ts';
import { compoundHistory } from '../../../../server/services/compounds/compoundHistory.ts';
import { compoundStateOn, issueStatusOn } from '../../../../server/services/compounds/compoundStateOn.ts';
import { compoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const TABLES = {
  partyOrganisations: 'party_organisations',
  committeeTerms: 'committee_terms',
  contracts: 'property_contracts',
  evaluations: 'evaluations',
  meetings: 'meetings',
  issues: 'resident_issues',
  petitions: 'petitions',
} as const;

const DATES = ['2024-01-01', '2024-03-17', '2024-09-30', '2025-05-31', '2025-12-31', '2026-06-30', FIXTURE_AS_OF];

describe.each(availableBackends())('the compound page on the server (%s)', (kind) => {
  let database: TestDatabase;
  /** The compound with the most issues, the one listed last, and the first by code. */
  let codes: { busiest: string; latestListed: string; latestListedOn: string; first: string };
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    const [busiest] = await queryRows<{ code: string }>(
      database.db,
      sql`select c.code from compounds c join resident_issues i on i.compound_id = c.id group by c.code order by count(*) desc, c.code limit 1`,
    );
    const [latest] = await queryRows<{ code: string; listed_on: string }>(
      database.db,
      sql`select code, listed_on::text from compounds order by listed_on desc, code limit 1`,
    );
    const [first] = await queryRows<{ code: string }>(
      database.db,
      sql`select code from compounds order by code limit 1`,
    );
    codes = {
      busiest: busiest!.code,
      latestListed: latest!.code,
      latestListedOn: latest!.listed_on,
      first: first!.code,
    };
  });
  afterAll(() => database?.dispose());

  const countsInDb = async (code: string) => {
    const counts: Record<string, number> = {};
    for (const [key, table] of Object.entries(TABLES)) {
      const [row] = await queryRows<{ n: number | string }>(
        database.db,
        sql`select count(*) as n from ${sql.identifier(table)} r join compounds c on c.id = r.compound_id where c.code = ${code}`,
      );
      counts[key] = Number(row!.n);
    }
    return counts;
  };

  it('gives every record of the compound when asked for the complete history', async () => {
    for (const code of [codes.busiest, codes.first, codes.latestListed]) {
      const history = await compoundHistory(database.db, code, FIXTURE_AS_OF, { complete: true });
      const counts = await countsInDb(code);
      expect(
        Object.fromEntries(Object.keys(TABLES).map((key) => [key, history[key as keyof typeof TABLES].length])),
        code,
      ).toEqual(counts);
    }
    // The busiest compound exceeds the card's caps, so the option is what makes the difference.
    const counts = await countsInDb(codes.busiest);
    expect(counts.issues).toBeGreaterThan(50);
    const card = await compoundHistory(database.db, codes.busiest, FIXTURE_AS_OF);
    expect(card.issues).toHaveLength(50);
    expect(card.meetings.length).toBeLessThan(counts.meetings!);
  });

  it('keeps the card’s history as it was: meetings of the last 365 days, 50 issues at most', async () => {
    const card = await compoundHistory(database.db, codes.busiest, '2025-06-30');
    expect(card.meetings.length, 'the busiest compound met in that year').toBeGreaterThan(0);
    expect(card.meetings.every((m) => m.heldOn >= '2024-06-30' && m.heldOn <= '2025-06-30')).toBe(true);
    expect(card.issues.length).toBeLessThanOrEqual(50);
  });

  it.each(DATES)('gives compoundStatusAsOf’s row as the state on %s, and records that agree with it', async (date) => {
    for (const code of [codes.busiest, codes.first, codes.latestListed]) {
      const state = await compoundStateOn(database.db, code, date);
      const row = (await compoundStatusAsOf(database.db, date)).find((r) => r.code === code) ?? null;
      expect(state.status, `${code} ${date}`).toEqual(row);
      if (!row) {
        expect(date < state.listedOn).toBe(true);
        continue;
      }
      expect(state.partyOrganisation?.type ?? null).toBe(row.partyOrgType);
      expect(state.committee !== null).toBe(row.committeeInOffice);
      expect(state.committee ? state.committee.partyMembers * 2 >= state.committee.members : false).toBe(
        row.committeePartyMajority,
      );
      expect(state.contract?.company ?? null).toBe(row.propertyCompany);
      expect(row.propertyManaged ? (state.evaluation?.rating ?? null) : null).toBe(row.rating);
      expect(state.lastMeeting?.heldOn ?? null).toBe(row.lastMeetingDate);
      expect(state.openIssues).toHaveLength(row.openIssues);
      expect(state.openIssues.filter((i) => i.overdue)).toHaveLength(row.overdueIssues);
      expect(state.openIssues.every((i) => ['accepted', 'dispatched', 'in_progress'].includes(i.statusOnDate))).toBe(
        true,
      );
    }
  });

  it('has no state before the compound was listed, and one from the day it was', async () => {
    // The fixture lists compounds during the data's span; without one the test would prove nothing.
    expect(
      codes.latestListedOn > '2024-01-01',
      `the last listing, ${codes.latestListedOn}, is after the data start`,
    ).toBe(true);
    const dayBefore = new Date(Date.parse(`${codes.latestListedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await compoundStateOn(database.db, codes.latestListed, dayBefore)).status).toBeNull();
    expect((await compoundStateOn(database.db, codes.latestListed, codes.latestListedOn)).status?.code).toBe(
      codes.latestListed,
    );
  });

  it('answers through tRPC, and refuses an unknown compound or a bad date in Chinese', async () => {
    const caller = await callerAs(database, 'analyst');
    expect(await caller.compounds.stateOn({ code: codes.first, asOf: '2025-05-31' })).toEqual(
      await compoundStateOn(database.db, codes.first, '2025-05-31'),
    );
    const full = await caller.compounds.history({ code: codes.busiest, complete: true });
    expect(full.issues.length).toBe((await countsInDb(codes.busiest)).issues);
    for (const [input, message] of [
      [{ code: 'NOPE-001' }, /未知小区编码：NOPE-001/],
      [{ code: codes.first, asOf: '2025-02-30' }, /无效/],
      [{ code: codes.first, asOf: '2023-12-31' }, /早于数据起始日/],
    ] as const) {
      const error = await caller.compounds.stateOn(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect((error as TRPCError).message).toMatch(message);
    }
  });
});

describe('the stage an issue had reached on a date', () => {
  const issue = {
    dispatchedOn: '2025-01-02',
    inProgressOn: '2025-01-05',
    closedOn: '2025-01-10',
    revisitedOn: '2025-01-20',
  };
  it.each([
    ['2025-01-01', 'accepted'],
    ['2025-01-02', 'dispatched'],
    ['2025-01-09', 'in_progress'],
    ['2025-01-10', 'closed'],
    ['2025-01-20', 'revisited'],
  ])('on %s: %s', (date, status) => {
    expect(issueStatusOn(issue, date)).toBe(status);
  });
});
