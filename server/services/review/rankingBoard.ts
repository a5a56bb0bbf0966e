/**
 * The 晾晒榜 for one week, built from the engine's report for the week's value date and the
 * previous week as it was shown (shownPrevious.ts: its snapshot once reviewed, else its Sunday):
 * each indicator's township ranks (metricsReport's, direction-aware) with last week's rank and the
 * change; the composite score and rank (compositeScore.ts); the
 * biggest gainers and fallers; the red and black lists; and the summary sentences.
 */
import type { ReviewRules } from '../../../data/review-rules.ts';
import { INDICATOR_LIST, type IndicatorMeta } from '../../../shared/indicators/index.ts';
import type { IndicatorKey, IndicatorStatus } from '../../../shared/indicators/index.ts';
import type { MetricsReport } from '../metrics/metricsReport.ts';
import { compositeRanking, rankChange, type ValuesByKey } from './compositeScore.ts';
import { redBlackList, type ListEntry } from './redBlackList.ts';
import type { BoardSupervision } from './supervisionOutcome.ts';
import type { PreviousCorrection } from './shownPrevious.ts';
import { summarise, type ReviewSummary } from './summarySentences.ts';
import type { WeekCorrection } from './weekCorrections.ts';

export interface BoardIndicator {
  value: number | null;
  previousWeek: number | null;
  delta: number | null;
  rank: number | null;
  previousRank: number | null;
  /** Places moved up since last week (positive = rose). */
  rankChange: number | null;
  /** 0–100, see compositeScore.ts. */
  score: number | null;
  previousScore: number | null;
}

export interface BoardComposite {
  score: number | null;
  previousScore: number | null;
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
}

export interface BoardTownship {
  code: string;
  name: string;
  composite: BoardComposite;
  indicators: Record<IndicatorKey, BoardIndicator>;
  openIssues: number;
  overdueIssues: number;
  lists: ('red' | 'black')[];
}

export interface CompositeMover {
  code: string;
  name: string;
  rank: number | null;
  rankChange: number;
  score: number | null;
  scoreChange: number | null;
}

export interface IndicatorMover {
  code: string;
  name: string;
  value: number | null;
  delta: number;
  rank: number | null;
  rankChange: number | null;
}

export interface Movers<T> {
  gainers: T[];
  fallers: T[];
}

export interface ReviewStamp {
  reviewedAt: string;
  reviewedBy: string | null;
}

/** The week 上周 compares with, as it was shown. */
export interface BoardPreviousWeek {
  week: string;
  asOf: string;
  /** Set when it was reviewed: 上周 is its snapshot. */
  reviewed: ReviewStamp | null;
  /** Its figures that back-dated corrections changed after it was reviewed (上周 keeps the shown ones). */
  corrections: PreviousCorrection[];
}

export interface ReviewBoard {
  week: string;
  asOf: string;
  previousAsOf: string | null;
  /** In progress (live), ended (open to corrections) or reviewed (frozen). */
  state: 'in-progress' | 'ended' | 'reviewed';
  /** null for the first week of the history. */
  previousWeek: BoardPreviousWeek | null;
  /** Of an ended week not yet reviewed: edits made since it ended that change its figures. */
  corrections: WeekCorrection[];
  /** The data is the generated demonstration (演示数据). */
  demo: boolean;
  /** Set when the week was marked reviewed: the board is then the frozen snapshot. */
  reviewed: ReviewStamp | null;
  rules: ReviewRules;
  /** In composite rank order (unranked last, then by code). */
  townships: BoardTownship[];
  city: Record<
    IndicatorKey,
    {
      value: number | null;
      previousWeek: number | null;
      delta: number | null;
      /** The verdict (met first); absent in boards frozen before it was recorded. */
      status?: IndicatorStatus | null;
    }
  >;
  movers: { composite: Movers<CompositeMover>; indicators: Record<IndicatorKey, Movers<IndicatorMover>> };
  redList: ListEntry[];
  blackList: ListEntry[];
  /**
   * Townships that met a red-list rule but are on the black list, so left off the red list
   * (a township is never on both); their red reasons. Absent from boards frozen before.
   */
  redWithheld?: ListEntry[];
  summary: ReviewSummary;
  /**
   * 上周督办事项办理情况 (supervisionOutcome.ts); null for the first week of the history. Absent
   * from boards frozen before it was shown.
   */
  supervision?: BoardSupervision | null;
}

