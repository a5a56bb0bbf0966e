/** Resident issues (居民诉求) and petitions/disputes (信访件/矛盾纠纷). */
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoCity, generateDemoCity } from '../../../../../server/services/seed/demoCity/index.ts';

const AS_OF = '2026-11-25';
let city: DemoCity;
beforeAll(() => {
  city = generateDemoCity({ seed: 1, asOf: AS_OF });
});

const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 864e5;
const toIso = (day: number) => new Date(day * 864e5).toISOString().slice(0, 10);
const gap = (a: string, b: string) => toDay(b) - toDay(a);
const perYear = (y: string) => city.residentIssues.filter((i) => i.openedOn.startsWith(y)).length;
const households = () => city.compounds.reduce((s, c) => s + c.households, 0);

describe('resident issues', () => {
  it('has a few thousand a year, declining mildly', () => {
    const y2024 = perYear('2024');
    const y2025 = perYear('2025');
    const y2026 = (perYear('2026') * 365) / (toDay(AS_OF) - toDay('2026-01-01') + 1);
    for (const n of [y2024, y2025, y2026]) {
      expect(n).toBeGreaterThan(3000);
      expect(n).toBeLessThan(6000);
    }
    expect(y2025).toBeLessThan(y2024);
    expect(y2026).toBeLessThan(y2025);
    expect(y2026).toBeGreaterThan(y2024 * 0.6);
  });
  it('is proportional to households', () => {
    const hh = new Map(city.compounds.map((c) => [c.id, c.households]));
    const big = new Set(city.compounds.filter((c) => c.households >= 1200).map((c) => c.id));
    const small = new Set(city.compounds.filter((c) => c.households < 400).map((c) => c.id));
    const rate = (ids: Set<number>) =>
      city.residentIssues.filter((i) => ids.has(i.compoundId)).length / [...ids].reduce((s, id) => s + hh.get(id)!, 0);
    expect(rate(big) / rate(small)).toBeGreaterThan(0.5);
    expect(rate(big) / rate(small)).toBeLessThan(2);
  });
  it('uses every channel and category, parking and e-bike charging most common', () => {
    const count = (field: 'channel' | 'category') => {
      const m = new Map<string, number>();
      for (const i of city.residentIssues) m.set(i[field], (m.get(i[field]) ?? 0) + 1);
      return [...m.entries()].sort((a, b) => b[1] - a[1]);
    };
    expect(
      count('channel')
        .map(([k]) => k)
        .sort(),
    ).toEqual(['grid', 'hotline', 'meeting', 'petition', 'reception', 'wish_wall']);
    const categories = count('category');
    expect(categories).toHaveLength(15);
    expect(
      categories
        .slice(0, 2)
        .map(([k]) => k)
        .sort(),
    ).toEqual(['ebike_charging', 'parking']);
    expect(city.residentIssues.filter((i) => !/^[\u4e00-\u9fff]{4,12}$/.test(i.summary ?? ''))).toEqual([]);
  });
  it('moves through the stages at a realistic pace', () => {
    const closed = city.residentIssues.filter((i) => i.closedOn);
    expect(city.residentIssues.filter((i) => i.dispatchedOn && gap(i.openedOn, i.dispatchedOn) > 2)).toEqual([]);
    expect(city.residentIssues.filter((i) => i.inProgressOn && gap(i.dispatchedOn!, i.inProgressOn) > 3)).toEqual([]);
    expect(closed.filter((i) => gap(i.openedOn, i.closedOn!) < 1)).toEqual([]);
    expect(closed.filter((i) => i.closedOn! <= i.dueOn).length / closed.length).toBeGreaterThan(0.8);
    expect(closed.filter((i) => gap(i.openedOn, i.closedOn!) <= 40).length / closed.length).toBeGreaterThan(0.9);
    expect(closed.filter((i) => i.revisitedOn).length / closed.length).toBeGreaterThan(0.75);
    expect(closed.filter((i) => i.revisitedOn && gap(i.closedOn!, i.revisitedOn) > 7)).toEqual([]);
    const due = city.residentIssues.map((i) => gap(i.openedOn, i.dueOn));
    expect(Math.min(...due)).toBeGreaterThanOrEqual(7);
    expect(Math.max(...due)).toBeLessThanOrEqual(30);
  });
  it('has over a hundred open on asOf, a tenth to a quarter of them overdue', () => {
    const open = city.residentIssues.filter((i) => i.openedOn <= AS_OF && (!i.closedOn || AS_OF < i.closedOn));
    const overdue = open.filter((i) => i.dueOn < AS_OF);
    expect(open.length).toBeGreaterThanOrEqual(120);
    expect(open.length).toBeLessThanOrEqual(400);
    expect(overdue.length).toBeGreaterThanOrEqual(open.length * 0.1);
    expect(overdue.length).toBeLessThanOrEqual(open.length * 0.25);
  });
  it('has a tenth to a quarter of the open issues overdue on any day, from the first day of 2024', () => {
    const shares: [string, number][] = [];
    for (let d = toDay('2024-01-01'); d <= toDay(AS_OF); d++) {
      const day = toIso(d);
      const open = city.residentIssues.filter((i) => i.openedOn <= day && (!i.closedOn || day < i.closedOn));
      expect(open.length, day).toBeGreaterThan(80);
      shares.push([day, open.filter((i) => i.dueOn < day).length / open.length]);
    }
    const inBand = shares.filter(([, s]) => s >= 0.1 && s <= 0.25).length / shares.length;
    expect(inBand).toBeGreaterThan(0.95);
    expect(shares.filter(([, s]) => s < 0.05 || s > 0.3)).toEqual([]);
    // Issues opened in late 2023 are still open at the start of 2024, some of them overdue.
    const newYear = city.residentIssues.filter(
      (i) => i.openedOn < '2024-01-01' && (!i.closedOn || i.closedOn > '2024-01-01'),
    );
    expect(newYear.filter((i) => i.dueOn < '2024-01-01').length).toBeGreaterThan(5);
  });
});

