/** Party organisations, owners' committees and 四方联席 meetings over time. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoCity, generateDemoCity } from '../../../../../server/services/seed/demoCity/index.ts';

const AS_OF = '2026-11-25';
let city: DemoCity;
let early: DemoCity;
beforeAll(() => {
  city = generateDemoCity({ seed: 1, asOf: AS_OF });
  early = generateDemoCity({ seed: 1, asOf: '2024-01-15' });
});

const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 864e5;
const toIso = (day: number) => new Date(day * 864e5).toISOString().slice(0, 10);
function* days(from: string, to: string, step = 1): Generator<string> {
  for (let d = toDay(from); d <= toDay(to); d += step) yield toIso(d);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const inScope = (c: DemoCity, day: string) => c.compounds.filter((x) => x.listedOn! <= day);
const orgsInForce = (c: DemoCity, day: string) =>
  c.partyOrganisations.filter((o) => o.establishedOn <= day && (!o.dissolvedOn || day < o.dissolvedOn));
const committeesInOffice = (c: DemoCity, day: string) =>
  c.committeeTerms.filter((t) => t.formedOn <= day && day < t.termEnd && (!t.endedOn || day < t.endedOn));

function partyCoverage(c: DemoCity, day: string): number {
  const scope = inScope(c, day);
  const covered = new Set(orgsInForce(c, day).map((o) => o.compoundId));
  return scope.filter((x) => covered.has(x.id)).length / scope.length;
}
function committeeRate(c: DemoCity, day: string): number {
  const scope = inScope(c, day);
  const covered = new Set(committeesInOffice(c, day).map((t) => t.compoundId));
  return scope.filter((x) => covered.has(x.id)).length / scope.length;
}
/** Compounds with a meeting in the 30 days ending `day`, over compounds in scope. */
function meetingCoverage(c: DemoCity, day: string, byCompound: Map<number, string[]>): number {
  const from = toIso(toDay(day) - 30);
  const scope = inScope(c, day);
  return scope.filter((x) => (byCompound.get(x.id) ?? []).some((h) => h > from && h <= day)).length / scope.length;
}

describe('party organisations', () => {
  it('covers about 74.5 % of the compounds at 2024-01-15, in the 111/91/11 mix', () => {
    for (const c of [city, early]) {
      expect(partyCoverage(c, '2024-01-15')).toBeGreaterThan(0.72);
      expect(partyCoverage(c, '2024-01-15')).toBeLessThan(0.77);
      const orgs = orgsInForce(c, '2024-01-15');
      const share = (type: string) => orgs.filter((o) => o.type === type).length / orgs.length;
      expect(share('standalone')).toBeCloseTo(111 / 213, 1);
      expect(share('combined')).toBeCloseTo(91 / 213, 1);
      expect(share('joint')).toBeGreaterThan(0.03);
      expect(share('joint')).toBeLessThan(0.08);
    }
  });
  it('matches the published baseline exactly: 213 of the 286 managed compounds (74.5 %), 111/91/11', () => {
    for (const [c, asOf] of [
      [city, AS_OF],
      [early, '2024-01-15'],
    ] as const) {
      const managed = new Set(
        c.propertyContracts.filter((k) => k.startOn <= asOf && (!k.endOn || asOf < k.endOn)).map((k) => k.compoundId),
      );
      expect(managed.size).toBe(286);
      const orgs = orgsInForce(c, '2024-01-15').filter((o) => managed.has(o.compoundId));
      expect(orgs).toHaveLength(213);
      expect(Number(((orgs.length / managed.size) * 100).toFixed(1))).toBe(74.5);
      const count = (type: string) => orgs.filter((o) => o.type === type).length;
      expect([count('standalone'), count('combined'), count('joint')]).toEqual([111, 91, 11]);
    }
  });
  it('rises through 2024 and covers every compound in scope by 2025-05-31', () => {
    const midway = partyCoverage(city, '2024-09-30');
    expect(midway).toBeGreaterThan(partyCoverage(city, '2024-01-15') + 0.05);
    expect(midway).toBeLessThan(0.99);
    expect(partyCoverage(city, '2025-05-31')).toBe(1);
  });
  it('leaves no compound in scope without one after 2025-06-30', () => {
    for (const day of days('2025-06-30', AS_OF, 3)) expect(partyCoverage(city, day), day).toBe(1);
  });
  it('has one organisation in force per compound at a time, and a couple replaced', () => {
    for (const day of days('2024-01-01', AS_OF, 7)) {
      const ids = orgsInForce(city, day).map((o) => o.compoundId);
      expect(new Set(ids).size, day).toBe(ids.length);
    }
    const dissolved = city.partyOrganisations.filter((o) => o.dissolvedOn);
    expect(dissolved.length).toBeGreaterThanOrEqual(2);
    expect(dissolved.length).toBeLessThanOrEqual(4);
    for (const o of dissolved) {
      expect(
        city.partyOrganisations.some(
          (n) => n.compoundId === o.compoundId && n.establishedOn === o.dissolvedOn && n.type === 'standalone',
        ),
      ).toBe(true);
    }
  });
  it('gives new builds an organisation within a few months of listing', () => {
    for (const c of city.compounds.filter((x) => x.listedOn !== '2024-01-01')) {
      const first = city.partyOrganisations
        .filter((o) => o.compoundId === c.id)
        .map((o) => o.establishedOn)
        .sort()[0]!;
      expect(first >= c.listedOn!).toBe(true);
      expect(toDay(first) - toDay(c.listedOn!)).toBeLessThanOrEqual(120);
    }
  });
});

