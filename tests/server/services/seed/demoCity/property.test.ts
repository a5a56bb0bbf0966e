/** Property management: 286 managed compounds, 111 active companies, replacements after failing evaluations. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoCity, generateDemoCity } from '../../../../../server/services/seed/demoCity/index.ts';

const AS_OF = '2026-11-25';
let city: DemoCity;
let early: DemoCity;
beforeAll(() => {
  city = generateDemoCity({ seed: 1, asOf: AS_OF });
  early = generateDemoCity({ seed: 1, asOf: '2024-01-15' });
});

const inForce = (c: DemoCity, day: string) =>
  c.propertyContracts.filter((k) => k.startOn <= day && (!k.endOn || day < k.endOn));

describe('property management on asOf', () => {
  it('has 286 compounds under management, served by exactly 111 companies', () => {
    for (const [c, day] of [
      [city, AS_OF],
      [early, '2024-01-15'],
    ] as const) {
      const contracts = inForce(c, day);
      expect(new Set(contracts.map((k) => k.compoundId)).size).toBe(286);
      expect(new Set(contracts.map((k) => k.companyId)).size).toBe(111);
    }
  });
  it('never has two contracts in force for one compound on the same day', () => {
    const byCompound = new Map<number, { startOn: string; endOn?: string | null }[]>();
    for (const k of city.propertyContracts) byCompound.set(k.compoundId, [...(byCompound.get(k.compoundId) ?? []), k]);
    for (const list of byCompound.values()) {
      const sorted = list.slice().sort((a, b) => (a.startOn < b.startOn ? -1 : 1));
      for (let i = 1; i < sorted.length; i++)
        expect(sorted[i - 1]!.endOn !== null && sorted[i - 1]!.endOn! <= sorted[i]!.startOn).toBe(true);
    }
  });
  it('leaves mostly old housing unmanaged', () => {
    const managed = new Set(inForce(city, AS_OF).map((k) => k.compoundId));
    const unmanaged = city.compounds.filter((c) => !managed.has(c.id));
    expect(unmanaged).toHaveLength(61);
    expect(unmanaged.filter((c) => c.kind === 'old').length / unmanaged.length).toBeGreaterThan(0.6);
    expect(unmanaged.filter((c) => c.kind === 'commercial').length).toBeLessThanOrEqual(5);
  });
  it('lets a few companies serve many compounds', () => {
    const counts = new Map<number, number>();
    for (const k of inForce(city, AS_OF)) counts.set(k.companyId, (counts.get(k.companyId) ?? 0) + 1);
    const sizes = [...counts.values()].sort((a, b) => b - a);
    expect(sizes[0]).toBeGreaterThanOrEqual(12);
    expect(sizes.filter((n) => n >= 5).length).toBeGreaterThanOrEqual(5);
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThanOrEqual(30);
  });
});

describe('companies replaced after a failing evaluation', () => {
  it('ends 9–12 contracts after a failing evaluation; the removed companies serve nothing on asOf', () => {
    const ended = city.propertyContracts.filter((k) => k.endOn && k.endOn >= '2024-01-01');
    expect(ended.length).toBeGreaterThanOrEqual(9);
    expect(ended.length).toBeLessThanOrEqual(12);
    const active = new Set(inForce(city, AS_OF).map((k) => k.companyId));
    const removed = city.propertyCompanies.filter((c) => !active.has(c.id));
    expect(removed).toHaveLength(ended.length);
    expect(city.propertyCompanies).toHaveLength(111 + ended.length);
    for (const k of ended) {
      expect(removed.some((c) => c.id === k.companyId)).toBe(true);
      // The failing evaluation of that company, 20–60 days before the contract ended.
      const fail = city.evaluations
        .filter((e) => e.compoundId === k.compoundId && e.companyId === k.companyId && e.evaluatedOn < k.endOn!)
        .sort((a, b) => (a.evaluatedOn < b.evaluatedOn ? -1 : 1))
        .at(-1);
      expect(fail?.rating).toBe('fail');
      expect(fail, `compound ${k.compoundId}`).toBeDefined();
      const gap = (Date.parse(k.endOn!) - Date.parse(fail!.evaluatedOn)) / 864e5;
      expect(gap).toBeGreaterThanOrEqual(20);
      expect(gap).toBeLessThanOrEqual(60);
      // And a new company takes over the same day.
      expect(
        city.propertyContracts.some(
          (n) => n.compoundId === k.compoundId && n.startOn === k.endOn && n.companyId !== k.companyId,
        ),
      ).toBe(true);
    }
  });
  it('has no removed companies before any evaluation round', () => {
    expect(early.propertyCompanies).toHaveLength(111);
    expect(early.evaluations).toHaveLength(0);
  });
});
