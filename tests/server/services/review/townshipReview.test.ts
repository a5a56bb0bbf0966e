/** One township's week: standing, indicators and history, lagging compounds, changes, summary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compoundStatusAsOf, type CompoundStatus } from '../../../../server/services/compounds/compoundStatus.ts';
import { BadInputError } from '../../../../server/services/errors.ts';
import { metricsReport } from '../../../../server/services/metrics/metricsReport.ts';
import { weeklySeries } from '../../../../server/services/metrics/weeklySeries.ts';
import { openReviewWeek } from '../../../../server/services/review/reviewedWeeks.ts';
import { townshipReview, type TownshipReview } from '../../../../server/services/review/townshipReview.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const TODAY = FIXTURE_AS_OF;
const WEEK = '2026-W46';
const CHENDAI = '350582103';
const FIELDS = [
  'partyOrgType',
  'committeeInOffice',
  'committeePartyMajority',
  'lastMeetingDate',
  'propertyCompany',
  'rating',
  'openIssues',
  'overdueIssues',
] as const;

describe.each(availableBackends())('township review (%s)', (kind) => {
  let database: TestDatabase;
  let review: TownshipReview;
  let now: CompoundStatus[];
  let before: CompoundStatus[];
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    review = await townshipReview(database.db, { code: CHENDAI, week: WEEK, today: TODAY });
    now = await compoundStatusAsOf(database.db, '2026-11-15', CHENDAI);
    before = await compoundStatusAsOf(database.db, '2026-11-08', CHENDAI);
  });
  afterAll(() => database?.dispose());

  it("gives the township's board row, the engine's indicators and their weekly history to the week", async () => {
    const board = await (await openReviewWeek(database.db, WEEK, { today: TODAY })).board();
    expect(review).toMatchObject({
      code: CHENDAI,
      name: '陈埭镇',
      week: WEEK,
      asOf: '2026-11-15',
      demo: true,
      ranked: 19,
    });
    expect(review.standing).toEqual(board.townships.find((t) => t.code === CHENDAI));
    expect(review.summary).toEqual(board.summary.townships[CHENDAI]);
    const report = await metricsReport(database.db, { asOf: '2026-11-15', townshipCode: CHENDAI });
    expect(review.indicators).toEqual(report.townships[0]!.indicators);
    const series = await weeklySeries(database.db, { townshipCode: CHENDAI, to: WEEK, today: TODAY });
    expect(review.history.weeks).toEqual(series.weeks);
    expect(review.history.weeks.at(-1)).toEqual({ week: WEEK, date: '2026-11-15' });
    expect(review.history.township).toEqual(series.townships[0]!.values);
    expect(review.history.township.committeeRate.at(-1)).toBe(report.townships[0]!.indicators.committeeRate.value);
  });

  it('lists every lagging compound once, with all of its reasons', () => {
    const expected = now
      .map((c) => {
        const reasons = [
          c.lastMeetingDate === null || c.lastMeetingDate < '2026-10-17' ? 'noMeeting' : null, // 30 days: 10-17 … 11-15
          c.committeeInOffice ? null : 'noCommittee',
          c.propertyManaged && c.rating !== null && ['3', '2', '1', 'fail'].includes(c.rating) ? 'lowRating' : null,
          c.overdueIssues > 0 ? 'overdueIssues' : null,
        ].filter((r) => r !== null);
        return { code: c.code, reasons };
      })
      .filter((c) => c.reasons.length > 0);
    expect(review.lagging.length).toBeGreaterThan(0);
    expect(new Set(review.lagging.map((c) => c.code)).size).toBe(review.lagging.length);
    expect(
      review.lagging.map((c) => ({ code: c.code, reasons: c.reasons })).sort((a, b) => (a.code < b.code ? -1 : 1)),
    ).toEqual(expected);
    for (const c of review.lagging) expect(c.reasonText).toHaveLength(c.reasons.length);
  });

  it('lists exactly the compounds whose status changed since last week', () => {
    const previous = new Map(before.map((c) => [c.code, c]));
    const changed = now
      .filter((c) => !previous.has(c.code) || FIELDS.some((f) => previous.get(c.code)![f] !== c[f]))
      .map((c) => c.code);
    expect(review.changes.map((c) => c.code)).toEqual(changed);
    expect(changed.length).toBeGreaterThan(0);
    for (const c of review.changes) {
      const p = previous.get(c.code)!;
      const n = now.find((x) => x.code === c.code)!;
      const kinds = c.changes.map((x) => x.kind);
      if (p.openIssues !== n.openIssues)
        expect(c.changes.find((x) => x.kind === 'openIssues')!.text).toBe(
          `未办结诉求由${p.openIssues}件变为${n.openIssues}件`,
        );
      if (n.lastMeetingDate !== p.lastMeetingDate) expect(kinds).toContain('meetingHeld');
      if (p.rating !== n.rating && n.rating !== null) expect(kinds).toContain('ratingChanged');
    }
  });

  it.each([
    ['350582999', /未知镇街代码：350582999/],
    ['abc', /未知镇街代码：abc/],
  ])('refuses the township %s', async (code, message) => {
    const error = await townshipReview(database.db, { code, week: WEEK, today: TODAY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as Error).message).toMatch(message);
  });
});
