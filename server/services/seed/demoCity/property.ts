/**
 * Property management: which compounds are managed (exactly 286 on asOf), the property
 * companies and the dated contracts.
 *
 * Companies: 111 are active on asOf (each serves ≥ 1 compound then; a few serve many), plus
 * one removed company per replacement: a company whose only compound failed an evaluation
 * (未达标) and whose contract was ended weeks later, a new company taking over (the published
 * "12 unqualified companies removed since 2024"). Removed companies stay as rows but serve
 * nothing on asOf, so they do not count among the 111.
 */
import type { propertyCompanies, propertyContracts } from '../../../../data/schema/index.ts';
import type { CompoundPlan } from './compounds.ts';
import { dayNumberOf, toDayNumber, fromDayNumber } from '../../../../shared/time/dates.ts';
import { inventCompanyName } from './names.ts';
import { clamp, type Random } from './random.ts';
import type { Round } from './rounds.ts';

export const MANAGED_ON_AS_OF = 286;
export const ACTIVE_COMPANIES = 111;

export type CompanyRow = typeof propertyCompanies.$inferInsert & { id: number };
export type ContractRow = typeof propertyContracts.$inferInsert;

export interface Replacement {
  compoundId: number;
  /** Index of the round whose failing evaluation led to the replacement. */
  roundIndex: number;
  /** Day of the failing evaluation, and the day the new contract starts. */
  evaluatedOn: number;
  replacedOn: number;
}

export interface PropertyPlan {
  companies: CompanyRow[];
  contracts: ContractRow[];
  replacements: Replacement[];
  /** Latent quality per company id (removed ones are poor). */
  companyQuality: Map<number, number>;
  /** First day each managed compound came under management. */
  managedSince: Map<number, number>;
  companyOn(compoundId: number, day: number): number | null;
}

