/** The 晾晒榜 on the fixture city, against the engine and an independent recomputation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES } from '../../../../data/review-rules.ts';
import { metricsReport, type MetricsReport } from '../../../../server/services/metrics/metricsReport.ts';
import type { ReviewBoard } from '../../../../server/services/review/rankingBoard.ts';
import { openReviewWeek } from '../../../../server/services/review/reviewedWeeks.ts';
import { readReviewSettings, updateReviewRules } from '../../../../server/services/review/reviewRules.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { KEYS, referenceComposite } from './reviewReference.ts';

const TODAY = FIXTURE_AS_OF;
const WEEK = '2026-W46';
const PREVIOUS = '2026-W45';

describe.each(availableBackends())('晾晒榜 (%s)', (kind) => {
  let database: TestDatabase;
  let board: ReviewBoard;
  let previousBoard: ReviewBoard;
  let report: MetricsReport;
  let lastWeek: MetricsReport;
  const boardOf = async (week: string) => (await openReviewWeek(database.db, week, { today: TODAY })).board();

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    board = await boardOf(WEEK);
    previousBoard = await boardOf(PREVIOUS);
    report = await metricsReport(database.db, { asOf: '2026-11-15' });
    lastWeek = await metricsReport(database.db, { asOf: '2026-11-08' });
  });
  afterAll(() => database?.dispose());

  it('reads the week on its Sunday and compares it with the Sunday before', () => {
    expect(board).toMatchObject({
      week: WEEK,
      asOf: '2026-11-15',
      previousAsOf: '2026-11-08',
      demo: true,
      reviewed: null,
    });
    expect(board.townships).toHaveLength(19);
  });

  it("ranks each indicator with the engine's direction-aware ranks, last week's rank and the change", () => {
    const lastWeekRank = new Map(lastWeek.townships.map((t) => [t.code, t]));
    for (const t of report.townships) {
      const row = board.townships.find((b) => b.code === t.code)!;
      for (const key of KEYS) {
        const previousRank = lastWeekRank.get(t.code)!.indicators[key].rank;
        expect(row.indicators[key], `${t.name} ${key}`).toMatchObject({
          value: t.indicators[key].value,
          previousWeek: t.indicators[key].previousWeek,
          delta: t.indicators[key].delta,
          rank: t.indicators[key].rank,
          previousRank,
          rankChange:
            t.indicators[key].rank === null || previousRank === null ? null : previousRank - t.indicators[key].rank!,
        });
      }
    }
    // Petitions the right way round: the lowest rate ranks first and scores 100, the highest scores 0.
    const petitions = board.townships.map((t) => t.indicators.petitionRate);
    const lowest = petitions.reduce((a, b) => (b.value! < a.value! ? b : a));
    const highest = petitions.reduce((a, b) => (b.value! > a.value! ? b : a));
    expect(lowest).toMatchObject({ rank: 1, score: 100 });
    expect(highest.score).toBe(0);
    expect(highest.rank).toBe(19);
  });

  it('computes the composite and its rank by the documented rule, in rank order', () => {
    const expected = referenceComposite(report, DEFAULT_REVIEW_RULES.composite.weights);
    for (const row of board.townships) {
      expect(row.composite.score, row.name).toBeCloseTo(expected.get(row.code)!.score!, 9);
      expect(row.composite.rank, row.name).toBe(expected.get(row.code)!.rank);
    }
    const ranks = board.townships.map((t) => t.composite.rank!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(1);
  });

  it("compares with last week's board: previous rank and score, and the change in places", () => {
    const before = new Map(previousBoard.townships.map((t) => [t.code, t]));
    for (const row of board.townships) {
      const p = before.get(row.code)!;
      expect(row.composite.previousRank, row.name).toBe(p.composite.rank);
      expect(row.composite.previousScore, row.name).toBeCloseTo(p.composite.score!, 9);
      expect(row.composite.rankChange, row.name).toBe(p.composite.rank! - row.composite.rank!);
      for (const key of KEYS)
        expect(row.indicators[key].previousRank, `${row.name} ${key}`).toBe(p.indicators[key].rank);
    }
    expect(
      board.townships.some((t) => t.composite.rankChange !== 0),
      'the fixture has movement to show',
    ).toBe(true);
  });

  it('lists the biggest gainers and fallers by composite rank and by indicator value', () => {
    const changes = board.townships.map((t) => t.composite.rankChange!);
    const { gainers, fallers } = board.movers.composite;
    expect(gainers[0]!.rankChange).toBe(Math.max(...changes));
    expect(fallers[0]!.rankChange).toBe(Math.min(...changes));
    expect(gainers.length).toBeLessThanOrEqual(3);
    for (const key of KEYS) {
      const sign = key === 'petitionRate' ? -1 : 1;
      const improvements = board.townships.map((t) => sign * t.indicators[key].delta!);
      const top = board.movers.indicators[key].gainers[0];
      if (Math.max(...improvements) > 1e-12) expect(sign * top!.delta, key).toBeCloseTo(Math.max(...improvements), 12);
      else expect(top, key).toBeUndefined();
      for (const f of board.movers.indicators[key].fallers) expect(sign * f.delta, key).toBeLessThan(0);
    }
  });

  it('builds the red and black lists by the default rules, never a township on both', () => {
    // The defaults in words (README § 红黑榜): red = top 3 or rose ≥ 6 places; black = bottom 3,
    // ≥ 40 % of open issues overdue (at least 4), or deliberation coverage below 80 %.
    const overdueShare = (t: (typeof board.townships)[number]) =>
      t.overdueIssues >= 4 && t.openIssues > 0 && t.overdueIssues / t.openIssues >= 0.4;
    const black = board.townships
      .filter((t) => t.composite.rank! >= 17 || overdueShare(t) || t.indicators.deliberationCoverage.value! < 0.8)
      .map((t) => t.code)
      .sort();
    const red = board.townships
      .filter((t) => t.composite.rank! <= 3 || t.composite.rankChange! >= 6)
      .map((t) => t.code)
      .filter((code) => !black.includes(code))
      .sort();
    expect(board.redList.filter((e) => board.blackList.some((b) => b.code === e.code))).toEqual([]);
    expect(board.redList.map((e) => e.code).sort()).toEqual(red);
    expect(board.blackList.map((e) => e.code).sort()).toEqual(black);
    const overdue = new Map(report.townships.map((t) => [t.code, t.secondary.overdueIssues]));
    for (const row of board.townships) expect(row.overdueIssues).toBe(overdue.get(row.code));
    for (const row of board.townships) {
      expect(row.lists.includes('red')).toBe(red.includes(row.code));
      expect(row.lists.includes('black')).toBe(black.includes(row.code));
    }
  });

  it('follows rules an administrator changed: weights, ties and list thresholds', async () => {
    const settings = await updateReviewRules(database.db, {
      composite: {
        weights: {
          partyOrgCoverage: 0,
          committeeRate: 0,
          deliberationCoverage: 2,
          serviceQuality: 1,
          petitionRate: 0.5,
        },
      },
      blackList: { minOverdueShare: 0.2, minOverdueCount: 2 },
    });
    expect(settings.rules.redList).toEqual(DEFAULT_REVIEW_RULES.redList);
    const weighted = await boardOf(WEEK);
    const expected = referenceComposite(report, settings.rules.composite.weights);
    for (const row of weighted.townships) {
      expect(row.composite.score, row.name).toBeCloseTo(expected.get(row.code)!.score!, 9);
      expect(row.composite.rank, row.name).toBe(expected.get(row.code)!.rank);
    }
    expect(weighted.townships.map((t) => t.code)).not.toEqual(board.townships.map((t) => t.code));
    const overdueListed = weighted.blackList.filter((e) => e.rules.includes('overdueShare'));
    const overdueExpected = weighted.townships
      .filter((t) => t.overdueIssues >= 2 && t.overdueIssues / t.openIssues >= 0.2)
      .map((t) => t.code)
      .sort();
    expect(overdueListed.map((e) => e.code).sort()).toEqual(overdueExpected);
    expect(overdueExpected.length, 'the lower threshold lists someone').toBeGreaterThan(0);

    // Only party organisation counts: every township at 100 % shares rank 1, and the next rank skips.
    await updateReviewRules(database.db, {
      composite: { weights: { partyOrgCoverage: 1, deliberationCoverage: 0, serviceQuality: 0, petitionRate: 0 } },
    });
    const tied = await boardOf('2024-W20');
    const coverage = (await metricsReport(database.db, { asOf: tied.asOf })).townships.map(
      (t) => t.indicators.partyOrgCoverage.value!,
    );
    for (const row of tied.townships) {
      const mine = row.indicators.partyOrgCoverage.value!;
      expect(row.composite.score).toBeCloseTo(mine * 100, 9);
      expect(row.composite.rank, row.name).toBe(1 + coverage.filter((c) => c > mine + 1e-12).length);
    }
    expect(new Set(tied.townships.map((t) => t.composite.rank)).size, 'the week has ties').toBeLessThan(19);
    await updateReviewRules(database.db, DEFAULT_REVIEW_RULES);
    expect((await readReviewSettings(database.db)).rules).toEqual(DEFAULT_REVIEW_RULES);
  });
});
