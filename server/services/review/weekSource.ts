/**
 * Everything the review shows for one week — board, the engine's report, lagging compounds,
 * compound changes, drill-through rows, weekly history — from one of two sources:
 *
 * - live: recomputed from the current records as of the week's value date, with the current
 *   rules, compared with the previous week as it was shown (shownPrevious.ts); parts are computed
 *   when first asked for, once;
 * - frozen: read from the snapshot stored when the week was marked reviewed
 *   (reviewedWeeks.ts); a township's parts are the city-wide parts filtered to it, which is what
 *   the live source computes for a township too.
 *
 * A snapshot is the live source with every part computed city-wide (`freeze`), so a reviewed
 * week shows exactly what it showed when it was marked.
 */
import type { ReviewRules } from '../../../data/review-rules.ts';
import type { Db } from '../../db/connection.ts';
import { compoundStatusAsOf, type CompoundStatus } from '../compounds/compoundStatus.ts';
import { readDatasetInfo } from '../dataset/datasetInfo.ts';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import { drillThrough, type DrillThrough } from '../metrics/drillThrough.ts';
import { metricsReport, type MetricsReport } from '../metrics/metricsReport.ts';
import { withCurrentVerdicts } from '../metrics/storedVerdicts.ts';
import { weeklySeries, type WeeklySeries } from '../metrics/weeklySeries.ts';
import { compoundChanges, type CompoundChanges } from './compoundChanges.ts';
import { laggingCompounds, type LaggingCompound } from '../../../shared/review/laggingCompounds.ts';
import { buildBoard, type ReviewBoard, type ReviewStamp } from './rankingBoard.ts';
import { readReviewRules } from './reviewRules.ts';
import type { ReviewWeek } from './reviewWeek.ts';
import { shownPreviousWeek, withShownPrevious } from './shownPrevious.ts';
import { boardSupervision, overdueSupervisionAsOf } from './supervisionOutcome.ts';
import { weekCorrections } from './weekCorrections.ts';

export interface WeekSource {
  week: ReviewWeek;
  /** Set when the week is reviewed and this source is its snapshot. */
  reviewed: ReviewStamp | null;
  board(): Promise<ReviewBoard>;
  /**
   * The engine's report for the week's value date: the city and all 19 townships, its
   * previousWeek and delta against the previous week as it was shown.
   */
  metrics(): Promise<MetricsReport>;
  lagging(townshipCode?: string): Promise<LaggingCompound[]>;
  changes(townshipCode?: string): Promise<CompoundChanges[]>;
  drill(indicator: IndicatorKey, townshipCode?: string): Promise<DrillThrough>;
  /** Weekly values from 2024-W01 to the week. */
  history(townshipCode?: string): Promise<WeeklySeries>;
}

export interface WeekSnapshot {
  version: 1;
  week: ReviewWeek;
  rules: ReviewRules;
  board: ReviewBoard;
  metrics: MetricsReport;
  lagging: LaggingCompound[];
  changes: CompoundChanges[];
  drill: Record<IndicatorKey, DrillThrough>;
  history: WeeklySeries;
}

/**
 * How a source keeps the parts it computes (its previous week, the engine's report, the board):
 * by default once per source; the review screens pass one shared by every request of the same
 * week and data revision (sharedReviewWeek.ts).
 */
export type KeepPart = <T>(part: string, compute: () => Promise<T>) => Promise<T>;

function keptOncePerSource(): KeepPart {
  const parts = new Map<string, Promise<unknown>>();
  return <T>(part: string, compute: () => Promise<T>) => {
    let value = parts.get(part) as Promise<T> | undefined;
    if (!value) parts.set(part, (value = compute()));
    return value;
  };
}

function memo<K, T>(compute: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const values = new Map<K, Promise<T>>();
  return (key) => {
    let value = values.get(key);
    if (!value) values.set(key, (value = compute(key)));
    return value;
  };
}

/**
 * `options.rules`: rules to apply instead of the stored ones (the administrator's preview, and
 * the shared sources, which read them first); `options.keep`: how the parts are kept.
 */
