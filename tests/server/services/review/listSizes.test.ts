/**
 * The 红黑榜 under the default rules on the demo city, over the 52 weeks that ended before the
 * fixture's as-of date: each list names 3–5 townships in at least 45 of them (README § 红黑榜
 * rules gives the distribution), and no township is ever on both. Every week's board is built
 * the way the review builds it (openReviewWeek), so the rules in force are the stored defaults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewBoard } from '../../../../server/services/review/rankingBoard.ts';
import { openReviewWeek } from '../../../../server/services/review/reviewedWeeks.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { isoWeekOf } from '../../../../shared/time/weeks.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { FULL_SWEEPS } from '../../../support/sweeps.ts';

/** The Sunday on or before `date` minus a day when `date` is a Sunday: the last ended week's end. */
function lastEndedSunday(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, weekday === 0 ? -7 : -weekday);
}
const LAST_SUNDAY = lastEndedSunday(FIXTURE_AS_OF);
const WEEKS = Array.from({ length: 52 }, (_, i) => isoWeekOf(addDays(LAST_SUNDAY, -7 * (51 - i))));

// The figures are the same on both backends (the reference tests prove it); PostgreSQL adds
// the second run in CI only.
const backends = FULL_SWEEPS ? availableBackends() : availableBackends().slice(0, 1);

describe.each(backends)('红黑榜 over the last 52 weeks of the demo city (%s)', (kind) => {
  let database: TestDatabase;
  const boards: ReviewBoard[] = [];
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    for (const week of WEEKS)
      boards.push(await (await openReviewWeek(database.db, week, { today: FIXTURE_AS_OF })).board());
  }, 120_000);
  afterAll(() => database?.dispose());

  it('covers the 52 weeks that ended before the as-of date', () => {
    expect(boards).toHaveLength(52);
    expect(boards.at(-1)!.asOf).toBe(LAST_SUNDAY);
    expect(boards.at(-1)!.asOf < FIXTURE_AS_OF).toBe(true);
    expect(boards[0]!.asOf).toBe(addDays(LAST_SUNDAY, -7 * 51));
  });

  it('never puts a township on both lists', () => {
    for (const b of boards) {
      const black = new Set(b.blackList.map((e) => e.code));
      expect(
        b.redList.filter((e) => black.has(e.code)).map((e) => e.name),
        b.week,
      ).toEqual([]);
    }
  });

  it('names 3–5 townships on each list in at least 45 of the 52 weeks, with a reason for each', () => {
    const sizes = boards.map((b) => `${b.week} 红${b.redList.length} 黑${b.blackList.length}`);
    const inBand = (n: number) => n >= 3 && n <= 5;
    const red = boards.filter((b) => inBand(b.redList.length)).length;
    const black = boards.filter((b) => inBand(b.blackList.length)).length;
    expect(red, sizes.join('\n')).toBeGreaterThanOrEqual(45);
    expect(black, sizes.join('\n')).toBeGreaterThanOrEqual(45);
    // Never most of the city on one list (the old defaults put 12–13 of 19 on the black list).
    for (const b of boards) {
      expect(b.blackList.length, b.week).toBeLessThanOrEqual(8);
      expect(b.redList.length, b.week).toBeLessThanOrEqual(8);
    }
    for (const e of boards.flatMap((b) => [...b.redList, ...b.blackList])) {
      expect(e.reasons.length).toBe(e.rules.length);
      expect(e.reasons.length).toBeGreaterThan(0);
    }
  });

  it('lists townships for more than their rank: the scaled triggers fire in some weeks, not every week', () => {
    const scaled = boards.filter((b) =>
      b.blackList.some((e) => e.rules.includes('overdueShare') || e.rules.includes('deliberationCoverage')),
    ).length;
    expect(scaled).toBeGreaterThan(5);
    expect(scaled).toBeLessThan(45);
  });
});
