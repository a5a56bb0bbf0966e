/**
 * The editing rules under real parallel requests to a running server: N identical edits give
 * exactly one success and N−1 Chinese refusals, one row is written, and the audit log records
 * exactly the one change — "one a day", "no overlap" and "forward only" hold on both databases.
 */
import { and, count, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../data/schema/index.ts';
import { startServer, type RunningServer } from '../../../server/http/server.ts';
import { addDays, todayInCity } from '../../../shared/time/dates.ts';
import { actorAs } from '../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

const OWN = '350582103'; // 陈埭镇

interface Outcome {
  status: number;
  message: string;
}

describe.each(availableBackends())('parallel edits (%s)', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let cookie: string;
  const today = todayInCity();

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    server = await startServer({ database, port: 0 });
    cookie = `onemap_session=${(await actorAs(database, 'township_staff', { townshipCode: OWN })).token}`;
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  /** The same mutation sent `n` times at once, each on its own request. */
  async function inParallel(procedure: string, input: unknown, n: number): Promise<Outcome[]> {
    return Promise.all(
      Array.from({ length: n }, async () => {
        const res = await fetch(`${server.url}/api/trpc/${procedure}`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        const body = (await res.json()) as { error?: { message: string } };
        return { status: res.status, message: body.error?.message ?? '' };
      }),
    );
  }

  function expectOneSuccess(outcomes: Outcome[], refusal: RegExp): void {
    const succeeded = outcomes.filter((o) => o.status === 200);
    const refused = outcomes.filter((o) => o.status !== 200);
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(outcomes.length - 1);
    for (const o of refused) {
      expect(o.status).toBe(400);
      expect(o.message).toMatch(refusal);
    }
  }

  async function auditCount(tableName: string, recordFilter?: string): Promise<number> {
    const where =
      recordFilter === undefined
        ? eq(s.auditLog.tableName, tableName)
        : and(eq(s.auditLog.tableName, tableName), eq(s.auditLog.recordId, recordFilter));
    return (await database.db.select({ n: count() }).from(s.auditLog).where(where))[0]!.n;
  }

  async function ownCompounds() {
    return database.db
      .select({ id: s.compounds.id, code: s.compounds.code })
      .from(s.compounds)
      .where(eq(s.compounds.townshipCode, OWN))
      .orderBy(s.compounds.code);
  }

  it('12 identical meetings for one compound and day: one recorded', async () => {
    const [compound] = await ownCompounds();
    const heldOn = addDays(today, -1);
    await database.db
      .delete(s.meetings)
      .where(and(eq(s.meetings.compoundId, compound!.id), eq(s.meetings.heldOn, heldOn)));
    const audits = await auditCount('meetings');
    const outcomes = await inParallel(
      'editing.recordMeeting',
      { compoundCode: compound!.code, heldOn, attendees: 9, topics: '并发测试' },
      12,
    );
    expectOneSuccess(outcomes, /已登记过四方联席会议/);
    const rows = await database.db
      .select()
      .from(s.meetings)
      .where(and(eq(s.meetings.compoundId, compound!.id), eq(s.meetings.heldOn, heldOn)));
    expect(rows).toHaveLength(1);
    expect(await auditCount('meetings')).toBe(audits + 1);
  });

  it('10 identical evaluations for one compound and day: one recorded', async () => {
    const contracts = await database.db.select().from(s.propertyContracts);
    const compound = (await ownCompounds()).find((c) =>
      contracts.some(
        (k) => k.compoundId === c.id && k.startOn <= addDays(today, -2) && (k.endOn === null || k.endOn > today),
      ),
    )!;
    const evaluatedOn = addDays(today, -1);
    await database.db
      .delete(s.evaluations)
      .where(and(eq(s.evaluations.compoundId, compound.id), eq(s.evaluations.evaluatedOn, evaluatedOn)));
    const audits = await auditCount('evaluations');
    const outcomes = await inParallel(
      'editing.recordEvaluation',
      { compoundCode: compound.code, evaluatedOn, score: 88, safetyScore: 90 },
      10,
    );
    expectOneSuccess(outcomes, /已有考评记录/);
    const rows = await database.db
      .select()
      .from(s.evaluations)
      .where(and(eq(s.evaluations.compoundId, compound.id), eq(s.evaluations.evaluatedOn, evaluatedOn)));
    expect(rows).toHaveLength(1);
    expect(await auditCount('evaluations')).toBe(audits + 1);
  });

  it('8 identical steps of one issue from the same stage: it moves once', async () => {
    const [compound] = await ownCompounds();
    const [issue] = await database.db
      .insert(s.residentIssues)
      .values({
        compoundId: compound!.id,
        channel: 'hotline',
        category: 'parking',
        summary: '并发测试诉求',
        openedOn: addDays(today, -3),
        dueOn: addDays(today, 10),
      })
      .returning({ id: s.residentIssues.id });
    const outcomes = await inParallel('editing.advanceIssue', { issueId: issue!.id, to: 'dispatched', on: today }, 8);
    expectOneSuccess(outcomes, /只能向前推进/);
    const [row] = await database.db.select().from(s.residentIssues).where(eq(s.residentIssues.id, issue!.id));
    expect(row!.status).toBe('dispatched');
    expect(await auditCount('resident_issues', String(issue!.id))).toBe(1);
  });

  it('6 parallel new committee terms for one compound: one, the others overlap', async () => {
    const db = database.db;
    const [compound] = await ownCompounds();
    // A clean slate: no term of this compound to overlap with.
    await db.delete(s.committeeTerms).where(eq(s.committeeTerms.compoundId, compound!.id));
    const outcomes = await inParallel(
      'editing.startCommitteeTerm',
      { compoundCode: compound!.code, formedOn: addDays(today, -1), members: 7, partyMembers: 4 },
      6,
    );
    expectOneSuccess(outcomes, /重叠/);
    const terms = await db
      .select()
      .from(s.committeeTerms)
      .where(and(eq(s.committeeTerms.compoundId, compound!.id), gt(s.committeeTerms.termEnd, today)));
    expect(terms).toHaveLength(1);

    const ends = await inParallel('editing.endCommitteeTerm', { termId: terms[0]!.id, endedOn: today }, 6);
    expectOneSuccess(ends, /已于 .* 结束/);
    expect(await auditCount('committee_terms', String(terms[0]!.id))).toBe(2);
  });
});