describe("owners' committees", () => {
  it('rises from about 40 % (2024-01-15) to about 83 % (2025-03) and 100 % during 2025', () => {
    expect(committeeRate(city, '2024-01-15')).toBeGreaterThan(0.37);
    expect(committeeRate(city, '2024-01-15')).toBeLessThan(0.44);
    expect(committeeRate(early, '2024-01-15')).toBeCloseTo(committeeRate(city, '2024-01-15'), 1);
    expect(committeeRate(city, '2025-03-05')).toBeGreaterThan(0.79);
    expect(committeeRate(city, '2025-03-05')).toBeLessThan(0.87);
    expect(committeeRate(city, '2025-05-31')).toBeGreaterThanOrEqual(0.8);
    expect(Math.max(...[...days('2025-09-01', '2025-12-31')].map((d) => committeeRate(city, d)))).toBe(1);
  });
  it('does not stay flat at 100 %: some committees end early and are re-formed weeks later', () => {
    const rates = [...days('2025-10-01', AS_OF)].map((d) => committeeRate(city, d));
    expect(Math.min(...rates)).toBeLessThan(1);
    expect(Math.min(...rates)).toBeGreaterThan(0.97);
    const endedEarly = city.committeeTerms.filter((t) => t.endedOn);
    expect(endedEarly.length).toBeGreaterThanOrEqual(5);
    const reformed = endedEarly.filter((t) =>
      city.committeeTerms.some(
        (n) => n.compoundId === t.compoundId && n.formedOn > t.endedOn! && toDay(n.formedOn) - toDay(t.endedOn!) <= 60,
      ),
    );
    expect(reformed.length).toBeGreaterThanOrEqual(endedEarly.length - 2);
  });
  it('re-elects older committees on the day their five-year term ends', () => {
    const old = city.committeeTerms.filter((t) => t.formedOn < '2022-01-01' && !t.endedOn && t.termEnd <= AS_OF);
    expect(old.length).toBeGreaterThan(10);
    for (const t of old) {
      expect(toDay(t.termEnd) - toDay(t.formedOn)).toBeGreaterThanOrEqual(365 * 5);
      expect(toDay(t.termEnd) - toDay(t.formedOn)).toBeLessThanOrEqual(365 * 5 + 2);
      expect(
        city.committeeTerms.some((n) => n.compoundId === t.compoundId && n.formedOn === t.termEnd),
        t.formedOn,
      ).toBe(true);
    }
  });
  it('has more party-member majorities in committees formed from 2024 on', () => {
    const majority = (ts: typeof city.committeeTerms) =>
      ts.filter((t) => t.partyMembers * 2 >= t.members).length / ts.length;
    const before = city.committeeTerms.filter((t) => t.formedOn < '2024-01-01');
    const after = city.committeeTerms.filter((t) => t.formedOn >= '2024-01-01');
    expect(majority(before)).toBeGreaterThan(0.3);
    expect(majority(before)).toBeLessThan(0.5);
    expect(majority(after)).toBeGreaterThanOrEqual(0.74);
    const oddShare =
      city.committeeTerms.filter((t) => t.members % 2 === 1 && t.members >= 5 && t.members <= 9).length /
      city.committeeTerms.length;
    expect(oddShare).toBeGreaterThan(0.85);
  });
  it('has 59 current committees chaired by the party secretary (一肩挑) on asOf', () => {
    for (const [c, day] of [
      [city, AS_OF],
      [early, '2024-01-15'],
    ] as const) {
      expect(committeesInOffice(c, day).filter((t) => t.chairIsPartySecretary)).toHaveLength(59);
    }
  });
  it('has at most one committee in office per compound', () => {
    for (const day of days('2024-01-01', AS_OF, 7)) {
      const ids = committeesInOffice(city, day).map((t) => t.compoundId);
      expect(new Set(ids).size, day).toBe(ids.length);
    }
  });
});

