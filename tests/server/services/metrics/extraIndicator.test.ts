/**
 * An indicator is one module: a sixth indicator, defined here over records the engine already
 * counts (红色业委会占比: compounds whose owners' committee in office has a party majority), is
 * given to the engine, drill-through and the review board as a list beside the five — no core
 * file knows it — and comes out of each, agreeing with a naive recomputation from raw rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES } from '../../../../data/review-rules.ts';
import { isPartyMajority } from '../../../../shared/indicators/committeeRate.ts';
import { INDICATOR_LIST } from '../../../../shared/indicators/index.ts';
import { drillThrough } from '../../../../server/services/metrics/drillThrough.ts';
import { DEFAULT_INDICATORS, type ServerIndicator } from '../../../../server/services/metrics/indicators/index.ts';
import { rateContribution } from '../../../../server/services/metrics/indicators/types.ts';
import { fixedReason, reasonKinds, sayer } from '../../../../shared/indicators/reasons.ts';
import {
  metricsReport,
  type IndicatorReport,
  type MetricsReport,
} from '../../../../server/services/metrics/metricsReport.ts';
import { buildBoard, type BoardIndicator, type ReviewBoard } from '../../../../server/services/review/rankingBoard.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { loadRawCity, type RawCity } from '../../../support/reference.ts';

/** Its reasons, in both languages, as every indicator declares them. */
const RED_REASONS = reasonKinds({
  red: fixedReason('党员过半', 'Party majority'),
  notRed: fixedReason('非红色业委会', 'Not a party-majority committee'),
});
const say = sayer(RED_REASONS);

const RED_COMMITTEE = {
  key: 'redCommitteeRate',
  name: '红色业委会占比',
  nameEn: 'Party-majority committees',
  names: {
    'zh-CN': { full: '红色业委会占比', short: '红色业委会', column: '红委' },
    en: { full: 'Party-majority committees', short: 'Red committees', column: 'Red' },
  },
  direction: 'up',
  unit: 'rate',
  target: 'rate',
  goal: 'deadline',
  numeratorLabel: '党员过半的在任业委会',
  denominatorLabel: '在册小区',
  noDenominatorReason: '没有在册小区，无法计算',
  reasons: RED_REASONS,
  pack: {
    short: '红色业委会',
    numeratorHeader: '分子计数',
    denominatorHeader: '分母计数',
    unitNote: '',
    chartNote: '',
  },
  packEn: {
    numeratorLabel: 'party-majority committees in office',
    denominatorLabel: 'registered compounds',
    noDenominatorReason: 'no registered compounds: cannot be computed',
    numeratorHeader: 'Numerator count',
    denominatorHeader: 'Denominator count',
    unitNote: '',
    chartNote: '',
  },
  fraction: (c) => [c.partyMajorityCommittees, c.compounds],
  classify: (c) => rateContribution(c.committeePartyMajority, say(c.committeePartyMajority ? 'red' : 'notRed')),
} as const satisfies ServerIndicator;

const SIX = [...DEFAULT_INDICATORS, RED_COMMITTEE];
const KEY = RED_COMMITTEE.key;
const PREVIOUS_AS_OF = '2026-11-18';

/** The naive definition: the latest-formed term in office on D has party members ≥ half. */
function referenceRedCommittees(raw: RawCity, d: string, townshipCode: string | null) {
  const inScope = raw.compounds.filter(
    (c) => c.listedOn <= d && (townshipCode === null || c.townshipCode === townshipCode),
  );
  const red = inScope.filter((c) => {
    const term = raw.committees
      .filter((x) => x.compoundId === c.id && x.formedOn <= d && d < x.termEnd && (x.endedOn == null || d < x.endedOn))
      .sort((a, b) => (a.formedOn === b.formedOn ? b.id - a.id : a.formedOn < b.formedOn ? 1 : -1))[0];
    return term !== undefined && isPartyMajority(term.members, term.partyMembers);
  });
  return { numerator: red.length, denominator: inScope.length };
}

/** The report's indicators by key, the added one included. */
const byKey = (indicators: Record<string, IndicatorReport>) => indicators;
const boardByKey = (indicators: Record<string, BoardIndicator>) => indicators;