export interface BoardInput {
  week: string;
  asOf: string;
  previousAsOf: string | null;
  demo: boolean;
  rules: ReviewRules;
  current: MetricsReport;
  /** The previous week's report as it was shown; null at the start of the history. */
  previous: MetricsReport | null;
  /** The previous week's frozen board when it was reviewed: its ranks and scores are the shown ones. */
  previousBoard?: ReviewBoard | null;
  state?: ReviewBoard['state'];
  previousWeek?: BoardPreviousWeek | null;
  corrections?: WeekCorrection[];
  /** The indicators on the board, as in the reports (the five by default). */
  indicators?: readonly IndicatorMeta[];
  /** Last week's supervision items' outcome (the section the board opens with). */
  supervision?: BoardSupervision | null;
  /** Per township: supervision items overdue at the end of `asOf` (the black-list rule). */
  overdueSupervision?: ReadonlyMap<string, number>;
}

/** A report's indicators by key, including any indicator added in code. */
const byKey = <T>(indicators: Record<IndicatorKey, T>): Partial<Record<string, T>> => indicators;

const valuesOf = (report: MetricsReport, indicators: readonly IndicatorMeta[]) =>
  new Map(
    report.townships.map((t): [string, ValuesByKey] => [
      t.code,
      Object.fromEntries(indicators.map((i) => [i.key, byKey(t.indicators)[i.key]?.value ?? null])),
    ]),
  );

/** Improvements smaller than this are floating-point noise, not movements. */
const EPSILON = 1e-12;

export function buildBoard(input: BoardInput): ReviewBoard {
  const { current, previous, rules } = input;
  const list = input.indicators ?? INDICATOR_LIST;
  const weights = rules.composite.weights;
  const now = compositeRanking(valuesOf(current, list), weights, list);
  const before = previous ? compositeRanking(valuesOf(previous, list), weights, list) : null;
  const previousByCode = new Map(previous?.townships.map((t) => [t.code, t]) ?? []);
  const shownByCode = new Map(input.previousBoard?.townships.map((t) => [t.code, t]) ?? []);

  const rows: BoardTownship[] = current.townships.map((t) => {
    const p = previousByCode.get(t.code);
    // A reviewed previous week: its frozen ranks and scores, computed under the rules of then.
    const shown = input.previousBoard ? (shownByCode.get(t.code) ?? null) : undefined;
    const compositeRank = now.rank.get(t.code) ?? null;
    const previousCompositeRank =
      shown !== undefined ? (shown?.composite.rank ?? null) : (before?.rank.get(t.code) ?? null);
    const previousCompositeScore =
      shown !== undefined ? (shown?.composite.score ?? null) : (before?.composite.get(t.code) ?? null);
    const indicators = Object.fromEntries(
      list.map(({ key }) => {
        const r = byKey(t.indicators)[key]!;
        const shownIndicator = shown ? byKey(shown.indicators)[key] : undefined;
        const previousRank =
          shown !== undefined ? (shownIndicator?.rank ?? null) : ((p && byKey(p.indicators)[key]?.rank) ?? null);
        return [
          key,
          {
            value: r.value,
            previousWeek: r.previousWeek,
            delta: r.delta,
            rank: r.rank,
            previousRank,
            rankChange: rankChange(r.rank, previousRank),
            score: now.scores.get(t.code)![key] ?? null,
            previousScore:
              shown !== undefined ? (shownIndicator?.score ?? null) : (before?.scores.get(t.code)?.[key] ?? null),
          } satisfies BoardIndicator,
        ];
      }),
    ) as Record<IndicatorKey, BoardIndicator>;
    return {
      code: t.code,
      name: t.name,
      composite: {
        score: now.composite.get(t.code) ?? null,
        previousScore: previousCompositeScore,
        rank: compositeRank,
        previousRank: previousCompositeRank,
        rankChange: rankChange(compositeRank, previousCompositeRank),
      },
      indicators,
      openIssues: t.secondary.openIssues,
      overdueIssues: t.secondary.overdueIssues,
      lists: [],
    };
  });
  const order = (r: BoardTownship) => r.composite.rank ?? Number.MAX_SAFE_INTEGER;
  rows.sort((a, b) => order(a) - order(b) || (a.code < b.code ? -1 : 1));

  const lists = redBlackList(
    rows.map((r) => ({
      code: r.code,
      name: r.name,
      compositeRank: r.composite.rank,
      compositeRankChange: r.composite.rankChange,
      openIssues: r.openIssues,
      overdueIssues: r.overdueIssues,
      deliberationCoverage: r.indicators.deliberationCoverage.value,
      overdueSupervision: input.overdueSupervision?.get(r.code) ?? 0,
    })),
    rules,
  );
  for (const r of rows) {
    if (lists.red.some((e) => e.code === r.code)) r.lists.push('red');
    if (lists.black.some((e) => e.code === r.code)) r.lists.push('black');
  }

  const city = Object.fromEntries(
    list.map(({ key }) => {
      const c = byKey(current.city.indicators)[key]!;
      return [key, { value: c.value, previousWeek: c.previousWeek, delta: c.delta, status: c.status }];
    }),
  ) as ReviewBoard['city'];

  const core = {
    week: input.week,
    asOf: input.asOf,
    previousAsOf: input.previousAsOf,
    state: input.state ?? 'ended',
    previousWeek: input.previousWeek ?? null,
    corrections: input.corrections ?? [],
    demo: input.demo,
    reviewed: null,
    rules,
    townships: rows,
    city,
    movers: {
      composite: compositeMovers(rows, rules.movers.count),
      indicators: indicatorMovers(rows, rules.movers.count, list),
    },
    redList: lists.red,
    blackList: lists.black,
    redWithheld: lists.withheld,
  };
  return { ...core, summary: summarise(core), supervision: input.supervision ?? null };
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);

