/**
 * The supervision item's state machine through the API, by role and township: every allowed move
 * happens (item, event and audit row written); every refused one answers in Chinese and writes
 * nothing — a refusal of who (FORBIDDEN) is written to the audit log as 'forbidden', a move the
 * state does not allow is BAD_REQUEST.
 */
import { TRPCError } from '@trpc/server';
import { and, count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import { contextFor } from '../../../../server/api/context.ts';
import type { Db } from '../../../../server/db/connection.ts';
import { actorFromDisplayToken, createDisplayToken } from '../../../../server/services/auth/displayTokens.ts';
import type { Role } from '../../../../server/services/auth/roles.ts';
import { SUPERVISION_MOVES, SUPERVISION_STATES, canMove } from '../../../../shared/supervision/states.ts';
import { addDays, todayInCity } from '../../../../shared/time/dates.ts';
import { callerAs, createCaller, type Caller } from '../../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const OWN = '350582103'; // 陈埭镇: the township staff's own
const OTHER = '350582101'; // 安海镇

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** Everything a move could write: the items, their events, and the audit rows that are not refusals. */
async function written(db: Db) {
  const n = async (table: typeof s.supervisionItems | typeof s.supervisionItemEvents) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    items: await db.select().from(s.supervisionItems).orderBy(s.supervisionItems.id),
    events: await n(s.supervisionItemEvents),
    audit: (await db.select({ n: count() }).from(s.auditLog).where(ne(s.auditLog.action, 'forbidden')))[0]!.n,
  };
}

async function forbiddenCount(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(s.auditLog).where(eq(s.auditLog.action, 'forbidden')))[0]!.n;
}

async function compoundsOf(db: Db, township: string): Promise<string[]> {
  const rows = await db
    .select({ code: s.compounds.code })
    .from(s.compounds)
    .where(eq(s.compounds.townshipCode, township))
    .orderBy(s.compounds.code)
    .limit(2);
  return rows.map((r) => r.code);
}