describe('四方联席 meetings', () => {
  let byCompound: Map<number, string[]>;
  let earlyByCompound: Map<number, string[]>;
  const datesByCompound = (c: DemoCity) => {
    const map = new Map<number, string[]>();
    for (const m of c.meetings) map.set(m.compoundId, [...(map.get(m.compoundId) ?? []), m.heldOn]);
    return map;
  };
  beforeAll(() => {
    byCompound = datesByCompound(city);
    earlyByCompound = datesByCompound(early);
  });
  it('starts in 2024 with 30-day coverage around 55–65 %, carried over from meetings since October 2023', () => {
    expect(city.meetings.every((m) => m.heldOn >= '2023-10-01')).toBe(true);
    expect(city.meetings.filter((m) => m.heldOn < '2024-01-01').length).toBeGreaterThan(300);
    // The first days of 2024 already count the December meetings: not 0 %.
    for (const d of days('2024-01-01', '2024-01-14')) {
      expect(meetingCoverage(city, d, byCompound), d).toBeGreaterThan(0.45);
      expect(meetingCoverage(early, d, earlyByCompound), `${d} (asOf 2024-01-15)`).toBeGreaterThan(0.45);
    }
    const early2024 = [...days('2024-02-01', '2024-03-31')].map((d) => meetingCoverage(city, d, byCompound));
    expect(mean(early2024)).toBeGreaterThan(0.55);
    expect(mean(early2024)).toBeLessThan(0.65);
  });
  it('rises to 90–97 % from 2025 on and stays there, never a constant 100 %', () => {
    const later = [...days('2025-03-01', AS_OF, 2)].map((d) => meetingCoverage(city, d, byCompound));
    expect(mean(later)).toBeGreaterThan(0.9);
    expect(mean(later)).toBeLessThan(0.97);
    expect(Math.min(...later)).toBeGreaterThan(0.8);
    expect(Math.max(...later)).toBeLessThan(1);
  });
  it('meets about monthly, on days spread through the month', () => {
    const perCompound = city.compounds.map((c) => (byCompound.get(c.id) ?? []).filter((d) => d >= '2024-01-01').length);
    expect(Math.max(...perCompound)).toBeLessThanOrEqual(35); // Jan 2024 … Nov 2026
    const dates = new Set(city.meetings.map((m) => Number(m.heldOn.slice(8, 10))));
    expect(dates.size).toBeGreaterThanOrEqual(28);
    for (const ids of byCompound.values()) {
      const months = ids.map((d) => d.slice(0, 7));
      expect(new Set(months).size).toBe(months.length);
    }
  });
  it('keeps meetings within about 30 days of each other from 2025: a compound drops out only when it misses a month', () => {
    const gaps: number[] = [];
    for (const dates of byCompound.values()) {
      const sorted = [...dates].sort();
      for (let i = 1; i < sorted.length; i++)
        if (sorted[i]! >= '2025-01-01') gaps.push(toDay(sorted[i]!) - toDay(sorted[i - 1]!));
    }
    gaps.sort((a, b) => a - b);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThanOrEqual(30);
    expect(gaps.filter((g) => g <= 31).length / gaps.length).toBeGreaterThan(0.85);
    // Real misses (a month skipped, or a meeting a week late) stay a few percent.
    const misses = gaps.filter((g) => g > 35).length / gaps.length;
    expect(misses).toBeGreaterThan(0.01);
    expect(misses).toBeLessThan(0.08);
  });
  it('has 6–20 attendees, Chinese topics and 0–4 problems resolved (low thousands in all)', () => {
    expect(city.meetings.filter((m) => m.attendees < 6 || m.attendees > 20)).toEqual([]);
    expect(city.meetings.filter((m) => (m.problemsResolved ?? 0) > 4)).toEqual([]);
    expect(city.meetings.filter((m) => !/^[\u4e00-\u9fff]+(、[\u4e00-\u9fff]+)*$/.test(m.topics ?? ''))).toEqual([]);
    const total = city.meetings.reduce((s, m) => s + (m.problemsResolved ?? 0), 0);
    expect(total).toBeGreaterThan(1500);
    expect(total).toBeLessThan(5000);
  });
});