export function planProperty(
  rng: Random,
  compounds: readonly CompoundPlan[],
  rounds: readonly Round[],
  asOf: string,
  evaluationDayOf: (round: Round, compound: CompoundPlan) => number,
): PropertyPlan {
  const asOfDay = toDayNumber(asOf);
  // 1. Which compounds are unmanaged on asOf: mostly old housing.
  const propensity = new Map(
    compounds.map((c) => {
      const base = { old: 2.2, resettlement: 0.9, mixed: 0.6, commercial: 0 }[c.kind];
      return [c.row.id, c.isNewBuild ? -10 : base + rng.next() - 0.3 * c.quality];
    }),
  );
  const byPropensity = compounds
    .slice()
    .sort((a, b) => propensity.get(b.row.id)! - propensity.get(a.row.id)! || a.row.id - b.row.id);
  const unmanagedCount = compounds.length - MANAGED_ON_AS_OF;
  const managed = byPropensity.slice(unmanagedCount);
  // 2. A few old/resettlement compounds only came under management during the history (老旧小区改造).
  const conversionDay = new Map<number, number>();
  // Two of them recently enough (in the 75 days before asOf) to have no evaluation yet.
  const lastConversion = asOfDay - 5;
  if (lastConversion >= dayNumberOf(2024, 3, 1)) {
    const count = rng.int(5, 9);
    managed
      .filter((m) => m.kind !== 'commercial' && !m.isNewBuild)
      .slice(0, count)
      .forEach((c, i) => {
        const recent = i < 2 && asOfDay - 75 > dayNumberOf(2024, 3, 1);
        const day = recent
          ? rng.int(asOfDay - 75, lastConversion)
          : rng.int(dayNumberOf(2024, 2, 1), Math.min(lastConversion, dayNumberOf(2025, 12, 20)));
        conversionDay.set(c.row.id, day);
      });
  }
  const managedSince = new Map<number, number>();
  for (const c of managed) {
    let since = conversionDay.get(c.row.id) ?? (c.isNewBuild ? c.listedDay : undefined);
    if (since === undefined) {
      const hi = dayNumberOf(2023, 12, 15);
      const lo = Math.min(hi - 200, dayNumberOf(Math.max(c.row.yearBuilt ?? 2000, 2003), 7, 1));
      since = rng.int(lo, hi);
    }
    managedSince.set(c.row.id, since);
  }

  // 3. Replacements after a failing evaluation in a non-final round (9–12 in a full history).
  const replacements: Replacement[] = [];
  const earlyRounds = rounds.slice(0, -1);
  if (earlyRounds.length > 0) {
    const count = Math.min(rng.int(9, 12), 4 * earlyRounds.length);
    const candidates = managed
      .filter((c) => !conversionDay.has(c.row.id) && !c.isNewBuild && c.kind !== 'old')
      .map((c) => ({ c, key: c.quality + rng.normal(0, 0.6) }))
      .sort((a, b) => a.key - b.key || a.c.row.id - b.c.row.id)
      .slice(0, count);
    for (const { c } of candidates) {
      const round = rng.weighted(earlyRounds.map((r) => [r, earlyRounds.length - r.index + 1] as const));
      const evaluatedOn = evaluationDayOf(round, c);
      replacements.push({
        compoundId: c.row.id,
        roundIndex: round.index,
        evaluatedOn,
        replacedOn: evaluatedOn + rng.int(20, 50),
      });
    }
  }
  const replaced = new Map(replacements.map((r) => [r.compoundId, r]));

  // 4. Companies: 111 active ones (Zipf-like sizes, each with a home township) + the removed ones.
  const townshipWeights = new Map<string, number>();
  for (const c of managed) townshipWeights.set(c.row.townshipCode, (townshipWeights.get(c.row.townshipCode) ?? 0) + 1);
  const townshipList = [...townshipWeights.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const active = Array.from({ length: ACTIVE_COMPANIES }, (_, i) => ({
    weight: 1 / Math.pow(i + 1, 1.05),
    home: rng.weighted(townshipList),
    quality: clamp(rng.normal(0.1, 0.7), -1.6, 1.8),
    id: 0,
  }));
  const removedCount = replacements.length;
  const total = ACTIVE_COMPANIES + removedCount;
  const ids = rng.shuffle(Array.from({ length: total }, (_, i) => i + 1));
  active.forEach((a, i) => {
    a.id = ids[i]!;
  });
  const usedNames = new Set<string>();
  const companies: CompanyRow[] = ids
    .map((id) => ({ id, code: `PC${String(id).padStart(3, '0')}`, name: '', creditCode: null }))
    .sort((a, b) => a.id - b.id);
  for (const company of companies) company.name = inventCompanyName(rng, usedNames);
  const companyQuality = new Map<number, number>(active.map((a) => [a.id, a.quality]));

  // Current company of each managed compound: every active company gets one, then by weight.
  const current = new Map<number, number>();
  const pool = rng.shuffle(managed);
  const unassigned = new Set(pool.map((c) => c.row.id));
  for (const company of active) {
    const own =
      pool.find((c) => unassigned.has(c.row.id) && c.row.townshipCode === company.home) ??
      pool.find((c) => unassigned.has(c.row.id));
    if (!own) throw new Error('more active companies than managed compounds');
    current.set(own.row.id, company.id);
    unassigned.delete(own.row.id);
  }
  for (const c of pool) {
    if (!unassigned.has(c.row.id)) continue;
    const company = rng.weighted(active.map((a) => [a, a.weight * (a.home === c.row.townshipCode ? 5 : 1)] as const));
    current.set(c.row.id, company.id);
  }

  // 5. Contracts.
  const contracts: ContractRow[] = [];
  const removedIds = ids.slice(ACTIVE_COMPANIES);
  let removedIndex = 0;
  for (const c of managed) {
    const since = managedSince.get(c.row.id)!;
    const companyId = current.get(c.row.id)!;
    const rep = replaced.get(c.row.id);
    if (rep) {
      const removedId = removedIds[removedIndex++]!;
      companyQuality.set(removedId, -1.8);
      contracts.push({
        compoundId: c.row.id,
        companyId: removedId,
        startOn: fromDayNumber(since),
        endOn: fromDayNumber(rep.replacedOn),
      });
      contracts.push({ compoundId: c.row.id, companyId, startOn: fromDayNumber(rep.replacedOn), endOn: null });
    } else if (since < dayNumberOf(2019, 1, 1) && rng.chance(0.08)) {
      // An earlier change of company, before the history starts.
      const switchDay = rng.int(since + 365, dayNumberOf(2023, 10, 1));
      const previous = rng.weighted(active.filter((a) => a.id !== companyId).map((a) => [a.id, a.weight] as const));
      contracts.push({
        compoundId: c.row.id,
        companyId: previous,
        startOn: fromDayNumber(since),
        endOn: fromDayNumber(switchDay),
      });
      contracts.push({ compoundId: c.row.id, companyId, startOn: fromDayNumber(switchDay), endOn: null });
    } else {
      contracts.push({ compoundId: c.row.id, companyId, startOn: fromDayNumber(since), endOn: null });
    }
  }
  contracts.sort((a, b) => a.compoundId - b.compoundId || (a.startOn < b.startOn ? -1 : 1));

  const byCompound = new Map<number, { start: number; end: number; companyId: number }[]>();
  for (const k of contracts) {
    const list = byCompound.get(k.compoundId) ?? [];
    list.push({
      start: toDayNumber(k.startOn),
      end: k.endOn ? toDayNumber(k.endOn) : Infinity,
      companyId: k.companyId,
    });
    byCompound.set(k.compoundId, list);
  }
  const companyOn = (compoundId: number, day: number): number | null =>
    byCompound.get(compoundId)?.find((k) => k.start <= day && day < k.end)?.companyId ?? null;

  return { companies, contracts, replacements, companyQuality, managedSince, companyOn };
}
