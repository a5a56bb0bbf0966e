/**
 * Compound party organisations (党组织). The published baseline (article 001, the start of the
 * campaign; anchored here to 2024-01-15, the date the tests and the README check it on): 213 of
 * the 286 compounds under property management have one (74.5 %), 建制式/兼合式/联建式 exactly
 * 111/91/11. The compounds without property management have one at the same rate (so the
 * city-wide coverage starts near 74.5 % too), in the same proportion. The others follow
 * through 2024 and up to 2025-05-31 (the published 100 % goal); new builds get theirs within
 * a few months of listing (from April 2025: on the day they are listed). A couple of combined
 * organisations are dissolved and replaced by a standalone branch the same day.
 */
import type { partyOrganisations } from '../../../../data/schema/index.ts';
import type { CompoundPlan } from './compounds.ts';
import { dayNumberOf, toDayNumber, fromDayNumber } from '../../../../shared/time/dates.ts';
import { partyOrgName } from './names.ts';
import { clamp, type Random } from './random.ts';
import { dayAtFraction } from './schedule.ts';

export type PartyOrgRow = typeof partyOrganisations.$inferInsert;
type OrgType = 'standalone' | 'combined' | 'joint';

export const INITIAL_COVERAGE = 0.745;
/** Published: of the 286 managed compounds, 213 had a party organisation, by type. */
export const PUBLISHED_MIX = { standalone: 111, combined: 91, joint: 11 } as const;
export const PUBLISHED_WITH_ORG = 213;

/** `managed`: the compounds under property management on asOf (the published 286). */
export function generatePartyOrganisations(
  rng: Random,
  compounds: readonly CompoundPlan[],
  lag: readonly number[],
  asOf: string,
  managed: ReadonlySet<number>,
): PartyOrgRow[] {
  const asOfDay = toDayNumber(asOf);
  const goal = dayNumberOf(2025, 5, 31);
  const orgs: { compound: CompoundPlan; type: OrgType; established: number; dissolved: number | null }[] = [];
  const original = compounds.filter((c) => !c.isNewBuild);
  const ranked = original
    .map((c) => ({
      c,
      key:
        (c.kind === 'commercial' ? 0.8 : c.kind === 'old' ? -0.6 : 0) +
        0.5 * c.quality -
        0.5 * lag[c.townshipIndex]! +
        rng.normal(0, 0.8),
    }))
    .sort((a, b) => b.key - a.key || a.c.row.id - b.c.row.id);

  // Organisations in force at the start of the history: exactly the published 213 among the
  // managed compounds, in the published mix; the unmanaged ones at the same rate and proportion.
  const total = PUBLISHED_MIX.standalone + PUBLISHED_MIX.combined + PUBLISHED_MIX.joint;
  const rankedManaged = ranked.filter((r) => managed.has(r.c.row.id));
  const rankedOthers = ranked.filter((r) => !managed.has(r.c.row.id));
  const managedCount = Math.min(PUBLISHED_WITH_ORG, rankedManaged.length);
  const othersCount = Math.round(INITIAL_COVERAGE * rankedOthers.length);
  const initial: CompoundPlan[] = [];
  const typeOf = new Map<number, OrgType>();
  for (const [group, count] of [
    [rankedManaged, managedCount],
    [rankedOthers, othersCount],
  ] as const) {
    const chosen = group.slice(0, count).map((r) => r.c);
    initial.push(...chosen);
    const standaloneCount = Math.round((count * PUBLISHED_MIX.standalone) / total);
    const jointCount = Math.round((count * PUBLISHED_MIX.joint) / total);
    // The largest compounds have a branch of their own (建制式).
    const bySize = chosen
      .map((c) => ({ c, key: Math.log(c.row.households) + rng.normal(0, 0.6) }))
      .sort((a, b) => b.key - a.key || a.c.row.id - b.c.row.id)
      .map((r) => r.c);
    bySize.slice(0, standaloneCount).forEach((c) => typeOf.set(c.row.id, 'standalone'));
    rng
      .shuffle(bySize.slice(standaloneCount))
      .forEach((c, i) => typeOf.set(c.row.id, i < jointCount ? 'joint' : 'combined'));
  }
  const chosenIds = new Set(initial.map((c) => c.row.id));
  const lo = dayNumberOf(2017, 3, 1);
  const hi = dayNumberOf(2023, 12, 28);
  for (const c of initial) {
    const u = rng.next();
    orgs.push({
      compound: c,
      type: typeOf.get(c.row.id)!,
      established: Math.round(hi - (hi - lo) * u * u),
      dissolved: null,
    });
  }

  // The others: through 2024 and up to the goal, the better-governed first.
  const later = ranked.filter((r) => !chosenIds.has(r.c.row.id)).map((r) => r.c);
  const schedule = [
    [0, dayNumberOf(2024, 1, 16)],
    [0.62, dayNumberOf(2024, 12, 31)],
    [1, dayNumberOf(2025, 5, 26)],
  ] as const;
  later.forEach((c, i) => {
    const f = (i + rng.next()) / later.length;
    const established = clamp(dayAtFraction(schedule, f) + rng.int(-10, 10), dayNumberOf(2024, 1, 16), goal - 3);
    orgs.push({ compound: c, type: laterType(rng, c), established, dissolved: null });
  });
  for (const c of compounds.filter((x) => x.isNewBuild)) {
    const established =
      c.listedDay >= dayNumberOf(2025, 4, 1) ? c.listedDay : Math.min(c.listedDay + rng.int(20, 100), goal - 3);
    orgs.push({
      compound: c,
      type: laterType(rng, c),
      established: Math.max(established, c.listedDay),
      dissolved: null,
    });
  }

  // A couple of combined organisations become standalone branches.
  const lastSwap = Math.min(dayNumberOf(2025, 11, 30), asOfDay);
  if (lastSwap > dayNumberOf(2024, 5, 1)) {
    const combined = rng.shuffle(orgs.filter((o) => o.type === 'combined' && o.established < dayNumberOf(2024, 1, 1)));
    for (const o of combined.slice(0, rng.int(2, 3))) {
      const day = rng.int(dayNumberOf(2024, 5, 1), lastSwap);
      o.dissolved = day;
      orgs.push({ compound: o.compound, type: 'standalone', established: day, dissolved: null });
    }
  }

  return orgs
    .filter((o) => o.established <= asOfDay)
    .sort((a, b) => a.compound.row.id - b.compound.row.id || a.established - b.established)
    .map((o) => ({
      compoundId: o.compound.row.id,
      type: o.type,
      name: partyOrgName(o.compound.row.name, o.type),
      establishedOn: fromDayNumber(o.established),
      dissolvedOn: o.dissolved !== null && o.dissolved <= asOfDay ? fromDayNumber(o.dissolved) : null,
    }));
}

function laterType(rng: Random, c: CompoundPlan): OrgType {
  const big = c.row.households >= 500;
  return rng.weighted([
    ['standalone', big ? 70 : 35],
    ['combined', big ? 25 : 55],
    ['joint', big ? 5 : 10],
  ] as const);
}
