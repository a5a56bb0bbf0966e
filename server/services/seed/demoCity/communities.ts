/**
 * Communities/villages (社区/村): 3–8 per township. Each compound belongs to one: the
 * compounds named with a community in the articles go to it; a few other compounds anchor
 * the invented communities and every remaining compound joins its nearest anchor.
 */
import type { communities } from '../../../../data/schema/index.ts';
import { distanceM } from './placement.ts';
import { inventPlaceStem, inventRoad, PUBLISHED_COMMUNITIES } from './names.ts';
import type { Random } from './random.ts';
import { at } from './random.ts';

export type CommunityRow = typeof communities.$inferInsert & { id: number };

export interface CommunityPlan {
  row: CommunityRow;
  roads: string[];
}

export interface PlacedCompound {
  point: [number, number];
  /** Community named in the articles, if any. */
  community?: string;
}

/**
 * Creates the township's communities and returns, for each compound (same order), the index
 * into the returned list.
 */
export function planCommunities(
  rng: Random,
  township: { code: string; kind: 'subdistrict' | 'town'; seat: readonly [number, number] },
  compounds: readonly PlacedCompound[],
  firstId: number,
  usedStems: Set<string>,
): { communities: CommunityPlan[]; membership: number[] } {
  const n = compounds.length;
  const count = Math.min(n, Math.max(3, Math.min(8, Math.round(n / 4.5))));
  const named = PUBLISHED_COMMUNITIES.filter((c) => c.townshipCode === township.code);
  const anchors: number[] = []; // compound index anchoring each community
  const names: { name: string; kind: 'community' | 'village' | null }[] = [];
  for (const c of named) {
    const idx = compounds.findIndex((p) => p.community === c.name);
    if (idx < 0) throw new Error(`no compound for published community ${c.name}`);
    anchors.push(idx);
    names.push({ name: c.name, kind: c.kind });
  }
  const free = rng.shuffle(compounds.map((_, i) => i).filter((i) => compounds[i]!.community === undefined));
  while (anchors.length < count) {
    const idx = free.pop();
    if (idx === undefined) break;
    anchors.push(idx);
    names.push({ name: inventPlaceStem(rng, usedStems), kind: null });
  }

  const membership = compounds.map((c, i) => {
    if (c.community !== undefined) return names.findIndex((nm) => nm.name === c.community);
    const own = anchors.indexOf(i);
    if (own >= 0) return own;
    let best = 0;
    let bestD = Infinity;
    anchors.forEach((a, k) => {
      const d = distanceM(c.point, at(compounds, a).point);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    });
    return best;
  });

  const plans = anchors.map((a, k) => {
    const nm = names[k]!;
    const nearSeat = distanceM(at(compounds, a).point, township.seat) < 1800;
    const kind = nm.kind ?? (township.kind === 'subdistrict' || nearSeat ? 'community' : 'village');
    const name = nm.kind !== null ? nm.name : `${nm.name}${kind === 'community' ? '社区' : '村'}`;
    const roadStems = [inventPlaceStem(rng, usedStems), inventPlaceStem(rng, usedStems)];
    const row: CommunityRow = {
      id: firstId + k,
      code: `${township.code}-${String(k + 1).padStart(2, '0')}`,
      townshipCode: township.code,
      name,
      kind,
      sortOrder: k + 1,
    };
    return { row, roads: roadStems.map((stem) => inventRoad(rng, [stem])) };
  });
  return { communities: plans, membership };
}