/** New petitions + disputes in the 28 days ending `day` per 1,000 households. */
function petitionRate(day: string): number {
  const from = toIso(toDay(day) - 28);
  const n = city.petitions.filter((p) => p.receivedOn > from && p.receivedOn <= day).length;
  return (n / households()) * 1000;
}

describe('petitions and disputes', () => {
  it('has both kinds and declines from 2024 to now', () => {
    expect(new Set(city.petitions.map((p) => p.kind))).toEqual(new Set(['petition', 'dispute']));
    for (const day of ['2024-02-15', '2024-03-31', '2024-04-30']) {
      expect(petitionRate(day)).toBeGreaterThan(1.5);
      expect(petitionRate(day)).toBeLessThan(3);
    }
    for (const day of ['2025-10-31', '2025-11-30', '2025-12-31']) {
      expect(petitionRate(day)).toBeGreaterThan(0.8);
      expect(petitionRate(day)).toBeLessThan(1.5);
    }
    expect(petitionRate(AS_OF)).toBeLessThan(petitionRate('2024-03-31'));
  });
  it('has some townships noticeably worse than others', () => {
    const rates = city.townships.map((t) => {
      const ids = new Set(city.compounds.filter((c) => c.townshipCode === t.code).map((c) => c.id));
      const hh = city.compounds.filter((c) => ids.has(c.id)).reduce((s, c) => s + c.households, 0);
      return city.petitions.filter((p) => ids.has(p.compoundId) && p.receivedOn < '2025-01-01').length / hh;
    });
    expect(Math.max(...rates) / Math.min(...rates)).toBeGreaterThan(1.8);
  });
  it('resolves most within 5–60 days, none after asOf', () => {
    const resolved = city.petitions.filter((p) => p.resolvedOn);
    const within = resolved.filter(
      (p) => gap(p.receivedOn, p.resolvedOn!) >= 5 && gap(p.receivedOn, p.resolvedOn!) <= 60,
    );
    expect(within.length / resolved.length).toBeGreaterThan(0.75);
    expect(city.petitions.filter((p) => p.resolvedOn && p.resolvedOn > AS_OF)).toEqual([]);
    const unresolved = city.petitions.filter((p) => !p.resolvedOn);
    expect(unresolved.length).toBeGreaterThan(0);
    expect(unresolved.filter((p) => gap(p.receivedOn, AS_OF) < 0)).toEqual([]);
  });
});
