/**
 * The Chinese summary: every number written in every sentence is read back out of the text and
 * compared with the engine's figure (metricsReport, and the composite recomputed independently).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_RULES } from '../../../../data/review-rules.ts';
import { INDICATORS } from '../../../../shared/indicators/index.ts';
import { metricsReport, type MetricsReport } from '../../../../server/services/metrics/metricsReport.ts';
import type { ReviewBoard } from '../../../../server/services/review/rankingBoard.ts';
import { openReviewWeek } from '../../../../server/services/review/reviewedWeeks.ts';
import type { Sentence } from '../../../../server/services/review/summarySentences.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { KEYS, referenceComposite, type Key } from './reviewReference.ts';

/** The numbers in a sentence, in the order written. */
const numbersIn = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
/** As the product writes them: percentages and points with one decimal, petitions with two. */
const shown = (key: Key, v: number) =>
  Number((key === 'petitionRate' ? v : v * 100).toFixed(key === 'petitionRate' ? 2 : 1));
const shownDelta = (key: Key, d: number) => Math.abs(shown(key, d));

describe.each(availableBackends())('summary sentences (%s)', (kind) => {
  let database: TestDatabase;
  const weeks = new Map<string, { board: ReviewBoard; report: MetricsReport; lastWeek: MetricsReport }>();

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    for (const week of ['2026-W46', '2025-W22']) {
      const board = await (await openReviewWeek(database.db, week, { today: FIXTURE_AS_OF })).board();
      weeks.set(week, {
        board,
        report: await metricsReport(database.db, { asOf: board.asOf }),
        lastWeek: await metricsReport(database.db, { asOf: board.previousAsOf! }),
      });
    }
  });
  afterAll(() => database?.dispose());

  it.each(['2026-W46', '2025-W22'])('writes every city figure of %s as the engine computed it', (week) => {
    const { board, report } = weeks.get(week)!;
    const composite = referenceComposite(report, DEFAULT_REVIEW_RULES.composite.weights);
    const city = board.summary.city;
    for (const key of KEYS) {
      const sentence = city.find((s) => s.facts.kind === 'cityIndicator' && s.facts.indicator === key)!;
      const { value, delta } = report.city.indicators[key];
      expect(sentence.facts, sentence.text).toMatchObject({ value, delta });
      expect(sentence.text).toContain(`全市${INDICATORS[key].name}为`);
      const moved = shownDelta(key, delta!) !== 0;
      expect(numbersIn(sentence.text), sentence.text).toEqual(
        moved ? [shown(key, value!), shownDelta(key, delta!)] : [shown(key, value!)],
      );
      const up = key === 'petitionRate' ? '增加' : '提升';
      const down = key === 'petitionRate' ? '减少' : '下降';
      expect(sentence.text).toContain(!moved ? '与上周持平' : delta! > 0 ? `较上周${up}` : `较上周${down}`);
      // Met or not first, never "met" for a value short of its goal.
      const { met, status } = report.city.indicators[key];
      expect(sentence.text.includes('已达标'), sentence.text).toBe(met === true);
      if (met === false) expect(sentence.text, sentence.text).toMatch(/未达标/);
      if (key === 'deliberationCoverage' && met === false) expect(sentence.text).not.toMatch(/进度|按期/);
      if (status === 'off_track' && key !== 'deliberationCoverage') expect(sentence.text).toContain('进度滞后');
      if (key === 'petitionRate') expect(sentence.text).toMatch(/为每千户\d+\.\d{2}件/);
      else expect(sentence.text).toMatch(/为\d+\.\d%/);
    }
    const leaders = city.find((s) => s.facts.kind === 'cityLeaders')!;
    const top = board.townships.filter((t) => composite.get(t.code)!.rank! <= 3);
    expect(numbersIn(leaders.text)).toEqual(top.map((t) => Number(composite.get(t.code)!.score!.toFixed(1))));
    for (const t of top) expect(leaders.text).toContain(t.name);
    const lists = city.find((s) => s.facts.kind === 'cityLists')!;
    expect(numbersIn(lists.text)).toEqual([]);
    for (const e of [...board.redList, ...board.blackList]) expect(lists.text).toContain(e.name);
  });

  it.each(['2026-W46', '2025-W22'])(
    "writes each township's composite standing and largest movement in %s as the engine computed them",
    (week) => {
      const { board, report, lastWeek } = weeks.get(week)!;
      const now = referenceComposite(report, DEFAULT_REVIEW_RULES.composite.weights);
      const before = referenceComposite(lastWeek, DEFAULT_REVIEW_RULES.composite.weights);
      let movements = 0;
      for (const t of report.townships) {
        const [standing, movement] = board.summary.townships[t.code]! as [Sentence, Sentence];
        // "陈埭镇综合得分80.4分，列第11位，较上周下降2位。"
        const rank = now.get(t.code)!.rank!;
        const change = before.get(t.code)!.rank! - rank;
        expect(standing.text.startsWith(`${t.name}综合得分`), standing.text).toBe(true);
        expect(numbersIn(standing.text), standing.text).toEqual([
          Number(now.get(t.code)!.score!.toFixed(1)),
          rank,
          ...(change ? [Math.abs(change)] : []),
        ]);
        expect(standing.text).toContain(change > 0 ? '上升' : change < 0 ? '下降' : '与上周持平');
        expect(standing.facts).toMatchObject({ township: t.code, indicator: 'composite', rank, rankChange: change });

        if (movement.facts.kind === 'townshipSteady') continue;
        movements++;
        // "陈埭镇业委会组建率较上周提升3.2个百分点（至85.0%），排名上升2位至第5位。"
        const key = movement.facts.indicator as Key;
        const r = t.indicators[key];
        const previousRank = lastWeek.townships.find((x) => x.code === t.code)!.indicators[key].rank!;
        const rankMove = previousRank - r.rank!;
        expect(movement.facts).toMatchObject({
          township: t.code,
          value: r.value,
          delta: r.delta,
          rank: r.rank,
          rankChange: rankMove,
        });
        expect(movement.text.startsWith(`${t.name}${INDICATORS[key].name}`), movement.text).toBe(true);
        const moved = shownDelta(key, r.delta!) !== 0;
        expect(numbersIn(movement.text), movement.text).toEqual([
          ...(moved ? [shownDelta(key, r.delta!)] : []),
          shown(key, r.value!),
          ...(rankMove ? [Math.abs(rankMove)] : []),
          r.rank!,
        ]);
        if (rankMove)
          expect(movement.text).toContain(
            `排名${rankMove > 0 ? '上升' : '下降'}${Math.abs(rankMove)}位至第${r.rank}位`,
          );
        // It is the indicator whose rank moved most.
        const rankMoves = KEYS.map((k) =>
          Math.abs(lastWeek.townships.find((x) => x.code === t.code)!.indicators[k].rank! - t.indicators[k].rank!),
        );
        expect(Math.abs(rankMove), movement.text).toBe(Math.max(...rankMoves));
      }
      expect(movements, 'some townships moved').toBeGreaterThan(0);
    },
  );
});
