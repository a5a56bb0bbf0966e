/**
 * The 347 compounds: place, community, name, kind, households (≈ 250,000 in all), buildings,
 * year built, address, and the handful of new builds listed during 2024–2025.
 */
import type { compounds } from '../../../../data/schema/index.ts';
import { type CommunityPlan, type CommunityRow, planCommunities } from './communities.ts';
import { dayNumberOf, HISTORY_START, toDayNumber, fromDayNumber, yearOf } from '../../../../shared/time/dates.ts';
import { type CompoundKind, inventCompoundName, PUBLISHED_COMPOUNDS, type PublishedCompound } from './names.ts';
import { distanceM, placePoints } from './placement.ts';
import { at, clamp, type Random } from './random.ts';
import type { TownshipPlan } from './townships.ts';

export type CompoundRow = typeof compounds.$inferInsert & { id: number };

export const TARGET_HOUSEHOLDS = 250_000;

/** Townships where new builds appear during the history (growth areas). */
const GROWTH_TOWNSHIPS = new Set([
  '350582107',
  '350582103',
  '350582006',
  '350582005',
  '350582003',
  '350582004',
  '350582102',
  '350582109',
]);

export interface CompoundPlan {
  row: CompoundRow;
  townshipIndex: number;
  kind: CompoundKind;
  /** Day number of listedOn. */
  listedDay: number;
  isNewBuild: boolean;
  /** Latent service/governance quality, roughly N(0, 1). */
  quality: number;
  /** Households per building, to derive `buildings` once households are final. */
  perBuilding: number;
}

function pickKind(rng: Random, kind: 'subdistrict' | 'town'): CompoundKind {
  return kind === 'subdistrict'
    ? rng.weighted([
        ['commercial', 60],
        ['old', 22],
        ['resettlement', 9],
        ['mixed', 9],
      ] as const)
    : rng.weighted([
        ['commercial', 52],
        ['old', 14],
        ['resettlement', 25],
        ['mixed', 9],
      ] as const);
}

function drawHouseholds(rng: Random, kind: CompoundKind, townshipKind: 'subdistrict' | 'town'): number {
  const median =
    { commercial: 760, resettlement: 820, old: 200, mixed: 520 }[kind] * (townshipKind === 'subdistrict' ? 1.1 : 0.9);
  return clamp(rng.lognormal(median, 0.55), 80, 3500);
}

function drawYearBuilt(rng: Random, kind: CompoundKind, pub: PublishedCompound | undefined): number {
  if (pub?.yearBuilt !== undefined) return pub.yearBuilt;
  let year: number;
  if (kind === 'old') year = rng.int(1982, 2000);
  else if (kind === 'resettlement') year = rng.int(2004, 2022);
  else if (kind === 'mixed') year = rng.int(1995, 2015);
  else year = Math.round(clamp(rng.normal(2013, 5.5), 1998, 2023));
  if (pub?.builtBefore !== undefined && year >= pub.builtBefore)
    year = rng.int(pub.builtBefore - 12, pub.builtBefore - 1);
  return year;
}

interface Draft {
  pub?: PublishedCompound;
  kind: CompoundKind;
  name?: string;
}

