/**
 * "A reviewed week stays as it was": marking a week reviewed freezes its board, township pages
 * and pack; back-dated edits and changed rules then change only weeks not marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import { compoundStatusAsOf } from '../../../../server/services/compounds/compoundStatus.ts';
import { BadInputError } from '../../../../server/services/errors.ts';
import type { ReviewBoard } from '../../../../server/services/review/rankingBoard.ts';
import {
  listReviewedWeeks,
  markWeekReviewed,
  openReviewWeek,
} from '../../../../server/services/review/reviewedWeeks.ts';
import { DEFAULT_REVIEW_RULES, updateReviewRules } from '../../../../server/services/review/reviewRules.ts';
import { parseReviewWeek } from '../../../../server/services/review/reviewWeek.ts';
import { townshipReviewFrom, type TownshipReview } from '../../../../server/services/review/townshipReview.ts';
import { collectPackFrom, type PackData } from '../../../../server/services/review/weeklyPack.ts';
import { liveWeekSource } from '../../../../server/services/review/weekSource.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const TODAY = FIXTURE_AS_OF;
const WEEK = '2026-W40'; // Sunday 2026-10-04: will be marked reviewed
const NEXT = '2026-W41'; // Sunday 2026-10-11: stays unreviewed
const ANHAI = '350582101';

describe.each(availableBackends())('reviewed weeks (%s)', (kind) => {
  let database: TestDatabase;
  const open = (week: string) => openReviewWeek(database.db, week, { today: TODAY });
  let live: { board: ReviewBoard; pack: PackData; township: TownshipReview; next: ReviewBoard };

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    const source = await open(WEEK);
    live = {
      board: await source.board(),
      pack: await collectPackFrom(source),
      township: await townshipReviewFrom(source, ANHAI),
      next: await (await open(NEXT)).board(),
    };
  });
  afterAll(() => database?.dispose());

  it.each([
    ['2026-W48', /尚未结束/],
    ['2099-W01', /尚未到来/],
    ['2023-W52', /早于数据起始周/],
    ['2026-W7', /周次无效/],
    ['2026-W54', /周次无效/],
  ])('refuses to mark %s', async (week, message) => {
    const error = await markWeekReviewed(database.db, week, { today: TODAY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as Error).message).toMatch(message);
  });

  it('freezes exactly what the week showed, and afterwards ignores back-dated edits and new rules', async () => {
    const marked = await markWeekReviewed(database.db, WEEK, { today: TODAY, reviewedBy: '组织部' });
    expect(marked).toMatchObject({ week: WEEK, asOf: '2026-10-04', reviewedBy: '组织部', alreadyReviewed: false });
    const stamp = { reviewedAt: marked.reviewedAt, reviewedBy: '组织部' };

    const frozen = async () => {
      const source = await open(WEEK);
      return {
        board: await source.board(),
        pack: await collectPackFrom(source),
        township: await townshipReviewFrom(source, ANHAI),
      };
    };
    // The same figures, now in the reviewed state with the freeze's stamp.
    expect(live.board.state).toBe('ended');
    const reviewed = { reviewed: stamp, state: 'reviewed' } as const;
    const expected = {
      board: { ...live.board, ...reviewed },
      pack: { ...live.pack, board: { ...live.pack.board, ...reviewed } },
      township: { ...live.township, ...reviewed },
    };
    expect(await frozen()).toEqual(expected);

    // Back-dated edits: a committee formed in September for the one compound without one on
    // 2026-10-04, and a meeting on 2026-10-03 for a compound with none in the 30 days to 2026-10-11.
    const onSunday = await compoundStatusAsOf(database.db, '2026-10-04');
    const noCommittee = onSunday.find((c) => !c.committeeInOffice && c.townshipCode === ANHAI)!;
    expect(noCommittee, 'the fixture has a compound without a committee in 安海镇').toBeDefined();
    const nextSunday = await compoundStatusAsOf(database.db, '2026-10-11');
    const noMeeting = nextSunday.find((c) => c.lastMeetingDate === null || c.lastMeetingDate < '2026-09-12')!;
    await database.db.insert(s.committeeTerms).values({
      compoundId: noCommittee.id,
      formedOn: '2026-09-20',
      termEnd: '2031-09-20',
      members: 5,
      partyMembers: 3,
    });
    await database.db
      .insert(s.meetings)
      .values({ compoundId: noMeeting.id, heldOn: '2026-10-03', attendees: 9, topics: '补录' });
    await updateReviewRules(database.db, { composite: { weights: { serviceQuality: 4 } }, blackList: { bottomN: 5 } });

    // The reviewed week: unchanged, snapshot and all.
    expect(await frozen()).toEqual(expected);

    // Recomputed from today's records it would have changed — that is what the snapshot prevents.
    const recomputed = await liveWeekSource(database.db, parseReviewWeek(WEEK, TODAY), TODAY).board();
    const anhai = (b: ReviewBoard) => b.townships.find((t) => t.code === ANHAI)!;
    expect(anhai(recomputed).indicators.committeeRate.value).toBeGreaterThan(
      anhai(live.board).indicators.committeeRate.value!,
    );

    // The next week is not reviewed: it follows the records and the rules as they are now.
    const next = await (await open(NEXT)).board();
    expect(next.reviewed).toBeNull();
    expect(next.rules.composite.weights.serviceQuality).toBe(4);
    const met = (b: ReviewBoard) =>
      b.townships.find((t) => t.code === noMeeting.townshipCode)!.indicators.deliberationCoverage.value!;
    expect(met(next)).toBeGreaterThan(met(live.next));
    // …and compares with last week as it was shown (the snapshot), not as recomputed from the
    // records; the board names the figure the back-dated committee changed since.
    expect(anhai(next).indicators.committeeRate.previousWeek).toBe(anhai(live.board).indicators.committeeRate.value);
    expect(next.previousWeek).toMatchObject({ week: WEEK, reviewed: stamp });
    expect(next.previousWeek!.corrections).toContainEqual({
      townshipCode: ANHAI,
      name: '安海镇',
      indicator: 'committeeRate',
      shown: anhai(live.board).indicators.committeeRate.value,
      now: anhai(recomputed).indicators.committeeRate.value,
    });
    expect(next.blackList.length).toBeGreaterThanOrEqual(5);
    await updateReviewRules(database.db, DEFAULT_REVIEW_RULES);
  });

  it('marks a week once: marking it again keeps the first snapshot', async () => {
    const first = (await listReviewedWeeks(database.db)).find((w) => w.week === WEEK)!;
    expect(first).toBeDefined();
    const again = await markWeekReviewed(database.db, WEEK, { today: TODAY, reviewedBy: '另一人' });
    expect(again).toMatchObject({ alreadyReviewed: true, reviewedAt: first.reviewedAt, reviewedBy: '组织部' });
    expect((await (await open(WEEK)).board()).reviewed).toEqual({ reviewedAt: first.reviewedAt, reviewedBy: '组织部' });
  });
});
