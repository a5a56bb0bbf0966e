/**
 * "上周" is last week as it was shown (issue #17, part 3): this week's comparison equals what
 * last week's board showed — every indicator, every scope, every rank and score — for the week
 * in progress, after a back-dated correction to an ended week, after a freeze, and after a
 * correction made once last week was frozen (which the board then reports).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../../../../shared/indicators/index.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { compoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import type { ReviewBoard } from '../../../../server/services/review/rankingBoard.ts';
import { markWeekReviewed, openReviewWeek } from '../../../../server/services/review/reviewedWeeks.ts';
import { townshipReviewFrom } from '../../../../server/services/review/townshipReview.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { callerAs, type Caller } from '../../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const TODAY = FIXTURE_AS_OF; // Wednesday 2026-11-25: 2026-W48 is in progress
const WEEK = '2026-W48';
const LAST = '2026-W47'; // 11月16日—22日
const LAST_SUNDAY = '2026-11-22';

/** Every comparison figure of `board` against what `shown` showed. */
function expectComparesWith(board: ReviewBoard, shown: ReviewBoard): void {
  expect(board.previousWeek?.week).toBe(shown.week);
  expect(board.previousAsOf).toBe(shown.asOf);
  const shownByCode = new Map(shown.townships.map((t) => [t.code, t]));
  expect(board.townships).toHaveLength(shown.townships.length);
  for (const t of board.townships) {
    const before = shownByCode.get(t.code)!;
    expect(t.composite.previousRank, `${t.name} 综合排名`).toBe(before.composite.rank);
    expect(t.composite.previousScore, `${t.name} 综合得分`).toBe(before.composite.score);
    for (const key of INDICATOR_KEYS) {
      const now = t.indicators[key];
      const then = before.indicators[key];
      expect(now.previousWeek, `${t.name} ${key} 上周`).toBe(then.value);
      expect(now.previousRank, `${t.name} ${key} 上周排名`).toBe(then.rank);
      expect(now.previousScore, `${t.name} ${key} 上周得分`).toBe(then.score);
      expect(now.delta, `${t.name} ${key} 变化`).toBe(
        now.value !== null && then.value !== null ? now.value - then.value : null,
      );
    }
  }
  for (const key of INDICATOR_KEYS) expect(board.city[key].previousWeek, `全市 ${key}`).toBe(shown.city[key].value);
}

describe.each(availableBackends())('上周 is last week as shown (%s)', (kind) => {
  let database: TestDatabase;
  let admin: Caller;
  const board = async (week: string) => (await openReviewWeek(database.db, week, { today: TODAY })).board();
  /** Compounds with no 四方联席 meeting in the 40 days to last Sunday: a back-dated meeting counts for them. */
  const withoutMeeting = async () =>
    (await compoundStatusAsOf(database.db, LAST_SUNDAY)).filter(
      (c) => c.lastMeetingDate === null || c.lastMeetingDate < addDays(LAST_SUNDAY, -40),
    );

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    admin = await callerAs(database, 'admin');
  });
  afterAll(() => database?.dispose());

  it('compares the week in progress with last Sunday, not with today − 7', async () => {
    const current = await board(WEEK);
    expect(current.state).toBe('in-progress');
    expect(current.asOf).toBe(TODAY);
    expect(current.previousAsOf).toBe(LAST_SUNDAY);
    const last = await board(LAST);
    expect(last.state).toBe('ended');
    expectComparesWith(current, last);
    // The township page shows the same 上周 as the board.
    const source = await openReviewWeek(database.db, WEEK, { today: TODAY });
    const township = await townshipReviewFrom(source, current.townships[0]!.code);
    for (const key of INDICATOR_KEYS)
      expect(township.indicators[key].previousWeek).toBe(
        last.townships.find((t) => t.code === township.code)!.indicators[key].value,
      );
  });

  it('follows a back-dated correction to an ended week that is not reviewed, and lists it there', async () => {
    const before = await board(LAST);
    const [target] = await withoutMeeting();
    expect(target, 'the fixture has a compound without a recent meeting').toBeDefined();
    await admin.editing.recordMeeting({
      compoundCode: target!.code,
      heldOn: '2026-11-20',
      attendees: 8,
      topics: '补录',
    });

    const last = await board(LAST);
    const coverage = (b: ReviewBoard) =>
      b.townships.find((t) => t.code === target!.townshipCode)!.indicators.deliberationCoverage.value!;
    expect(coverage(last)).toBeGreaterThan(coverage(before));
    expect(last.corrections).toContainEqual(
      expect.objectContaining({ tableName: 'meetings', compoundCode: target!.code, date: '2026-11-20' }),
    );
    // The edit is after W46 ended too, but changes nothing dated in it.
    expect((await board('2026-W46')).corrections.some((c) => c.compoundCode === target!.code)).toBe(false);
    // The week in progress is live: nothing to correct yet.
    const current = await board(WEEK);
    expect(current.corrections).toEqual([]);
    expect(current.previousWeek?.reviewed).toBeNull();
    expectComparesWith(current, last);
  });

  it('after a freeze compares with the snapshot, and says when a later correction changed last week', async () => {
    await markWeekReviewed(database.db, LAST, { today: TODAY, reviewedBy: '组织部' });
    const frozen = await board(LAST);
    expect(frozen.state).toBe('reviewed');
    const afterFreeze = await board(WEEK);
    expectComparesWith(afterFreeze, frozen);
    expect(afterFreeze.previousWeek?.reviewed?.reviewedBy).toBe('组织部');
    expect(afterFreeze.previousWeek?.corrections).toEqual([]);

    const [target] = await withoutMeeting();
    await admin.editing.recordMeeting({
      compoundCode: target!.code,
      heldOn: '2026-11-21',
      attendees: 7,
      topics: '补录',
    });
    expect(await board(LAST)).toEqual(frozen);
    const current = await board(WEEK);
    // Still what last week showed, not last week recomputed…
    expectComparesWith(current, frozen);
    // …and the screen is told which of last week's figures the correction changed.
    const shownValue = frozen.townships.find((t) => t.code === target!.townshipCode)!.indicators.deliberationCoverage
      .value!;
    const changed = current.previousWeek!.corrections.find(
      (c) => c.townshipCode === target!.townshipCode && c.indicator === 'deliberationCoverage',
    );
    expect(changed).toMatchObject({ shown: shownValue });
    expect(changed!.now!).toBeGreaterThan(shownValue);
    expect(current.previousWeek!.corrections).toContainEqual(
      expect.objectContaining({
        townshipCode: null,
        indicator: 'deliberationCoverage',
        shown: frozen.city.deliberationCoverage.value,
      }),
    );
    // Nothing else changed: only deliberation coverage, in the city and the target's township.
    expect(new Set(current.previousWeek!.corrections.map((c) => `${c.townshipCode}-${c.indicator}`))).toEqual(
      new Set([`null-deliberationCoverage`, `${target!.townshipCode}-deliberationCoverage`]),
    );

    // The API's week report (the wall, the dashboard) compares with the same shown values.
    const report = await admin.metrics.report({ week: WEEK });
    for (const key of INDICATOR_KEYS) {
      expect(report.city.indicators[key].previousWeek, key).toBe(frozen.city[key].value);
      for (const t of report.townships)
        expect(t.indicators[key].previousWeek, `${t.name} ${key}`).toBe(
          frozen.townships.find((f) => f.code === t.code)!.indicators[key].value,
        );
    }
  });
});
