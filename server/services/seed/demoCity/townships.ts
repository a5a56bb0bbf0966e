/**
 * The city and its 19 townships (with approximate boundaries), and how many of the 347
 * demo compounds each township gets: the six central 街道 and 陈埭/池店/安海 are dense, the
 * outer towns have 8–20, 西滨镇 (2 km²) a handful.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { cities, townships } from '../../../../data/schema/index.ts';
import { CITY, TOWNSHIPS, type TownshipFact } from '../../../../data/geography/jinjiang.ts';
import { JINJIANG } from '../../../../data/cities/jinjiang.ts';
import { approximateTownshipBoundaries } from '../../geo/townshipBoundaries.ts';

export const TOTAL_COMPOUNDS = 347;

/** Compounds per township code; sums to 347. */
export const COMPOUNDS_PER_TOWNSHIP: Readonly<Record<string, number>> = {
  '350582001': 30, // 青阳街道, old downtown
  '350582002': 28, // 梅岭街道
  '350582003': 27, // 西园街道
  '350582004': 29, // 罗山街道
  '350582005': 22, // 新塘街道
  '350582006': 22, // 灵源街道
  '350582101': 28, // 安海镇
  '350582102': 16, // 磁灶镇
  '350582103': 26, // 陈埭镇
  '350582104': 14, // 东石镇
  '350582105': 12, // 深沪镇
  '350582106': 10, // 金井镇
  '350582107': 26, // 池店镇
  '350582109': 9, // 内坑镇
  '350582110': 14, // 龙湖镇
  '350582111': 10, // 永和镇
  '350582112': 10, // 英林镇
  '350582113': 9, // 紫帽镇
  '350582114': 5, // 西滨镇
};

export interface TownshipPlan {
  fact: TownshipFact;
  boundary: Polygon | MultiPolygon;
  areaKm2: number;
  compoundCount: number;
}

let boundaryCache: ReturnType<typeof approximateTownshipBoundaries> | null = null;

export function planTownships(): TownshipPlan[] {
  // The approximate boundaries depend on the facts only, so they are computed once per process.
  boundaryCache ??= approximateTownshipBoundaries(JINJIANG);
  const boundaries = boundaryCache;
  const byCode = new Map(boundaries.features.map((f) => [f.properties.code, f]));
  const plans = TOWNSHIPS.map((fact) => {
    const feature = byCode.get(fact.code);
    if (!feature) throw new Error(`no boundary for township ${fact.code}`);
    const compoundCount = COMPOUNDS_PER_TOWNSHIP[fact.code];
    if (compoundCount === undefined) throw new Error(`no compound count for township ${fact.code}`);
    return { fact, boundary: feature.geometry, areaKm2: feature.properties.areaKm2, compoundCount };
  });
  const total = plans.reduce((s, p) => s + p.compoundCount, 0);
  if (total !== TOTAL_COMPOUNDS) throw new Error(`compound counts sum to ${total}, not ${TOTAL_COMPOUNDS}`);
  return plans;
}

export function cityRow(): typeof cities.$inferInsert {
  return { code: CITY.code, name: CITY.name };
}

export function townshipRows(plans: readonly TownshipPlan[]): (typeof townships.$inferInsert)[] {
  return plans.map((p) => ({
    code: p.fact.code,
    cityCode: CITY.code,
    name: p.fact.name,
    pinyin: p.fact.pinyin,
    kind: p.fact.kind,
    seatLon: p.fact.seat[0],
    seatLat: p.fact.seat[1],
    boundary: structuredClone(p.boundary),
    boundarySource: 'approximate' as const,
  }));
}
