/** Reviewed weeks frozen before "met first": their verdicts are read with today's rule, numbers untouched. */
import { describe, expect, it } from 'vitest';
import type { IndicatorReport, MetricsReport } from '../../../../server/services/metrics/metricsReport.ts';
import { withCurrentVerdicts } from '../../../../server/services/metrics/storedVerdicts.ts';

const stored = (value: number | null, target: number | null, status: string | null) =>
  ({
    value,
    target,
    status,
    numerator: 1,
    denominator: 2,
    requiredWeeklyPace: 0.01,
    projectedDate: '2026-01-04',
  }) as unknown as IndicatorReport;

function report(indicators: Record<string, IndicatorReport>): MetricsReport {
  return {
    asOf: '2025-06-01',
    week: '2025-W22',
    city: { indicators, secondary: {} },
    townships: [],
  } as unknown as MetricsReport;
}

describe('verdicts of a stored report', () => {
  it.each([
    ['committeeRate', 0.96, 0.95, 'on_track', true, 'met'],
    ['committeeRate', 0.9, 0.95, 'on_track', false, 'on_track'],
    ['petitionRate', 0.93, 0.8, 'on_track', false, 'on_track'],
    ['petitionRate', 0.7, 0.8, 'on_track', true, 'met'],
    ['deliberationCoverage', 0.864, 1, 'on_track', false, 'off_track'],
    ['deliberationCoverage', 1, 1, 'on_track', true, 'met'],
    ['serviceQuality', null, 0.7, null, null, null],
  ] as const)('%s %s vs %s stored as %s → met %s, %s', (key, value, target, old, met, status) => {
    const upgraded = withCurrentVerdicts(report({ [key]: stored(value, target, old) })).city.indicators[key];
    expect(upgraded).toMatchObject({ value, target, met, status, numerator: 1, denominator: 2 });
  });
});