describe.each(availableBackends())('supervision state machine (%s)', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let as: Record<Role | 'staffOther' | 'wall', Caller>;
  let today: string;

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    db = database.db;
    // The fixture's demo supervision history is removed: this test counts only its own made-up items.
    await db.delete(s.supervisionItems);
    today = todayInCity();
    const roles: Role[] = [
      'analyst',
      'business_admin',
      'admin',
      'township_staff',
      'leader',
      'system_admin',
      'security_auditor',
    ];
    const callers = Object.fromEntries(
      await Promise.all(roles.map(async (r) => [r, await callerAs(database, r, { townshipCode: OWN })] as const)),
    ) as Record<Role, Caller>;
    const token = await createDisplayToken(db, null, '大厅LED');
    const wall = createCaller(contextFor(database, (await actorFromDisplayToken(db, token.token))!));
    as = { ...callers, staffOther: await callerAs(database, 'township_staff', { townshipCode: OTHER }), wall };
  });
  afterAll(() => database?.dispose());

  const issue = (caller: Caller, township = OWN, extra: Record<string, unknown> = {}) =>
    caller.supervision.issue({
      townshipCode: township,
      task: '组织召开四方联席会议',
      deadline: addDays(today, 7),
      ...extra,
    });

  it('lets analysts, business administrators and administrators issue; refuses everyone else, audited, nothing written', async () => {
    const compounds = await compoundsOf(db, OWN);
    for (const role of ['analyst', 'business_admin', 'admin'] as const) {
      const item = await issue(as[role], OWN, { compoundCodes: compounds, indicator: 'deliberationCoverage' });
      expect(item).toMatchObject({
        state: 'pending',
        townshipName: '陈埭镇',
        compoundCodes: compounds,
        light: 'green',
      });
      expect(item.issuedByName).toBe(`测试${role}`);
    }
    for (const who of ['township_staff', 'staffOther', 'leader', 'wall', 'system_admin', 'security_auditor'] as const) {
      const before = await written(db);
      const forbidden = await forbiddenCount(db);
      const error = await refusal(issue(as[who]));
      expect(error.code, who).toBe('FORBIDDEN');
      expect(error.message, who).toBe('无权执行此操作（需要“督办”权限）');
      expect(await forbiddenCount(db), who).toBe(forbidden + 1);
      expect(await written(db), who).toEqual(before);
    }
    const batch = await as.analyst.supervision.issueBatch({
      items: [
        { townshipCode: OWN, task: '推进业委会组建或换届', deadline: addDays(today, 30), reviewWeek: null },
        { townshipCode: OTHER, task: '限期办结逾期诉求并回访', deadline: today },
      ],
    });
    expect(batch.map((i) => [i.townshipCode, i.light, i.source])).toEqual([
      [OWN, 'green', 'manual'],
      [OTHER, 'yellow', 'manual'],
    ]);
  });

  it('refuses a bad item in Chinese and writes nothing, for one item or any item of a batch', async () => {
    const otherCompound = (await compoundsOf(db, OTHER))[0]!;
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ townshipCode: '350582999' }, /未知镇街代码：350582999/],
      [{ compoundCodes: [otherCompound] }, /小区不属于陈埭镇/],
      [{ compoundCodes: ['NO-SUCH'] }, /未知小区编码：NO-SUCH/],
      [{ deadline: addDays(today, -1) }, /办理期限不能早于今天/],
      [{ deadline: '2026-02-30' }, /办理期限应为 YYYY-MM-DD 格式的真实日期/],
      [{ task: '   ' }, /请填写督办任务/],
      [{ task: '办'.repeat(501) }, /督办任务不能超过500个字符/],
      [{ reviewWeek: '2999-W01' }, /尚未到来/],
    ];
    for (const [change, message] of bad) {
      const before = await written(db);
      const error = await refusal(
        as.analyst.supervision.issue({
          townshipCode: OWN,
          task: '组织召开四方联席会议',
          deadline: addDays(today, 7),
          ...change,
        } as never),
      );
      expect(error.code, JSON.stringify(change)).toBe('BAD_REQUEST');
      expect(error.message).toMatch(message);
      expect(await written(db)).toEqual(before);
    }
    const before = await written(db);
    const error = await refusal(
      as.analyst.supervision.issueBatch({
        items: [
          { townshipCode: OWN, task: '组织召开四方联席会议', deadline: addDays(today, 7) },
          { townshipCode: OWN, task: '推进业委会组建或换届', deadline: addDays(today, -3) },
        ],
      }),
    );
    expect(error.message).toMatch(/第2项：办理期限不能早于今天/);
    expect(await written(db)).toEqual(before);
  });

  it('lets only the township (its staff, or an administrator) answer, and only supervisors accept or return', async () => {
    const item = await issue(as.analyst);
    // Who may not answer: another township's staff (refused by the service), and every role without 'edit'.
    const answerRefusals: [keyof typeof as, string][] = [
      ['staffOther', '只能反馈本镇街的督办事项'],
      ['analyst', '无权执行此操作（需要“编辑记录”权限）'],
      ['business_admin', '无权执行此操作（需要“编辑记录”权限）'],
      ['leader', '无权执行此操作（需要“编辑记录”权限）'],
      ['wall', '无权执行此操作（需要“编辑记录”权限）'],
    ];
    for (const [who, message] of answerRefusals) {
      const before = await written(db);
      const forbidden = await forbiddenCount(db);
      const error = await refusal(as[who].supervision.answer({ itemId: item.id, answer: '已召开' }));
      expect([error.code, error.message], who).toEqual(['FORBIDDEN', message]);
      expect(await forbiddenCount(db), who).toBe(forbidden + 1);
      expect(await written(db), who).toEqual(before);
    }
    const answered = await as.township_staff.supervision.answer({
      itemId: item.id,
      answer: '已于本周召开四方联席会议，见会议纪要',
    });
    expect(answered).toMatchObject({
      state: 'answered',
      answer: '已于本周召开四方联席会议，见会议纪要',
      answeredByName: '测试township_staff',
    });

    for (const move of ['accept', 'return'] as const) {
      for (const who of ['township_staff', 'staffOther', 'leader', 'wall'] as const) {
        const before = await written(db);
        const forbidden = await forbiddenCount(db);
        const call =
          move === 'accept'
            ? as[who].supervision.accept({ itemId: item.id })
            : as[who].supervision.return({ itemId: item.id, reason: '佐证不足' });
        const error = await refusal(call);
        expect([error.code, error.message], `${who} ${move}`).toEqual([
          'FORBIDDEN',
          '无权执行此操作（需要“督办”权限）',
        ]);
        expect(await forbiddenCount(db)).toBe(forbidden + 1);
        expect(await written(db)).toEqual(before);
      }
    }
    const noReason = await refusal(as.analyst.supervision.return({ itemId: item.id, reason: ' ' }));
    expect([noReason.code, noReason.message]).toEqual(['BAD_REQUEST', '督办退回填写有误：reason：请填写退回理由']);

    const returned = await as.business_admin.supervision.return({ itemId: item.id, reason: '未附会议纪要' });
    expect(returned).toMatchObject({ state: 'returned', returnedReason: '未附会议纪要' });
    // Returned: the township answers again (an administrator may answer for any township).
    const again = await as.admin.supervision.answer({ itemId: item.id, answer: '已补充会议纪要' });
    expect(again.state).toBe('answered');
    const closed = await as.analyst.supervision.accept({ itemId: item.id, remark: '同意销号' });
    expect(closed).toMatchObject({ state: 'closed', light: null, closedByName: '测试analyst' });

    const detail = await as.leader.supervision.get({ itemId: item.id });
    expect(detail.events.map((e) => [e.fromState, e.toState, e.actorName, e.text])).toEqual([
      [null, 'pending', '测试analyst', '组织召开四方联席会议'],
      ['pending', 'answered', '测试township_staff', '已于本周召开四方联席会议，见会议纪要'],
      ['answered', 'returned', '测试business_admin', '未附会议纪要'],
      ['returned', 'answered', '测试admin', '已补充会议纪要'],
      ['answered', 'closed', '测试analyst', '同意销号'],
    ]);
    // Every change is in the audit log: the issue and four moves, with the state before and after
    // (besides the other township's refused answer, the one refusal the service itself made).
    const audit = await db
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.tableName, 'supervision_items'), eq(s.auditLog.recordId, String(item.id))))
      .orderBy(s.auditLog.id);
    expect(audit.filter((a) => a.action === 'forbidden').length).toBe(1);
    audit.splice(0, audit.length, ...audit.filter((a) => a.action !== 'forbidden'));
    expect(
      audit.map((a) => [
        a.action,
        (a.before as { state?: string } | null)?.state ?? null,
        (a.after as { state: string }).state,
      ]),
    ).toEqual([
      ['insert', null, 'pending'],
      ['update', 'pending', 'answered'],
      ['update', 'answered', 'returned'],
      ['update', 'returned', 'answered'],
      ['update', 'answered', 'closed'],
    ]);
  });

  it('refuses every move the state does not allow, in Chinese, writing nothing', async () => {
    // One item in each state, moved there through the API.
    const inState = {
      pending: await issue(as.analyst),
      answered: await issue(as.analyst),
      returned: await issue(as.analyst),
      closed: await issue(as.analyst),
    };
    for (const state of ['answered', 'returned', 'closed'] as const)
      await as.township_staff.supervision.answer({ itemId: inState[state].id, answer: '已办理' });
    await as.analyst.supervision.return({ itemId: inState.returned.id, reason: '不符合要求' });
    await as.analyst.supervision.accept({ itemId: inState.closed.id });

    const make = (move: (typeof SUPERVISION_MOVES)[number], itemId: number) =>
      move === 'answer'
        ? as.admin.supervision.answer({ itemId, answer: '再次反馈' })
        : move === 'accept'
          ? as.admin.supervision.accept({ itemId })
          : as.admin.supervision.return({ itemId, reason: '再次退回' });
    let refused = 0;
    for (const state of SUPERVISION_STATES) {
      for (const move of SUPERVISION_MOVES) {
        if (canMove(state, move)) continue;
        const before = await written(db);
        const error = await refusal(make(move, inState[state].id));
        expect(error.code, `${state} ${move}`).toBe('BAD_REQUEST');
        expect(error.message).toMatch(/^该督办事项(已销号|当前为“)/);
        expect(await written(db)).toEqual(before);
        refused++;
      }
    }
    expect(refused).toBe(8);
    const missing = await refusal(as.admin.supervision.accept({ itemId: 2_000_000_000 }));
    expect([missing.code, missing.message]).toEqual(['BAD_REQUEST', '督办事项不存在：2000000000']);
  });

  it('bumps the data revision on every change, so walls hear of it', async () => {
    const revision = async () => Number((await db.select().from(s.dataRevision))[0]!.revision);
    const before = await revision();
    const item = await issue(as.analyst);
    const afterIssue = await revision();
    expect(afterIssue).toBeGreaterThan(before);
    await as.township_staff.supervision.answer({ itemId: item.id, answer: '已办理' });
    expect(await revision()).toBeGreaterThan(afterIssue);
  });

  it('lists by township and state, overdue first, and gives a township its open items', async () => {
    // An overdue item cannot be issued through the API (deadline before today): made in the table.
    const [late] = await db
      .insert(s.supervisionItems)
      .values({
        townshipCode: OWN,
        task: '逾期事项',
        deadline: addDays(today, -2),
        issuedByName: '测试',
        issuedAt: new Date(Date.now() - 10 * 86_400_000),
        source: 'manual',
      })
      .returning();
    const list = await as.leader.supervision.list({ townshipCode: OWN });
    expect(list[0]).toMatchObject({ id: late!.id, overdue: true, displayState: 'overdue', light: 'red', daysLeft: -2 });
    expect(list.every((i) => i.townshipCode === OWN)).toBe(true);
    const overdue = await as.wall.supervision.list({ state: 'overdue' });
    expect(overdue.map((i) => i.id)).toEqual([late!.id]);
    const closed = await as.leader.supervision.list({ state: 'closed' });
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((i) => i.state === 'closed' && i.light === null)).toBe(true);
    const deadlines = list.filter((i) => !i.overdue).map((i) => i.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    const { openItemsForTownship } = await import('../../../../server/services/supervision/queries.ts');
    const open = await openItemsForTownship(db, OWN, today);
    expect(open.length).toBe(list.filter((i) => i.state !== 'closed').length);
    expect(open[0]!.id).toBe(late!.id);
    const bad = await refusal(as.leader.supervision.list({ state: 'late' } as never));
    expect(bad.message).toMatch(/^督办事项筛选条件有误：state：状态应为/);
  });
});