export function planCompounds(
  rng: Random,
  townships: readonly TownshipPlan[],
  asOf: string,
): { compounds: CompoundPlan[]; communities: CommunityRow[] } {
  const placeRng = rng.fork('place');
  const nameRng = rng.fork('names');
  const attrRng = rng.fork('attributes');
  const usedNames = new Set(PUBLISHED_COMPOUNDS.map((c) => c.name));
  const usedStems = new Set<string>();
  const taken: [number, number][] = [];
  const plans: CompoundPlan[] = [];
  const communityRows: CommunityRow[] = [];

  townships.forEach((t, townshipIndex) => {
    const pubs = PUBLISHED_COMPOUNDS.filter((c) => c.townshipCode === t.fact.code);
    const drafts: Draft[] = pubs.map((pub) => ({ pub, kind: pub.kind ?? pickKind(attrRng, t.fact.kind) }));
    while (drafts.length < t.compoundCount) drafts.push({ kind: pickKind(attrRng, t.fact.kind) });
    const points = placePoints(
      placeRng,
      { seat: t.fact.seat, boundary: t.boundary, areaKm2: t.areaKm2 },
      drafts.length,
      taken,
    );
    // Old housing sits nearer the old centre (the seat): match sorted points to sorted drafts.
    const byDistance = points.slice().sort((a, b) => distanceM(a, t.fact.seat) - distanceM(b, t.fact.seat));
    const centrality = drafts.map((d) => (d.kind === 'old' ? attrRng.float(0, 0.6) : attrRng.float(0.2, 1)));
    const order = drafts.map((_, i) => i).sort((a, b) => centrality[a]! - centrality[b]! || a - b);
    const pointOf: [number, number][] = drafts.map(() => [0, 0]);
    order.forEach((draftIndex, k) => {
      pointOf[draftIndex] = at(byDistance, k);
    });

    const { communities, membership } = planCommunities(
      nameRng,
      t.fact,
      drafts.map((d, i) => ({ point: at(pointOf, i), community: d.pub?.community })),
      communityRows.length + 1,
      usedStems,
    );
    communityRows.push(...communities.map((c) => c.row));

    drafts.forEach((d, i) => {
      const community: CommunityPlan = at(communities, at(membership, i));
      const name = d.pub?.name ?? inventCompoundName(nameRng, d.kind, usedNames);
      const households = d.pub?.households ?? drawHouseholds(attrRng, d.kind, t.fact.kind);
      const yearBuilt = drawYearBuilt(attrRng, d.kind, d.pub);
      const perBuilding = d.kind === 'old' ? attrRng.float(18, 60) : attrRng.float(60, 150);
      const [lon, lat] = at(pointOf, i);
      const id = plans.length + 1;
      const road = attrRng.pick(community.roads);
      plans.push({
        row: {
          id,
          code: `${t.fact.code}-${String(i + 1).padStart(3, '0')}`,
          name,
          address: `晋江市${t.fact.name}${road}${attrRng.int(1, 899)}号`,
          townshipCode: t.fact.code,
          communityId: community.row.id,
          lon,
          lat,
          footprint: null,
          households,
          buildings: 1,
          yearBuilt,
          kind: d.kind,
          listedOn: HISTORY_START,
          modelHomeSince: null,
        },
        townshipIndex,
        kind: d.kind,
        listedDay: toDayNumber(HISTORY_START),
        isNewBuild: false,
        quality: attrRng.normal(0, 1) - (d.kind === 'old' ? 0.5 : d.kind === 'resettlement' ? 0.25 : 0),
        perBuilding,
      });
    });
  });

  markNewBuilds(rng.fork('new-builds'), plans, asOf);
  scaleHouseholds(rng.fork('households'), plans);
  return { compounds: plans, communities: communityRows };
}

/** 4–7 invented commercial compounds in growth areas are listed during 2024–mid 2025. */
function markNewBuilds(rng: Random, plans: CompoundPlan[], asOf: string): void {
  const asOfDay = toDayNumber(asOf);
  const first = dayNumberOf(2024, 3, 1);
  const last = Math.min(dayNumberOf(2025, 6, 30), asOfDay - 14);
  if (last < first + 14) return;
  const published = new Set(PUBLISHED_COMPOUNDS.map((c) => c.name));
  const candidates = plans.filter(
    (p) => p.kind === 'commercial' && !published.has(p.row.name) && GROWTH_TOWNSHIPS.has(p.row.townshipCode),
  );
  const count = rng.int(4, 7);
  for (const p of rng.shuffle(candidates).slice(0, count)) {
    const day = rng.int(first, last);
    p.isNewBuild = true;
    p.listedDay = day;
    p.row.listedOn = fromDayNumber(day);
    p.row.yearBuilt = yearOf(day) - (rng.chance(0.3) ? 1 : 0);
    p.row.households = clamp(rng.lognormal(650, 0.4), 240, 1600);
    p.perBuilding = rng.float(80, 160);
    p.quality = rng.normal(0.3, 0.8);
  }
}

/** Scale the drawn (non-published) households so the city total is within ±1 % of 250,000. */
function scaleHouseholds(rng: Random, plans: CompoundPlan[]): void {
  const fixed = new Set(PUBLISHED_COMPOUNDS.filter((c) => c.households !== undefined).map((c) => c.name));
  const target = TARGET_HOUSEHOLDS * (1 + rng.float(-0.01, 0.01));
  for (let iter = 0; iter < 8; iter++) {
    const total = plans.reduce((s, p) => s + p.row.households, 0);
    const fixedTotal = plans.filter((p) => fixed.has(p.row.name)).reduce((s, p) => s + p.row.households, 0);
    const factor = (target - fixedTotal) / (total - fixedTotal);
    for (const p of plans) {
      if (fixed.has(p.row.name)) continue;
      p.row.households = clamp(p.row.households * factor, 80, 3500);
    }
  }
  for (const p of plans) {
    p.row.households = Math.round(p.row.households);
    p.row.buildings = Math.max(1, Math.round(p.row.households / p.perBuilding));
  }
}
