/**
 * 精细化考评 evaluations and the 美好家园 model compounds.
 *
 * Every compound under management for at least 60 days is evaluated in each round, the
 * company evaluated being the one under contract that day. Quality improves from round to
 * round. In the latest round (the latest evaluation of every compound managed on asOf) the
 * ratings are assigned first, in order of latent quality, for exactly 96 five-star and 76
 * four-star compounds and a few 'fail'; scores are then drawn inside each rating's band.
 */
import type { evaluations } from '../../../../data/schema/index.ts';
import type { Rating } from '../../../../data/schema/service.ts';
import { ratingForScore } from '../../../../data/starRatings.ts';
import type { CompoundPlan } from './compounds.ts';
import { dayNumberOf, toDayNumber, fromDayNumber } from '../../../../shared/time/dates.ts';
import type { PropertyPlan } from './property.ts';
import { clamp, type Random, round1 } from './random.ts';
import type { Round } from './rounds.ts';

export type EvaluationRow = typeof evaluations.$inferInsert;

export const LATEST_FIVE_STAR = 96;
export const LATEST_FOUR_STAR = 76;

const BANDS: Record<Rating, readonly [number, number]> = {
  '5': [90, 98],
  '4': [80, 89.9],
  '3': [70, 79.9],
  '2': [65, 69.9],
  '1': [60, 64.9],
  fail: [55, 59.9],
};

function scoreInBand(rng: Random, rating: Rating): number {
  const [lo, hi] = BANDS[rating];
  return clamp(round1(rng.float(lo, hi)), lo, hi);
}

function safetyFor(rng: Random, score: number): number {
  return clamp(round1(score - 2 + rng.normal(0, 5)), 50, 100);
}

export function generateEvaluations(
  rng: Random,
  compounds: readonly CompoundPlan[],
  rounds: readonly Round[],
  property: PropertyPlan,
  dayOfEvaluation: (round: Round, compound: CompoundPlan) => number,
): EvaluationRow[] {
  const rows: EvaluationRow[] = [];
  const forcedFail = new Map(property.replacements.map((r) => [`${r.roundIndex}/${r.compoundId}`, r]));
  const first = dayNumberOf(2024, 6, 15);
  const span = dayNumberOf(2026, 6, 15) - first;
  const merit = (e: { c: CompoundPlan; companyId: number }) =>
    0.7 * e.c.quality + (property.companyQuality.get(e.companyId) ?? 0);
  rounds.forEach((round, k) => {
    const isLatest = k === rounds.length - 1;
    const evaluated: { c: CompoundPlan; day: number; companyId: number }[] = [];
    for (const c of compounds) {
      const day = dayOfEvaluation(round, c);
      const since = property.managedSince.get(c.row.id);
      const companyId = property.companyOn(c.row.id, day);
      if (since === undefined || companyId === null || since > day - 60 || c.listedDay > day - 60) continue;
      evaluated.push({ c, day, companyId });
    }
    if (!isLatest) {
      const mean = 75 + 7.5 * clamp((round.start - first) / span, 0, 1);
      for (const e of evaluated) {
        const forced = forcedFail.get(`${k}/${e.c.row.id}`);
        const score = forced
          ? scoreInBand(rng, 'fail')
          : clamp(round1(mean + 10 * merit(e) + rng.normal(0, 4)), 55, 98);
        rows.push(row(rng, e, score, ratingForScore(score)));
      }
      return;
    }
    // Latest round: exact rating counts by rank of merit.
    const ranked = evaluated
      .map((e) => ({ e, key: merit(e) + rng.normal(0, 0.45) }))
      .sort((a, b) => b.key - a.key || a.e.c.row.id - b.e.c.row.id);
    const fails = rng.int(3, 6);
    const rest = ranked.length - LATEST_FIVE_STAR - LATEST_FOUR_STAR - fails;
    if (rest < 0) throw new Error(`only ${ranked.length} compounds to evaluate in the latest round`);
    const three = Math.round(rest * 0.78);
    const two = Math.round(rest * 0.14);
    const quota: [Rating, number][] = [
      ['5', LATEST_FIVE_STAR],
      ['4', LATEST_FOUR_STAR],
      ['3', three],
      ['2', two],
      ['1', rest - three - two],
      ['fail', fails],
    ];
    let i = 0;
    for (const [rating, n] of quota) {
      for (let j = 0; j < n; j++, i++) {
        const e = ranked[i]!.e;
        rows.push(row(rng, e, scoreInBand(rng, rating), rating));
      }
    }
  });
  rows.sort((a, b) =>
    a.evaluatedOn < b.evaluatedOn ? -1 : a.evaluatedOn > b.evaluatedOn ? 1 : a.compoundId - b.compoundId,
  );
  return rows;
}

function row(
  rng: Random,
  e: { c: CompoundPlan; day: number; companyId: number },
  score: number,
  rating: Rating,
): EvaluationRow {
  return {
    compoundId: e.c.row.id,
    companyId: e.companyId,
    evaluatedOn: fromDayNumber(e.day),
    score,
    safetyScore: safetyFor(rng, score),
    rating,
  };
}

/**
 * 美好家园: two batches of 70 (October 2024, August 2025) when asOf is past them, chosen among
 * managed compounds by their latest score before the batch.
 */
export function assignModelHomes(
  rng: Random,
  compounds: readonly CompoundPlan[],
  property: PropertyPlan,
  evaluationRows: readonly EvaluationRow[],
  asOf: string,
): void {
  const asOfDay = toDayNumber(asOf);
  const batches = [dayNumberOf(2024, 10, rng.int(10, 28)), dayNumberOf(2025, 8, rng.int(10, 28))];
  const chosen = new Set<number>();
  for (const batch of batches) {
    if (batch > asOfDay) continue;
    const latestScore = new Map<number, number>();
    for (const e of evaluationRows) if (toDayNumber(e.evaluatedOn) < batch) latestScore.set(e.compoundId, e.score);
    const candidates = compounds
      .filter((c) => !chosen.has(c.row.id) && c.listedDay <= batch && property.companyOn(c.row.id, batch) !== null)
      .map((c) => ({ c, key: (latestScore.get(c.row.id) ?? 75) / 10 + c.quality + rng.normal(0, 0.5) }))
      .sort((a, b) => b.key - a.key || a.c.row.id - b.c.row.id)
      .slice(0, 70);
    for (const { c } of candidates) {
      chosen.add(c.row.id);
      c.row.modelHomeSince = fromDayNumber(batch);
    }
  }
}
