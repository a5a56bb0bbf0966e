/** 精细化考评: half-yearly rounds, exact star counts on asOf, quality improving over time. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoCity, generateDemoCity } from '../../../../../server/services/seed/demoCity/index.ts';

const AS_OF = '2026-11-25';
let city: DemoCity;
beforeAll(() => {
  city = generateDemoCity({ seed: 1, asOf: AS_OF });
});

type Evaluation = DemoCity['evaluations'][number];
const companyOn = (compoundId: number, day: string) =>
  city.propertyContracts.find((k) => k.compoundId === compoundId && k.startOn <= day && (!k.endOn || day < k.endOn))
    ?.companyId ?? null;
const stars = (score: number) =>
  score >= 90 ? '5' : score >= 80 ? '4' : score >= 70 ? '3' : score >= 65 ? '2' : score >= 60 ? '1' : 'fail';

function meanIn(month: string): number {
  const xs = city.evaluations.filter((e) => e.evaluatedOn.startsWith(month)).map((e) => e.score);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
const fails = (month: string) =>
  city.evaluations.filter((e) => e.evaluatedOn.startsWith(month) && e.rating === 'fail').length;

function latestOnOrBefore(day: string): Map<number, Evaluation> {
  const latest = new Map<number, Evaluation>();
  for (const e of city.evaluations) {
    if (e.evaluatedOn > day) continue;
    const prev = latest.get(e.compoundId);
    if (!prev || prev.evaluatedOn <= e.evaluatedOn) latest.set(e.compoundId, e);
  }
  return latest;
}

describe('evaluations', () => {
  it('gives exactly 96 five-star and 76 four-star compounds on asOf, a few fail', () => {
    const managed = new Set(
      city.propertyContracts
        .filter((k) => k.startOn <= AS_OF && (!k.endOn || AS_OF < k.endOn))
        .map((k) => k.compoundId),
    );
    const latest = [...latestOnOrBefore(AS_OF).entries()].filter(([id]) => managed.has(id)).map(([, e]) => e);
    const count = (r: string) => latest.filter((e) => e.rating === r).length;
    expect(count('5')).toBe(96);
    expect(count('4')).toBe(76);
    expect(count('fail')).toBeGreaterThanOrEqual(3);
    expect(count('fail')).toBeLessThanOrEqual(6);
    expect(count('3')).toBeGreaterThan(count('2') + count('1'));
    // Some recently managed compounds have no evaluation yet.
    expect(latest.length).toBeLessThan(managed.size);
    expect(latest.length).toBeGreaterThan(managed.size - 10);
  });
  it('holds half-yearly rounds in June and December, plus a latest round shortly before asOf', () => {
    const months = new Set(city.evaluations.map((e) => e.evaluatedOn.slice(0, 7)));
    for (const m of ['2024-06', '2024-12', '2025-06', '2025-12', '2026-06']) expect(months.has(m), m).toBe(true);
    const last = city.evaluations
      .map((e) => e.evaluatedOn)
      .sort()
      .at(-1)!;
    expect((Date.parse(AS_OF) - Date.parse(last)) / 864e5).toBeLessThanOrEqual(30);
    expect(city.evaluations.filter((e) => e.evaluatedOn < '2024-06-01')).toEqual([]);
    // Once per compound per round at most.
    const perRound = new Set(
      city.evaluations.map(
        (e) =>
          `${e.compoundId}/${e.evaluatedOn.slice(0, 4)}-${e.evaluatedOn.slice(5, 7) <= '06' ? 'H1' : e.evaluatedOn.slice(5, 7) === '12' ? 'Dec' : 'latest'}`,
      ),
    );
    expect(perRound.size).toBe(city.evaluations.length);
  });
  it('evaluates only managed compounds, naming the company under contract that day', () => {
    expect(city.evaluations.filter((e) => e.companyId !== companyOn(e.compoundId, e.evaluatedOn))).toEqual([]);
  });
  it('has scores 55–98 with stars by score, safety 50–100 and correlated', () => {
    expect(city.evaluations.filter((e) => e.score < 55 || e.score > 98 || e.rating !== stars(e.score))).toEqual([]);
    expect(city.evaluations.filter((e) => e.safetyScore < 50 || e.safetyScore > 100)).toEqual([]);
    const n = city.evaluations.length;
    const mx = city.evaluations.reduce((s, e) => s + e.score, 0) / n;
    const my = city.evaluations.reduce((s, e) => s + e.safetyScore, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (const e of city.evaluations) {
      sxy += (e.score - mx) * (e.safetyScore - my);
      sxx += (e.score - mx) ** 2;
      syy += (e.safetyScore - my) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.7);
  });
  it('improves over time', () => {
    expect(meanIn('2025-06')).toBeGreaterThan(meanIn('2024-06') + 2);
    expect(meanIn('2026-06')).toBeGreaterThan(meanIn('2025-06'));
    expect(fails('2024-06')).toBeGreaterThan(fails('2026-06'));
  });
});
