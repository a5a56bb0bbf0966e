/**
 * "上周" is the previous week as it was shown: its snapshot once it was reviewed, else its value
 * on its Sunday (recomputed from the records, as every unreviewed week is). So this week's
 * comparison always equals what last week's board, township page, pack and wall showed — never
 * today − 7, a weekday no one was shown. When last week was reviewed and a back-dated correction
 * has since changed it, the figures that now differ are listed so the screen can say so.
 */
import { eq } from 'drizzle-orm';
import { reviewedWeeks } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../shared/indicators/index.ts';
import { addDays, HISTORY_START } from '../../../shared/time/dates.ts';
import { isoWeekOf, weekSunday } from '../../../shared/time/weeks.ts';
import { metricsReport, type Indicators, type MetricsReport } from '../metrics/metricsReport.ts';
import type { ReviewBoard, ReviewStamp } from './rankingBoard.ts';

/** A figure of last week that a correction made after it was reviewed has changed. */
export interface PreviousCorrection {
  /** null for the city. */
  townshipCode: string | null;
  name: string;
  indicator: IndicatorKey;
  /** What the week showed (its snapshot) — and what 上周 compares with. */
  shown: number | null;
  /** What its Sunday reads from today's records. */
  now: number | null;
}

export interface ShownPrevious {
  week: string;
  asOf: string;
  /** Set when the previous week was reviewed: its figures are the snapshot's. */
  reviewed: ReviewStamp | null;
  metrics: MetricsReport;
  /** Its frozen board (ranks, composite scores) when reviewed; null when it is recomputed. */
  board: ReviewBoard | null;
  corrections: PreviousCorrection[];
}

/** The week before `week`, or null for the first week of the history. */
export function previousWeekOf(week: string): string | null {
  const sunday = addDays(weekSunday(week), -7);
  return sunday < HISTORY_START ? null : isoWeekOf(sunday);
}

/** Values closer than this are the same figure (floating-point noise from a recomputation). */
const SAME = 1e-9;
const differs = (a: number | null, b: number | null) => (a === null || b === null ? a !== b : Math.abs(a - b) > SAME);

function correctionsOf(shown: MetricsReport, now: MetricsReport): PreviousCorrection[] {
  const out: PreviousCorrection[] = [];
  const compare = (code: string | null, name: string, a: Indicators, b: Indicators | undefined) => {
    for (const key of INDICATOR_KEYS) {
      const before = a[key]?.value ?? null;
      const after = b?.[key]?.value ?? null;
      if (differs(before, after)) out.push({ townshipCode: code, name, indicator: key, shown: before, now: after });
    }
  };
  compare(null, '全市', shown.city.indicators, now.city.indicators);
  const nowByCode = new Map(now.townships.map((t) => [t.code, t]));
  for (const t of shown.townships) compare(t.code, t.name, t.indicators, nowByCode.get(t.code)?.indicators);
  return out;
}

/** The previous week of `week` as it was shown, or null for 2024-W01. */
export async function shownPreviousWeek(db: Db, week: string): Promise<ShownPrevious | null> {
  const previous = previousWeekOf(week);
  if (!previous) return null;
  const asOf = weekSunday(previous);
  const [row] = await db.select().from(reviewedWeeks).where(eq(reviewedWeeks.week, previous));
  if (!row)
    return {
      week: previous,
      asOf,
      reviewed: null,
      metrics: await metricsReport(db, { asOf }),
      board: null,
      corrections: [],
    };
  const snapshot = row.snapshot as { metrics: MetricsReport; board: ReviewBoard };
  const reviewed = { reviewedAt: new Date(row.reviewedAt).toISOString(), reviewedBy: row.reviewedBy };
  const now = await metricsReport(db, { asOf });
  return {
    week: previous,
    asOf,
    reviewed,
    metrics: snapshot.metrics,
    board: snapshot.board,
    corrections: correctionsOf(snapshot.metrics, now),
  };
}

/**
 * The report with each indicator's previousWeek and delta taken from the shown previous week
 * (the engine's own are the value seven days before its date).
 */
export function withShownPrevious(current: MetricsReport, previous: MetricsReport | null): MetricsReport {
  const rewrite = (indicators: Indicators, before: Indicators | undefined): Indicators =>
    Object.fromEntries(
      Object.entries(indicators).map(([key, r]) => {
        const previousWeek = (before as Partial<Indicators> | undefined)?.[key as IndicatorKey]?.value ?? null;
        return [
          key,
          { ...r, previousWeek, delta: r.value !== null && previousWeek !== null ? r.value - previousWeek : null },
        ];
      }),
    ) as Indicators;
  const byCode = new Map(previous?.townships.map((t) => [t.code, t]) ?? []);
  return {
    ...current,
    city: { ...current.city, indicators: rewrite(current.city.indicators, previous?.city.indicators) },
    townships: current.townships.map((t) => ({
      ...t,
      indicators: rewrite(t.indicators, byCode.get(t.code)?.indicators),
    })),
  };
}
