/**
 * A value that cannot be computed (no denominator) says why in the reader's language: the township
 * page shows the reason under its figure. Built the way the engine builds it (valueOfFraction with
 * a zero denominator), for every indicator.
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS, INDICATOR_KEYS } from '../../../../shared/indicators/index.ts';
import { valueOfFraction } from '../../../../shared/indicators/values.ts';
import { indicatorsIn } from '../../../../server/services/metrics/indicatorsIn.ts';
import type { Indicators, IndicatorReport } from '../../../../server/services/metrics/metricsReport.ts';

const HAN = /\p{Script=Han}/u;

function reportWithoutDenominator(): Indicators {
  const entries = INDICATOR_KEYS.map((key) => {
    const { value: shown, numerator, denominator, reason } = valueOfFraction(INDICATORS[key], 0, 0);
    const report: IndicatorReport = {
      value: shown,
      numerator,
      denominator,
      ...(reason === undefined ? {} : { reason }),
      target: null,
      deadline: null,
      targetSource: null,
      previousWeek: null,
      delta: null,
      rank: null,
      requiredWeeklyPace: null,
      projectedDate: null,
      met: null,
      status: null,
    };
    return [key, report] as const;
  });
  return Object.fromEntries(entries) as Indicators;
}

describe('an indicator without a denominator, in the reader’s language', () => {
  it('says why in English, and in Chinese exactly as the engine wrote it', () => {
    const engine = reportWithoutDenominator();
    const en = indicatorsIn(engine, 'en');
    const zh = indicatorsIn(engine, 'zh-CN');
    for (const key of INDICATOR_KEYS) {
      expect(engine[key].reason, key).toMatch(HAN);
      expect(en[key].reason, key).toBe(
        INDICATORS[key].packEn.noDenominatorReason.replace(/^./, (c) => c.toUpperCase()),
      );
      expect(en[key].reason, key).not.toMatch(HAN);
      expect(en[key].value, key).toBeNull();
      expect(zh[key]).toEqual(engine[key]);
    }
  });
});
