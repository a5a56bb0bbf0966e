/**
 * The review screens' weeks, shared between requests (sharedReviewWeek.ts): what they answer is
 * what a fresh computation answers — before and after a record changes, the rules change or a
 * week is marked reviewed — and identical requests arriving together compute the board once, the
 * township pages of the week standing on that same board.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compounds, meetings } from '../../../../data/schema/index.ts';
import { eq } from 'drizzle-orm';
import { compoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import { BadInputError } from '../../../../server/services/errors.ts';
import { markWeekReviewed, openReviewWeek } from '../../../../server/services/review/reviewedWeeks.ts';
import { DEFAULT_REVIEW_RULES, updateReviewRules } from '../../../../server/services/review/reviewRules.ts';
import { sharedReviewBoard, sharedTownshipReview } from '../../../../server/services/review/sharedReviewWeek.ts';
import { townshipReviewFrom } from '../../../../server/services/review/townshipReview.ts';
import { addDays } from '../../../../shared/time/dates.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const TODAY = FIXTURE_AS_OF; // Wednesday of 2026-W48
const CURRENT = '2026-W48'; // in progress: read on TODAY
const ENDED = '2026-W46'; // Sunday 2026-11-15
const AFTER_ENDED = '2026-W47';
const ANHAI = '350582101';

describe.each(availableBackends())('shared review weeks (%s)', (kind) => {
  let database: TestDatabase;
  const options = { today: TODAY };
  const freshBoard = async (week: string) => (await openReviewWeek(database.db, week, options)).board();
  const freshTownship = async (code: string, week: string) =>
    townshipReviewFrom(await openReviewWeek(database.db, week, options), code);

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('answers what a fresh computation answers, the board and a township page of the week', async () => {
    for (const week of [CURRENT, ENDED]) {
      expect(await sharedReviewBoard(database.db, week, options), week).toEqual(await freshBoard(week));
      const { review, board } = await sharedTownshipReview(database.db, ANHAI, week, options);
      expect(review, week).toEqual(await freshTownship(ANHAI, week));
      expect(board, 'the board the page stands on').toBe(await sharedReviewBoard(database.db, week, options));
    }
  });

  it('computes the board once for requests that arrive together, and every township page stands on it', async () => {
    const codes = (await freshBoard(ENDED)).townships.map((t) => t.code);
    const [boards, pages] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => sharedReviewBoard(database.db, ENDED, options))),
      Promise.all([...codes, ...codes].map((code) => sharedTownshipReview(database.db, code, ENDED, options))),
    ]);
    expect(new Set(boards).size, 'one board for ten requests').toBe(1);
    expect(new Set(pages.map((p) => p.board)), 'the pages stand on that board').toEqual(new Set(boards));
    expect(pages[0]!.review, 'the same page asked twice is computed once').toBe(pages[codes.length]!.review);
    expect(pages[0]!.review).toEqual(await freshTownship(codes[0]!, ENDED));
  });

  it('follows a record change: the week in progress shows a meeting held today, as a fresh board does', async () => {
    const before = await sharedReviewBoard(database.db, CURRENT, options);
    const uncovered = (await compoundStatusAsOf(database.db, TODAY)).find(
      (c) => c.lastMeetingDate === null || c.lastMeetingDate < addDays(TODAY, -29),
    )!;
    const coverage = (board: typeof before) =>
      board.townships.find((t) => t.code === uncovered.townshipCode)!.indicators.deliberationCoverage.value;
    const [meeting] = await database.db
      .insert(meetings)
      .values({
        compoundId: (
          await database.db.select({ id: compounds.id }).from(compounds).where(eq(compounds.code, uncovered.code))
        )[0]!.id,
        heldOn: TODAY,
        attendees: 4,
        topics: 'shared board test',
        problemsResolved: 0,
      })
      .returning();
    try {
      const after = await sharedReviewBoard(database.db, CURRENT, options);
      expect(after).not.toBe(before);
      expect(after).toEqual(await freshBoard(CURRENT));
      expect(coverage(after)!, 'the township covers one more compound').toBeGreaterThan(coverage(before)!);
      const { review } = await sharedTownshipReview(database.db, uncovered.townshipCode, CURRENT, options);
      expect(review).toEqual(await freshTownship(uncovered.townshipCode, CURRENT));
      expect(review.changes.find((c) => c.code === uncovered.code)?.changes.map((c) => c.kind)).toContain(
        'meetingHeld',
      );
    } finally {
      await database.db.delete(meetings).where(eq(meetings.id, meeting!.id));
    }
    expect(await sharedReviewBoard(database.db, CURRENT, options)).toEqual(before);
  });

  it('follows the rules, which change no record', async () => {
    const before = await sharedReviewBoard(database.db, ENDED, options);
    await updateReviewRules(database.db, { composite: { weights: { petitionRate: 3 } }, redList: { topN: 5 } });
    try {
      const after = await sharedReviewBoard(database.db, ENDED, options);
      expect(after.rules.composite.weights.petitionRate).toBe(3);
      expect(after.redList.length, 'the best five are on the red list').toBeGreaterThanOrEqual(5);
      expect(after).toEqual(await freshBoard(ENDED));
      const { review } = await sharedTownshipReview(database.db, ANHAI, ENDED, options);
      expect(review.standing).toEqual(after.townships.find((t) => t.code === ANHAI));
    } finally {
      await updateReviewRules(database.db, DEFAULT_REVIEW_RULES);
    }
    expect(await sharedReviewBoard(database.db, ENDED, options)).toEqual(before);
  });

  it('follows a week marked reviewed: its own board is the snapshot, the next compares with it', async () => {
    await sharedReviewBoard(database.db, AFTER_ENDED, options);
    const marked = await markWeekReviewed(database.db, ENDED, { ...options, reviewedBy: '组织部' });
    const board = await sharedReviewBoard(database.db, ENDED, options);
    expect(board.state).toBe('reviewed');
    expect(board.reviewed).toEqual({ reviewedAt: marked.reviewedAt, reviewedBy: '组织部' });
    const next = await sharedReviewBoard(database.db, AFTER_ENDED, options);
    expect(next.previousWeek?.reviewed?.reviewedAt).toBe(marked.reviewedAt);
    expect(next).toEqual(await freshBoard(AFTER_ENDED));
    expect((await sharedTownshipReview(database.db, ANHAI, ENDED, options)).review).toEqual(
      await freshTownship(ANHAI, ENDED),
    );
  });

  it('refuses an unknown township every time it is asked (a refusal is not kept)', async () => {
    for (let i = 0; i < 2; i++) {
      const error = await sharedTownshipReview(database.db, '350582999', CURRENT, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadInputError);
    }
  });
});
