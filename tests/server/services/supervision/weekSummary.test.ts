/**
 * 上周督办事项办理情况 on made-up items: the items of a week counted per township and for the
 * city as they stood at the end of the next week's Sunday (Asia/Shanghai), rebuilt from their
 * events, so a later move does not change last week's figures; an item without a review week
 * counts in the week of its Shanghai day of issue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../../server/services/auth/roles.ts';
import { issueItem } from '../../../../server/services/supervision/issue.ts';
import { acceptItem, answerItem, returnItem } from '../../../../server/services/supervision/moves.ts';
import { listItems } from '../../../../server/services/supervision/queries.ts';
import { supervisionWeekSummary } from '../../../../server/services/supervision/weekSummary.ts';
import { supervisionItems } from '../../../../data/schema/index.ts';
import { actorAs } from '../../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const X = '350582103'; // 陈埭镇
const Y = '350582101'; // 安海镇
const WEEK = '2026-W40'; // Monday 2026-09-28 … Sunday 2026-10-04; handled in W41, up to Sunday 2026-10-11

/** 10:00 in Shanghai on the day. */
const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

describe.each(availableBackends())('supervision week summary (%s)', (kind) => {
  let database: TestDatabase;
  let admin: Actor;

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    // The fixture's demo supervision history is removed: this test counts only its own made-up items.
    await database.db.delete(supervisionItems);
    admin = (await actorAs(database, 'admin')).actor;
    const db = database.db;
    const issue = async (
      township: string,
      deadline: string,
      extra: Record<string, unknown> = {},
      when = at('2026-09-28'),
    ) =>
      (
        await issueItem(
          db,
          admin,
          { townshipCode: township, task: '督办任务', deadline, reviewWeek: WEEK, ...extra },
          { at: when },
        )
      ).id;
    const answer = (itemId: number, day: string, time?: string) =>
      answerItem(db, admin, { itemId, answer: '已办理' }, { at: at(day, time) });
    const accept = (itemId: number, when: Date) => acceptItem(db, admin, { itemId }, { at: when });

    // X: A closed on time, B closed late.
    const a = await issue(X, '2026-10-05');
    await answer(a, '2026-10-03');
    await accept(a, at('2026-10-04'));
    const b = await issue(X, '2026-10-05');
    await answer(b, '2026-10-07');
    await accept(b, at('2026-10-09'));
    // Y: C returned by the Sunday (closed later), D still pending, E accepted 30 minutes after the
    // Sunday ended (answered as of it), F issued by hand at 23:59 on W40's Sunday (so in W40).
    const c = await issue(Y, '2026-10-05');
    await answer(c, '2026-10-04');
    await returnItem(db, admin, { itemId: c, reason: '佐证不足' }, { at: at('2026-10-06') });
    await answer(c, '2026-10-20');
    await accept(c, at('2026-10-21'));
    await issue(Y, '2026-10-20');
    const e = await issue(Y, '2026-10-08');
    await answer(e, '2026-10-07');
    await accept(e, new Date('2026-10-11T16:30:00Z'));
    await issue(Y, '2026-10-30', { reviewWeek: null }, new Date('2026-10-04T15:59:00Z'));
    // Not in W40: issued by hand at 00:00 on W41's Monday, and one from the review of W39.
    await issue(X, '2026-10-30', { reviewWeek: null }, new Date('2026-10-04T16:00:00Z'));
    await issue(X, '2026-10-30', { reviewWeek: '2026-W39' });
  });
  afterAll(() => database?.dispose());

  it('counts the week’s items as they stood at the end of the next Sunday, per township and for the city', async () => {
    const summary = await supervisionWeekSummary(database.db, WEEK, '2026-12-05');
    expect(summary).toMatchObject({ week: WEEK, asOf: '2026-10-11', final: true, today: '2026-12-05' });
    const none = { pending: 0, answered: 0, returned: 0, closed: 0, closedLate: 0, overdueAsOf: 0, overdueNow: 0 };
    expect(summary.townships).toEqual([
      {
        code: Y,
        name: '安海镇',
        ...none,
        issued: 4,
        pending: 2,
        answered: 1,
        returned: 1,
        overdueAsOf: 2,
        overdueNow: 2,
      },
      { code: X, name: '陈埭镇', ...none, issued: 2, closed: 2, closedLate: 1 },
    ]);
    expect(summary.city).toEqual({
      issued: 6,
      pending: 2,
      answered: 1,
      returned: 1,
      closed: 2,
      closedLate: 1,
      overdueAsOf: 2,
      overdueNow: 2,
    });
  });

  it('counts up to today while the next Sunday is still to come (not final)', async () => {
    const summary = await supervisionWeekSummary(database.db, WEEK, '2026-10-08');
    expect(summary).toMatchObject({ asOf: '2026-10-08', final: false });
    // On 10-08: A closed; B, E answered; C returned; D, F pending. Overdue: B and C (deadline 10-05);
    // E's deadline is that very day, not yet overdue.
    expect(summary.city).toMatchObject({ issued: 6, closed: 1, answered: 2, returned: 1, pending: 2, overdueAsOf: 2 });
  });

  it('lists the week’s items by the same rule, and refuses a week that has not begun', async () => {
    const items = await listItems(database.db, { week: WEEK }, '2026-12-05');
    expect(items.length).toBe(6);
    expect((await listItems(database.db, { week: '2026-W41' }, '2026-12-05')).length).toBe(1);
    await expect(supervisionWeekSummary(database.db, '2999-W01', '2026-12-05')).rejects.toThrow(/尚未到来/);
  });
});