/** Largest composite rank rises and falls; ties broken by the change in score, then code. */
function compositeMovers(rows: readonly BoardTownship[], count: number): Movers<CompositeMover> {
  const movers = rows
    .filter((r) => r.composite.rankChange !== null && r.composite.rankChange !== 0)
    .map((r): CompositeMover => ({
      code: r.code,
      name: r.name,
      rank: r.composite.rank,
      rankChange: r.composite.rankChange!,
      score: r.composite.score,
      scoreChange:
        r.composite.score !== null && r.composite.previousScore !== null
          ? r.composite.score - r.composite.previousScore
          : null,
    }));
  const size = (m: CompositeMover) => Math.abs(m.rankChange) * 1e6 + Math.abs(m.scoreChange ?? 0);
  return {
    gainers: movers
      .filter((m) => m.rankChange > 0)
      .sort((a, b) => size(b) - size(a) || byCode(a, b))
      .slice(0, count),
    fallers: movers
      .filter((m) => m.rankChange < 0)
      .sort((a, b) => size(b) - size(a) || byCode(a, b))
      .slice(0, count),
  };
}

/** Largest improvements and deteriorations of each indicator's value (direction-aware). */
function indicatorMovers(
  rows: readonly BoardTownship[],
  count: number,
  list: readonly IndicatorMeta[],
): Record<IndicatorKey, Movers<IndicatorMover>> {
  return Object.fromEntries(
    list.map(({ key, direction }) => {
      const sign = direction === 'up' ? 1 : -1;
      const movers = rows
        .map((r) => ({ r, i: byKey(r.indicators)[key]! }))
        .filter(({ i }) => i.delta !== null && Math.abs(i.delta) > EPSILON)
        .map(({ r, i }): IndicatorMover => ({
          code: r.code,
          name: r.name,
          value: i.value,
          delta: i.delta!,
          rank: i.rank,
          rankChange: i.rankChange,
        }));
      return [
        key,
        {
          gainers: movers
            .filter((m) => sign * m.delta > 0)
            .sort((a, b) => sign * (b.delta - a.delta) || byCode(a, b))
            .slice(0, count),
          fallers: movers
            .filter((m) => sign * m.delta < 0)
            .sort((a, b) => sign * (a.delta - b.delta) || byCode(a, b))
            .slice(0, count),
        },
      ];
    }),
  ) as Record<IndicatorKey, Movers<IndicatorMover>>;
}
