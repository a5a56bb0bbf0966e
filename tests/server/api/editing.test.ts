/**
 * Township staff's edits through the API: their own township's records change (audited with
 * before and after, indicators following); another township's stay as they are (FORBIDDEN,
 * nothing written, the attempt audited); the business rules refuse in Chinese.
 */
import { TRPCError } from '@trpc/server';
import { and, count, desc, eq, isNull, gt, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../data/schema/index.ts';
import type { Db } from '../../../server/db/connection.ts';
import { metricsReport } from '../../../server/services/metrics/metricsReport.ts';
import { addDays, todayInCity } from '../../../shared/time/dates.ts';
import { callerAs, type Caller } from '../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

const OWN = '350582103'; // 陈埭镇
const OTHER = '350582101'; // 安海镇

async function revision(db: Db): Promise<number> {
  const [row] = await db.select().from(s.dataRevision);
  return row!.revision;
}

async function counts(db: Db) {
  const tables = {
    meetings: s.meetings,
    committeeTerms: s.committeeTerms,
    evaluations: s.evaluations,
    residentIssues: s.residentIssues,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  return out;
}

async function compoundIn(db: Db, townshipCode: string, managed = false) {
  const today = todayInCity();
  const rows = await db
    .select({ id: s.compounds.id, code: s.compounds.code, listedOn: s.compounds.listedOn })
    .from(s.compounds)
    .where(eq(s.compounds.townshipCode, townshipCode))
    .orderBy(s.compounds.code);
  if (!managed) return rows[0]!;
  const contracts = await db.select().from(s.propertyContracts);
  return rows.find((c) =>
    contracts.some(
      (k) => k.compoundId === c.id && k.startOn <= addDays(today, -1) && (k.endOn === null || k.endOn > today),
    ),
  )!;
}

async function expectError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
}

describe.each(availableBackends())('editing (%s)', (kind) => {
  let database: TestDatabase;
  let staff: Caller;
  let today: string;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    staff = await callerAs(database, 'township_staff', { townshipCode: OWN });
    today = todayInCity();
  });
  afterAll(() => database?.dispose());

  it("refuses another township's records: FORBIDDEN, nothing written, the attempt audited", async () => {
    const db = database.db;
    const other = await compoundIn(db, OTHER, true);
    const [term] = await db
      .select({ id: s.committeeTerms.id })
      .from(s.committeeTerms)
      .innerJoin(s.compounds, eq(s.compounds.id, s.committeeTerms.compoundId))
      .where(
        and(eq(s.compounds.townshipCode, OTHER), isNull(s.committeeTerms.endedOn), gt(s.committeeTerms.termEnd, today)),
      );
    const [issue] = await db
      .select({ id: s.residentIssues.id })
      .from(s.residentIssues)
      .innerJoin(s.compounds, eq(s.compounds.id, s.residentIssues.compoundId))
      .where(and(eq(s.compounds.townshipCode, OTHER), ne(s.residentIssues.status, 'revisited')));
    const before = {
      counts: await counts(db),
      revision: await revision(db),
      issue: await db.select().from(s.residentIssues).where(eq(s.residentIssues.id, issue!.id)),
    };
    const [lastAudit] = await db.select({ id: s.auditLog.id }).from(s.auditLog).orderBy(desc(s.auditLog.id)).limit(1);

    await expectError(
      staff.editing.recordMeeting({ compoundCode: other.code, heldOn: today, attendees: 8 }),
      'FORBIDDEN',
      /只能编辑本镇街/,
    );
    await expectError(
      staff.editing.startCommitteeTerm({ compoundCode: other.code, formedOn: today, members: 5, partyMembers: 3 }),
      'FORBIDDEN',
    );
    await expectError(staff.editing.endCommitteeTerm({ termId: term!.id, endedOn: today }), 'FORBIDDEN');
    await expectError(staff.editing.advanceIssue({ issueId: issue!.id, to: 'closed', on: today }), 'FORBIDDEN');
    await expectError(
      staff.editing.recordEvaluation({ compoundCode: other.code, evaluatedOn: today, score: 91, safetyScore: 90 }),
      'FORBIDDEN',
    );

    expect(await counts(db)).toEqual(before.counts);
    expect(await revision(db)).toBe(before.revision);
    expect(await db.select().from(s.residentIssues).where(eq(s.residentIssues.id, issue!.id))).toEqual(before.issue);
    const audited = await db
      .select()
      .from(s.auditLog)
      .where(gt(s.auditLog.id, lastAudit?.id ?? 0))
      .orderBy(s.auditLog.id);
    expect(audited.map((a) => [a.action, a.tableName])).toEqual([
      ['forbidden', 'meetings'],
      ['forbidden', 'committee_terms'],
      ['forbidden', 'committee_terms'],
      ['forbidden', 'resident_issues'],
      ['forbidden', 'evaluations'],
    ]);
    expect(audited[0]!.after).toMatchObject({ role: 'township_staff', townshipCode: OWN, townshipOfRecord: OTHER });
    expect(audited.every((a) => a.userId !== null)).toBe(true);
  });

  it('records a meeting in its own township, audited with the row, and the indicator follows', async () => {
    const db = database.db;
    const own = await compoundIn(db, OWN);
    const reportBefore = await metricsReport(db, { asOf: today, townshipCode: OWN });
    await db
      .delete(s.meetings)
      .where(and(eq(s.meetings.compoundId, own.id), gt(s.meetings.heldOn, addDays(today, -30))));
    const without = await metricsReport(db, { asOf: today, townshipCode: OWN });
    const revisionBefore = await revision(db);
    const row = await staff.editing.recordMeeting({
      compoundCode: own.code,
      heldOn: today,
      attendees: 9,
      topics: '停车位划线',
      problemsResolved: 2,
    });
    expect(await revision(db)).toBeGreaterThan(revisionBefore);
    const after = await metricsReport(db, { asOf: today, townshipCode: OWN });
    const key = 'deliberationCoverage' as const;
    expect(after.townships[0]!.indicators[key].numerator).toBe(without.townships[0]!.indicators[key].numerator + 1);
    expect(reportBefore.townships[0]!.indicators[key].denominator).toBe(
      after.townships[0]!.indicators[key].denominator,
    );
    const [audit] = await db
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.tableName, 'meetings'), eq(s.auditLog.recordId, String(row.id))));
    expect(audit).toMatchObject({ action: 'insert', before: null });
    expect(audit!.after).toMatchObject({
      id: row.id,
      heldOn: today,
      attendees: 9,
      topics: '停车位划线',
      compoundCode: own.code,
    });
    await expectError(
      staff.editing.recordMeeting({ compoundCode: own.code, heldOn: today, attendees: 9 }),
      'BAD_REQUEST',
      /已登记过四方联席会议/,
    );
  });

  it('ends and starts committee terms by the rules, audited with before and after', async () => {
    const db = database.db;
    const [term] = await db
      .select({ id: s.committeeTerms.id, formedOn: s.committeeTerms.formedOn, code: s.compounds.code })
      .from(s.committeeTerms)
      .innerJoin(s.compounds, eq(s.compounds.id, s.committeeTerms.compoundId))
      .where(
        and(
          eq(s.compounds.townshipCode, OWN),
          isNull(s.committeeTerms.endedOn),
          gt(s.committeeTerms.termEnd, addDays(today, 1)),
        ),
      );
    await expectError(
      staff.editing.startCommitteeTerm({ compoundCode: term!.code, formedOn: today, members: 5, partyMembers: 3 }),
      'BAD_REQUEST',
      /重叠/,
    );
    await expectError(
      staff.editing.endCommitteeTerm({ termId: term!.id, endedOn: addDays(today, 1) }),
      'BAD_REQUEST',
      /不能晚于今天/,
    );
    await expectError(
      staff.editing.endCommitteeTerm({ termId: term!.id, endedOn: term!.formedOn }),
      'BAD_REQUEST',
      /应晚于成立日期/,
    );
    const ended = await staff.editing.endCommitteeTerm({ termId: term!.id, endedOn: today });
    expect(ended.endedOn).toBe(today);
    const [audit] = await db
      .select()
      .from(s.auditLog)
      .where(
        and(
          eq(s.auditLog.tableName, 'committee_terms'),
          eq(s.auditLog.recordId, String(term!.id)),
          eq(s.auditLog.action, 'update'),
        ),
      );
    expect(audit!.before).toMatchObject({ id: term!.id, endedOn: null });
    expect(audit!.after).toMatchObject({ id: term!.id, endedOn: today });
    await expectError(
      staff.editing.endCommitteeTerm({ termId: term!.id, endedOn: today }),
      'BAD_REQUEST',
      /已于 .* 结束/,
    );
    await expectError(
      staff.editing.startCommitteeTerm({ compoundCode: term!.code, formedOn: today, members: 5, partyMembers: 6 }),
      'BAD_REQUEST',
      /党员人数不能多于委员人数/,
    );
    await expectError(
      staff.editing.startCommitteeTerm({
        compoundCode: term!.code,
        formedOn: today,
        termEnd: addDays(today, 365 * 6),
        members: 5,
        partyMembers: 3,
      }),
      'BAD_REQUEST',
      /任期不能超过5年/,
    );
    const started = await staff.editing.startCommitteeTerm({
      compoundCode: term!.code,
      formedOn: today,
      members: 7,
      partyMembers: 4,
      chairIsPartySecretary: true,
    });
    expect(started.termEnd > today).toBe(true);
  });

  it('moves an issue forward only, and refuses a future or pre-listing date', async () => {
    const db = database.db;
    const own = await compoundIn(db, OWN);
    const [issue] = await db
      .insert(s.residentIssues)
      .values({
        compoundId: own.id,
        channel: 'hotline',
        category: 'parking',
        summary: '测试诉求',
        openedOn: addDays(today, -3),
        dueOn: addDays(today, 10),
      })
      .returning({ id: s.residentIssues.id, openedOn: s.residentIssues.openedOn });
    await expectError(
      staff.editing.advanceIssue({ issueId: issue!.id, to: 'in_progress', on: today }),
      'BAD_REQUEST',
      /只能向前推进.*可改为：派单、办结/,
    );
    await expectError(
      staff.editing.advanceIssue({ issueId: issue!.id, to: 'dispatched', on: addDays(issue!.openedOn, -1) }),
      'BAD_REQUEST',
    );
    await expectError(
      staff.editing.advanceIssue({ issueId: issue!.id, to: 'dispatched', on: addDays(today, 2) }),
      'BAD_REQUEST',
      /不能晚于今天/,
    );
    for (const to of ['dispatched', 'in_progress', 'closed', 'revisited'] as const) {
      expect((await staff.editing.advanceIssue({ issueId: issue!.id, to, on: today })).status).toBe(to);
    }
    await expectError(
      staff.editing.advanceIssue({ issueId: issue!.id, to: 'closed', on: today }),
      'BAD_REQUEST',
      /流程已结束/,
    );
    const audits = await db
      .select()
      .from(s.auditLog)
      .where(
        and(
          eq(s.auditLog.tableName, 'resident_issues'),
          eq(s.auditLog.recordId, String(issue!.id)),
          eq(s.auditLog.action, 'update'),
        ),
      );
    expect(audits).toHaveLength(4);
  });

  it('enters an evaluation for a managed compound, rating from the score', async () => {
    const db = database.db;
    const own = await compoundIn(db, OWN, true);
    const row = await staff.editing.recordEvaluation({
      compoundCode: own.code,
      evaluatedOn: today,
      score: 85.5,
      safetyScore: 80,
    });
    expect(row.rating).toBe('4');
    await expectError(
      staff.editing.recordEvaluation({ compoundCode: own.code, evaluatedOn: today, score: 85.55, safetyScore: 80 }),
      'BAD_REQUEST',
      /最多一位小数/,
    );
    await expectError(
      staff.editing.recordEvaluation({ compoundCode: own.code, evaluatedOn: '2023-01-01', score: 85, safetyScore: 80 }),
      'BAD_REQUEST',
      /不能早于/,
    );
  });

  it('lets an administrator edit any township, and refuses leaders and analysts', async () => {
    const admin = await callerAs(database, 'admin');
    const other = await compoundIn(database.db, OTHER);
    await admin.editing.recordMeeting({ compoundCode: other.code, heldOn: addDays(today, -1), attendees: 6 });
    for (const role of ['leader', 'analyst'] as const) {
      const caller = await callerAs(database, role);
      await expectError(
        caller.editing.recordMeeting({ compoundCode: other.code, heldOn: addDays(today, -2), attendees: 6 }),
        'FORBIDDEN',
      );
    }
    const records = await staff.editing.township({ code: OWN });
    expect(records.canEdit).toBe(true);
    expect((await staff.editing.township({ code: OTHER })).canEdit).toBe(false);
  });
});
