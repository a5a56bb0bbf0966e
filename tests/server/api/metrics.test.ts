/** The metrics procedures as a client calls them: answers, and BAD_REQUEST in Chinese for bad input. */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsReport } from '../../../server/services/metrics/metricsReport.ts';
import { FIXTURE_AS_OF } from '../../support/constants.ts';
import { callerAs, type Caller } from '../../support/callers.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

describe('metrics procedures', () => {
  let database: TestDatabase;
  let caller: Caller;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
    caller = await callerAs(database, 'admin');
  });
  afterAll(() => database?.dispose());

  it('answers a week with the values of its Sunday', async () => {
    const byWeek = await caller.metrics.report({ week: '2025-W10' });
    expect(byWeek.asOf).toBe('2025-03-09');
    expect(byWeek).toEqual(await metricsReport(database.db, { asOf: '2025-03-09' }));
  });

  it('says met or not first for every scope, and a value short of its goal is never met', async () => {
    const report = await caller.metrics.report({ week: '2024-W30' });
    const scopes = [report.city, ...report.townships];
    const statuses = new Set<string | null>();
    for (const scope of scopes)
      for (const r of Object.values(scope.indicators)) {
        statuses.add(r.status);
        if (r.value === null || r.target === null) {
          expect({ met: r.met, status: r.status }).toEqual({ met: null, status: null });
          continue;
        }
        expect(r.status === 'met', `${r.value} vs ${r.target}: met ⇔ status met`).toBe(r.met);
        if (r.met === false) expect(['on_track', 'at_risk', 'off_track']).toContain(r.status);
      }
    expect(statuses.has('met'), 'some goals are met in mid-2024').toBe(true);
    expect(
      [...statuses].some((s) => s !== 'met' && s !== null),
      'and some are not',
    ).toBe(true);
  });

  it('gives the weekly series from 2024-W01, whose values equal the single-date report', async () => {
    const series = await caller.metrics.series({ townshipCode: '350582107' });
    expect(series.weeks[0]).toEqual({ week: '2024-W01', date: '2024-01-07' });
    const i = series.weeks.findIndex((w) => w.week === '2025-W20');
    const report = await metricsReport(database.db, { asOf: series.weeks[i]!.date, townshipCode: '350582107' });
    for (const [key, values] of Object.entries(series.townships[0]!.values)) {
      expect(values[i], key).toBe(report.townships[0]!.indicators[key as keyof typeof report.city.indicators].value);
    }
  });

  it('drills through to compounds', async () => {
    const drill = await caller.metrics.drill({
      indicator: 'committeeRate',
      asOf: '2024-06-30',
      townshipCode: '350582101',
    });
    expect(drill.compounds.length, 'the township has compounds to list').toBeGreaterThan(0);
    expect(drill.compounds.every((c) => c.townshipName === '安海镇')).toBe(true);
    expect(drill.numerator).toBe(drill.compounds.filter((c) => c.inNumerator).length);
  });

  it.each([
    [{ townshipCode: '350582999' }, /未知镇街代码：350582999/],
    [{ week: '2025-W7' }, /周次无效/],
    [{ week: '2025-W53' }, /没有第 53 周/],
    [{ asOf: '2023-12-31' }, /早于数据起始日/],
    [{ asOf: '2099-01-01' }, /晚于今天/],
    [{ asOf: '2025-02-30' }, /无效/],
    [{ asOf: FIXTURE_AS_OF, week: '2025-W10' }, /只能给一个/],
  ])('refuses %j with BAD_REQUEST and a Chinese message', async (input, message) => {
    const error = await caller.metrics.report(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(message);
  });

  it('refuses an unknown indicator', async () => {
    const error = await caller.metrics.drill({ indicator: 'happiness' as never }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });
});