describe.each(availableBackends())('an indicator added as a module (%s)', (kind) => {
  let database: TestDatabase;
  let raw: RawCity;
  let report: MetricsReport;
  let previous: MetricsReport;
  let board: ReviewBoard;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    raw = await loadRawCity(database.db);
    report = await metricsReport(database.db, { asOf: FIXTURE_AS_OF, indicators: SIX });
    previous = await metricsReport(database.db, { asOf: PREVIOUS_AS_OF, indicators: SIX });
    board = buildBoard({
      week: '2026-W48',
      asOf: FIXTURE_AS_OF,
      previousAsOf: PREVIOUS_AS_OF,
      demo: false,
      rules: DEFAULT_REVIEW_RULES,
      current: report,
      previous,
      indicators: [...INDICATOR_LIST, RED_COMMITTEE],
    });
  });
  afterAll(() => database?.dispose());

  it('is computed by the engine for the city and every township, as the raw records say', () => {
    const scopes = [{ code: null, indicators: report.city.indicators }, ...report.townships];
    for (const scope of scopes) {
      const got = byKey(scope.indicators)[KEY];
      const want = referenceRedCommittees(raw, FIXTURE_AS_OF, scope.code);
      const label = `${scope.code ?? 'city'} ${KEY}`;
      expect(got, label).toBeDefined();
      expect({ numerator: got!.numerator, denominator: got!.denominator }, label).toEqual(want);
      expect(got!.value, label).toBeCloseTo(want.numerator / want.denominator, 12);
    }
    const city = byKey(report.city.indicators)[KEY]!;
    expect(city.numerator, 'some committees are party-majority, some are not').toBeGreaterThan(0);
    expect(city.numerator).toBeLessThan(city.denominator);
    const ranks = report.townships.map((t) => byKey(t.indicators)[KEY]!.rank);
    expect(ranks.filter((r) => r === 1).length, 'a township ranks first').toBeGreaterThan(0);
  });

  it('leaves the five as they are without it', async () => {
    const five = await metricsReport(database.db, { asOf: FIXTURE_AS_OF });
    expect(byKey(five.city.indicators)[KEY]).toBeUndefined();
    const { [KEY]: _added, ...rest } = byKey(report.city.indicators);
    expect(rest).toEqual(five.city.indicators);
  });

  it('drills through to exactly the compounds behind the engine figure', async () => {
    for (const code of [null, report.townships[0]!.code]) {
      const drill = await drillThrough(database.db, {
        indicator: KEY,
        asOf: FIXTURE_AS_OF,
        indicators: SIX,
        ...(code ? { townshipCode: code } : {}),
      });
      const engine = code === null ? byKey(report.city.indicators)[KEY]! : byKey(report.townships[0]!.indicators)[KEY]!;
      expect(drill.indicator).toBe(KEY);
      expect({ numerator: drill.numerator, denominator: drill.denominator }, `${code ?? 'city'}`).toEqual({
        numerator: engine.numerator,
        denominator: engine.denominator,
      });
      const red = drill.compounds.filter((c) => c.inNumerator);
      expect(red.length).toBe(engine.numerator);
      expect(new Set(red.map((c) => c.reason))).toEqual(new Set(['党员过半']));
    }
  });

  it('is on the review board: ranks, last week, movers and the city', () => {
    for (const t of board.townships) {
      const engine = byKey(report.townships.find((r) => r.code === t.code)!.indicators)[KEY]!;
      const onBoard = boardByKey(t.indicators)[KEY];
      expect(onBoard, t.code).toBeDefined();
      expect(onBoard!.value, t.code).toBe(engine.value);
      expect(onBoard!.rank, t.code).toBe(engine.rank);
      const before = byKey(previous.townships.find((r) => r.code === t.code)!.indicators)[KEY]!;
      expect(onBoard!.previousRank, t.code).toBe(before.rank);
      expect(onBoard!.score, `${t.code} scores a rate as value × 100`).toBeCloseTo((engine.value ?? 0) * 100, 9);
    }
    const city = (board.city as Record<string, { value: number | null }>)[KEY];
    expect(city?.value).toBe(byKey(report.city.indicators)[KEY]!.value);
    expect((board.movers.indicators as Record<string, unknown>)[KEY]).toBeDefined();
  });
});