export function liveWeekSource(
  db: Db,
  week: ReviewWeek,
  today: string,
  options: { rules?: ReviewRules; keep?: KeepPart } = {},
): WeekSource {
  const keep = options.keep ?? keptOncePerSource();
  const previous = () => keep('previous', () => shownPreviousWeek(db, week.week));
  const metrics = () =>
    keep('metrics', async () => {
      const shown = await previous();
      return withShownPrevious(await metricsReport(db, { asOf: week.asOf }), shown?.metrics ?? null);
    });
  const status = memo((key: string) => {
    const [date, township] = key.split('|') as [string, string];
    return compoundStatusAsOf(db, date, township || undefined);
  });
  const statusOf = (date: string, townshipCode?: string): Promise<CompoundStatus[]> =>
    status(`${date}|${townshipCode ?? ''}`);
  return {
    week,
    reviewed: null,
    board: () =>
      keep('board', async () => {
        // Independent reads at once: PostgreSQL answers them in parallel (PGlite queues them),
        // and the two reports share their counts (countsCache.ts shares a date being read).
        const [rules, info, current, shown, corrections, supervision, overdueSupervision] = await Promise.all([
          options.rules ?? readReviewRules(db),
          readDatasetInfo(db),
          metrics(),
          previous(),
          week.ended ? weekCorrections(db, week.week) : [],
          boardSupervision(db, week.previousWeek, today),
          overdueSupervisionAsOf(db, week.asOf),
        ]);
        return buildBoard({
          week: week.week,
          asOf: week.asOf,
          previousAsOf: week.previousAsOf,
          demo: info.source === 'demo',
          rules,
          current,
          previous: shown?.metrics ?? null,
          previousBoard: shown?.board ?? null,
          state: week.ended ? 'ended' : 'in-progress',
          previousWeek: shown
            ? { week: shown.week, asOf: shown.asOf, reviewed: shown.reviewed, corrections: shown.corrections }
            : null,
          corrections,
          supervision,
          overdueSupervision,
        });
      }),
    metrics,
    lagging: async (townshipCode) => laggingCompounds(await statusOf(week.asOf, townshipCode), week.asOf),
    changes: async (townshipCode) =>
      week.previousAsOf
        ? compoundChanges(await statusOf(week.previousAsOf, townshipCode), await statusOf(week.asOf, townshipCode))
        : [],
    drill: (indicator, townshipCode) =>
      drillThrough(db, { indicator, asOf: week.asOf, ...(townshipCode ? { townshipCode } : {}) }),
    history: (townshipCode) => weeklySeries(db, { to: week.week, today, ...(townshipCode ? { townshipCode } : {}) }),
  };
}

/** Every part of the live source, city-wide: what marking a week reviewed stores. */
export async function freeze(source: WeekSource): Promise<WeekSnapshot> {
  const board = await source.board();
  const drill = {} as Record<IndicatorKey, DrillThrough>;
  for (const key of INDICATOR_KEYS) drill[key] = await source.drill(key);
  return {
    version: 1,
    week: source.week,
    rules: board.rules,
    board,
    metrics: await source.metrics(),
    lagging: await source.lagging(),
    changes: await source.changes(),
    drill,
    history: await source.history(),
  };
}

export function frozenWeekSource(snapshot: WeekSnapshot, reviewed: ReviewStamp): WeekSource {
  const inTownship = <T extends { townshipCode: string }>(rows: readonly T[], code?: string) =>
    code ? rows.filter((r) => r.townshipCode === code) : [...rows];
  return {
    week: snapshot.week,
    reviewed,
    // Snapshots taken before weeks had a state lack the newer fields: they were shown without them.
    board: async () => ({
      ...snapshot.board,
      previousWeek: snapshot.board.previousWeek ?? null,
      corrections: snapshot.board.corrections ?? [],
      // Left absent (not null) when frozen before the supervision section: it was not shown.
      state: 'reviewed',
      reviewed,
    }),
    metrics: async () => withCurrentVerdicts(snapshot.metrics),
    lagging: async (code) => inTownship(snapshot.lagging, code),
    changes: async (code) => inTownship(snapshot.changes, code),
    drill: async (indicator, code) => {
      const all = snapshot.drill[indicator];
      const compounds = inTownship(all.compounds, code);
      return {
        ...all,
        townshipCode: code ?? null,
        numerator: compounds.reduce((n, c) => n + c.numeratorContribution, 0),
        denominator: compounds.reduce((n, c) => n + c.denominatorContribution, 0),
        compounds,
      };
    },
    history: async (code) => ({
      ...snapshot.history,
      townships: code ? snapshot.history.townships.filter((t) => t.code === code) : snapshot.history.townships,
    }),
  };
}
