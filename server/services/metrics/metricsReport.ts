/**
 * The engine's main answer: the five indicators for the city and every township as of a day,
 * each with its goal, last week's value, rank and progress. Shape shared by tRPC, the CLI
 * (`onemap metrics`) and every screen.
 */
import { asc } from 'drizzle-orm';
import { townships as townshipsTable } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { addDays, daysBetween, HISTORY_START } from '../../../shared/time/dates.ts';
import { isoWeekOf } from '../../../shared/time/weeks.ts';
import { cachedCounts } from './countsCache.ts';
import type { IndicatorKey } from '../../../shared/indicators/index.ts';
import { addCounts, EMPTY_COUNTS, type ScopeCounts } from './indicatorCounts.ts';
import { valueOfCounts } from './indicatorValues.ts';
import { DEFAULT_INDICATORS, type ServerIndicator } from './indicators/index.ts';
import { progressAgainstGoal, TRAILING_WEEKS, type ProgressStatus } from './progress.ts';
import { rankScopes } from './ranking.ts';
import { applicableTarget, loadTargets, type Target } from './targets.ts';

export interface IndicatorReport {
  value: number | null;
  numerator: number;
  denominator: number;
  target: number | null;
  deadline: string | null;
  targetSource: 'published' | 'assumed' | null;
  previousWeek: number | null;
  delta: number | null;
  /** Among the 19 townships, 1 = best; null for the city or when not computable. */
  rank: number | null;
  requiredWeeklyPace: number | null;
  projectedDate: string | null;
  /** The value meets its goal; null without a value or a goal. */
  met: boolean | null;
  /** `met`, else the pace verdict (progress.ts); null without a value or a goal. */
  status: ProgressStatus | null;
  reason?: string;
}

export type Indicators = Record<IndicatorKey, IndicatorReport>;

export interface SecondaryFigures {
  compounds: number;
  households: number;
  committeesInOffice: number;
  partyMajorityCommittees: number;
  chairIsSecretary: number;
  managed: number;
  openIssues: number;
  overdueIssues: number;
  ratings: ScopeCounts['ratings'];
  notEvaluated: number;
  modelHomes: number;
}

export interface ScopeReport {
  indicators: Indicators;
  secondary: SecondaryFigures;
}

export interface TownshipReport extends ScopeReport {
  code: string;
  name: string;
}

export interface MetricsReport {
  asOf: string;
  week: string;
  city: ScopeReport;
  townships: TownshipReport[];
}

function secondary(c: ScopeCounts): SecondaryFigures {
  return {
    compounds: c.compounds,
    households: c.households,
    committeesInOffice: c.withCommittee,
    partyMajorityCommittees: c.partyMajorityCommittees,
    chairIsSecretary: c.chairIsSecretary,
    managed: c.managed,
    openIssues: c.openIssues,
    overdueIssues: c.overdueIssues,
    ratings: c.ratings,
    notEvaluated: c.managed - c.managedEvaluated,
    modelHomes: c.modelHomes,
  };
}

const sumCounts = (all: Iterable<ScopeCounts>) => [...all].reduce(addCounts, EMPTY_COUNTS);

export interface MetricsOptions {
  asOf: string;
  townshipCode?: string;
  /** Targets to judge by instead of the stored ones (an administrator's preview of a change). */
  targets?: readonly Target[];
  /** The indicators to report (the five by default; a test adds one). */
  indicators?: readonly ServerIndicator[];
}

export async function metricsReport(db: Db, options: MetricsOptions): Promise<MetricsReport> {
  const { asOf } = options;
  const list = options.indicators ?? DEFAULT_INDICATORS;
  const previousDate = addDays(asOf, -7);
  const trailingDate = [addDays(asOf, -7 * TRAILING_WEEKS), HISTORY_START].sort().at(-1)!;
  const trailingWeeks = daysBetween(trailingDate, asOf) / 7;
  const dates = [asOf, trailingDate, ...(previousDate >= HISTORY_START ? [previousDate] : [])];
  const [counts, allTargets, townshipRows] = await Promise.all([
    cachedCounts(db, dates),
    options.targets ?? loadTargets(db),
    db
      .select({ code: townshipsTable.code, name: townshipsTable.name })
      .from(townshipsTable)
      .orderBy(asc(townshipsTable.code)),
  ]);
  const now = counts.get(asOf)!;
  const previous = counts.get(previousDate) ?? null;
  const trailing = counts.get(trailingDate)!;

  const scopeCounts = (map: Map<string, ScopeCounts> | null, code: string | null): ScopeCounts | null =>
    map === null ? null : code === null ? sumCounts(map.values()) : (map.get(code) ?? EMPTY_COUNTS);

  const ranks = new Map(
    list.map((indicator) => [
      indicator.key,
      rankScopes(
        new Map(townshipRows.map((t) => [t.code, valueOfCounts(indicator, now.get(t.code) ?? EMPTY_COUNTS).value])),
        indicator.direction,
      ),
    ]),
  );

  const scopeReport = (code: string | null): ScopeReport => {
    const c = scopeCounts(now, code)!;
    const p = scopeCounts(previous, code);
    const tr = scopeCounts(trailing, code)!;
    const indicators = Object.fromEntries(
      list.map((indicator) => [
        indicator.key,
        indicatorReport(
          indicator,
          c,
          p,
          tr,
          trailingWeeks,
          applicableTarget(allTargets, indicator.key, code, asOf),
          asOf,
          code === null ? null : (ranks.get(indicator.key)!.get(code) ?? null),
        ),
      ]),
    ) as Indicators;
    return { indicators, secondary: secondary(c) };
  };

  const wanted = options.townshipCode ? townshipRows.filter((t) => t.code === options.townshipCode) : townshipRows;
  return {
    asOf,
    week: isoWeekOf(asOf),
    city: scopeReport(null),
    townships: wanted.map((t) => ({ code: t.code, name: t.name, ...scopeReport(t.code) })),
  };
}

function indicatorReport(
  indicator: ServerIndicator,
  now: ScopeCounts,
  previous: ScopeCounts | null,
  trailing: ScopeCounts,
  trailingWeeks: number,
  target: Target | null,
  asOf: string,
  rank: number | null,
): IndicatorReport {
  const current = valueOfCounts(indicator, now);
  const previousWeek = previous ? valueOfCounts(indicator, previous).value : null;
  const progress = progressAgainstGoal({
    direction: indicator.direction,
    goal: indicator.goal,
    asOf,
    value: current.value,
    trailingValue: valueOfCounts(indicator, trailing).value,
    trailingWeeks,
    target,
  });
  return {
    value: current.value,
    numerator: current.numerator,
    denominator: current.denominator,
    target: target?.value ?? null,
    deadline: target?.deadline ?? null,
    targetSource: target?.source ?? null,
    previousWeek,
    delta: current.value !== null && previousWeek !== null ? current.value - previousWeek : null,
    rank,
    ...progress,
    ...(current.reason ? { reason: current.reason } : {}),
  };
}
