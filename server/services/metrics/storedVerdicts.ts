/**
 * Reports stored before the verdicts said "met or not" first (reviewed weeks' snapshots, version
 * 1) have no `met`, and call a met goal `on_track`. Reading one, the verdict is recomputed from
 * the stored value and goal — the numbers stay exactly as they were shown; only the colour rule
 * changes: a met goal becomes `met`, a standing rule not met `off_track` (no pace), and a value
 * short of a deadline goal keeps its stored pace verdict.
 */
import { INDICATORS, isIndicatorKey } from '../../../shared/indicators/index.ts';
import type { IndicatorReport, MetricsReport, ScopeReport } from './metricsReport.ts';
import { isGoalMet } from './progress.ts';

function upgradeIndicator(key: string, r: IndicatorReport): IndicatorReport {
  if (!isIndicatorKey(key)) return r;
  if (r.value === null || r.target === null) return { ...r, met: null, status: null };
  const meta = INDICATORS[key];
  const met = isGoalMet(meta.direction, r.value, r.target);
  if (met) return { ...r, met, status: 'met' };
  if (meta.goal === 'standing')
    return { ...r, met, status: 'off_track', requiredWeeklyPace: null, projectedDate: null };
  return { ...r, met, status: r.status === 'met' ? 'off_track' : r.status };
}

function upgradeScope<S extends ScopeReport>(scope: S): S {
  const indicators = Object.fromEntries(
    Object.entries(scope.indicators).map(([key, r]) => [key, upgradeIndicator(key, r)]),
  ) as ScopeReport['indicators'];
  return { ...scope, indicators };
}

export function withCurrentVerdicts(report: MetricsReport): MetricsReport {
  return { ...report, city: upgradeScope(report.city), townships: report.townships.map(upgradeScope) };
}
