/**
 * Facts about Jinjiang (晋江市, 350582), from ../shared/facts/jinjiang-geography.md.
 * Coordinates: WGS84 [longitude, latitude] in degrees. Seats marked `estimated` are ±1–3 km.
 */
export const CITY = { code: '350582', name: '晋江市', nameEn: 'Jinjiang' } as const;

export type { TownshipFact, TownshipKind } from '../../shared/city/cityDefinition.ts';
import type { TownshipFact } from '../../shared/city/cityDefinition.ts';

export const TOWNSHIPS: readonly TownshipFact[] = [
  {
    code: '350582001',
    name: '青阳街道',
    pinyin: 'Qingyang',
    kind: 'subdistrict',
    seat: [118.573, 24.81],
    seatConfidence: 'estimated',
    landAreaKm2: null,
  },
  {
    code: '350582002',
    name: '梅岭街道',
    pinyin: 'Meiling',
    kind: 'subdistrict',
    seat: [118.585, 24.823],
    seatConfidence: 'estimated',
    landAreaKm2: 11,
  },
  {
    code: '350582003',
    name: '西园街道',
    pinyin: 'Xiyuan',
    kind: 'subdistrict',
    seat: [118.548, 24.812],
    seatConfidence: 'estimated',
    landAreaKm2: 20,
  },
  {
    code: '350582004',
    name: '罗山街道',
    pinyin: 'Luoshan',
    kind: 'subdistrict',
    seat: [118.56, 24.785],
    seatConfidence: 'estimated',
    landAreaKm2: null,
  },
  {
    code: '350582005',
    name: '新塘街道',
    pinyin: 'Xintang',
    kind: 'subdistrict',
    seat: [118.607, 24.775],
    seatConfidence: 'estimated',
    landAreaKm2: 18.5,
  },
  {
    code: '350582006',
    name: '灵源街道',
    pinyin: 'Lingyuan',
    kind: 'subdistrict',
    seat: [118.548, 24.742],
    seatConfidence: 'estimated',
    landAreaKm2: null,
  },
  {
    code: '350582101',
    name: '安海镇',
    pinyin: 'Anhai',
    kind: 'town',
    seat: [118.471, 24.719],
    seatConfidence: 'sourced',
    landAreaKm2: 54.7,
  },
  {
    code: '350582102',
    name: '磁灶镇',
    pinyin: 'Cizao',
    kind: 'town',
    seat: [118.488, 24.821],
    seatConfidence: 'sourced',
    landAreaKm2: 56,
  },
  {
    code: '350582103',
    name: '陈埭镇',
    pinyin: 'Chendai',
    kind: 'town',
    seat: [118.62, 24.833],
    seatConfidence: 'estimated',
    landAreaKm2: 38,
  },
  {
    code: '350582104',
    name: '东石镇',
    pinyin: 'Dongshi',
    kind: 'town',
    seat: [118.485, 24.65],
    seatConfidence: 'estimated',
    landAreaKm2: 65,
  },
  {
    code: '350582105',
    name: '深沪镇',
    pinyin: 'Shenhu',
    kind: 'town',
    seat: [118.671, 24.618],
    seatConfidence: 'sourced',
    landAreaKm2: 33,
  },
  {
    code: '350582106',
    name: '金井镇',
    pinyin: 'Jinjing',
    kind: 'town',
    seat: [118.61, 24.592],
    seatConfidence: 'estimated',
    landAreaKm2: 56.7,
  },
  {
    code: '350582107',
    name: '池店镇',
    pinyin: 'Chidian',
    kind: 'town',
    seat: [118.574, 24.861],
    seatConfidence: 'sourced',
    landAreaKm2: 25.5,
  },
  {
    code: '350582109',
    name: '内坑镇',
    pinyin: 'Neikeng',
    kind: 'town',
    seat: [118.465, 24.768],
    seatConfidence: 'estimated',
    landAreaKm2: 47,
  },
  {
    code: '350582110',
    name: '龙湖镇',
    pinyin: 'Longhu',
    kind: 'town',
    seat: [118.615, 24.68],
    seatConfidence: 'estimated',
    landAreaKm2: 63.9,
  },
  {
    code: '350582111',
    name: '永和镇',
    pinyin: 'Yonghe',
    kind: 'town',
    seat: [118.57, 24.712],
    seatConfidence: 'estimated',
    landAreaKm2: 50,
  },
  {
    code: '350582112',
    name: '英林镇',
    pinyin: 'Yinglin',
    kind: 'town',
    seat: [118.56, 24.63],
    seatConfidence: 'estimated',
    landAreaKm2: 29.8,
  },
  {
    code: '350582113',
    name: '紫帽镇',
    pinyin: 'Zimao',
    kind: 'town',
    seat: [118.52, 24.864],
    seatConfidence: 'sourced',
    landAreaKm2: 21.8,
  },
  {
    code: '350582114',
    name: '西滨镇',
    pinyin: 'Xibin',
    kind: 'town',
    seat: [118.628, 24.803],
    seatConfidence: 'estimated',
    landAreaKm2: 2.1,
  },
];

/** Approximate outline of Jinjiang, anticlockwise, closed (hand-estimated, ±1–3 km). */
export const CITY_OUTLINE: readonly (readonly [number, number])[] = [
  [118.502, 24.889],
  [118.553, 24.88],
  [118.57, 24.892],
  [118.595, 24.888],
  [118.62, 24.877],
  [118.645, 24.862],
  [118.663, 24.842],
  [118.672, 24.812],
  [118.655, 24.795],
  [118.638, 24.779],
  [118.62, 24.766],
  [118.598, 24.752],
  [118.566, 24.737],
  [118.59, 24.722],
  [118.612, 24.708],
  [118.634, 24.694],
  [118.652, 24.68],
  [118.643, 24.667],
  [118.662, 24.652],
  [118.684, 24.642],
  [118.703, 24.63],
  [118.71, 24.614],
  [118.692, 24.598],
  [118.665, 24.59],
  [118.64, 24.57],
  [118.615, 24.547],
  [118.59, 24.527],
  [118.567, 24.513],
  [118.548, 24.572],
  [118.522, 24.597],
  [118.49, 24.612],
  [118.46, 24.622],
  [118.45, 24.643],
  [118.452, 24.672],
  [118.447, 24.7],
  [118.428, 24.76],
  [118.418, 24.79],
  [118.422, 24.818],
  [118.446, 24.846],
  [118.472, 24.87],
  [118.502, 24.889],
];

/** Quanzhou Jinjiang airport, a landmark for orientation. */
export const AIRPORT: readonly [number, number] = [118.59, 24.796];

/** Shishi (石狮市, 350581): not part of Jinjiang; drawn dimmed on the map, nothing of ours inside. */
export const SHISHI = { code: '350581', name: '石狮市', centre: [118.644, 24.735] as const };

/**
 * Schematic outline of Shishi, drawn dimmed on the map: bounded on the west by Jinjiang's
 * outline (the vertices of CITY_OUTLINE from 118.672, 24.812 round to 118.662, 24.652) and on the
 * east by a hand-drawn coast within its published extent (≈ 118.563–118.781 E, 24.664–24.813 N).
 */
export const SHISHI_OUTLINE: readonly (readonly [number, number])[] = [
  [118.672, 24.812],
  [118.655, 24.795],
  [118.638, 24.779],
  [118.62, 24.766],
  [118.598, 24.752],
  [118.566, 24.737],
  [118.59, 24.722],
  [118.612, 24.708],
  [118.634, 24.694],
  [118.652, 24.68],
  [118.643, 24.667],
  [118.662, 24.652],
  [118.7, 24.664],
  [118.74, 24.676],
  [118.781, 24.7],
  [118.772, 24.736],
  [118.748, 24.768],
  [118.718, 24.792],
  [118.69, 24.81],
  [118.672, 24.812],
];

/**
 * The mainland around Jinjiang (Quanzhou's 鲤城/丰泽 to the north, 南安 to the west), drawn
 * dimmed so the coast reads as coast. Schematic: it follows Jinjiang's outline where they touch
 * and runs off the map elsewhere.
 */
export const SURROUNDING_LAND: readonly (readonly [number, number])[] = [
  [118.45, 24.643],
  [118.452, 24.672],
  [118.447, 24.7],
  [118.428, 24.76],
  [118.418, 24.79],
  [118.422, 24.818],
  [118.446, 24.846],
  [118.472, 24.87],
  [118.502, 24.889],
  [118.553, 24.88],
  [118.57, 24.892],
  [118.595, 24.888],
  [118.62, 24.877],
  [118.645, 24.862],
  [118.668, 24.9],
  [118.7, 24.93],
  [118.75, 24.95],
  [118.75, 25.1],
  [118.2, 25.1],
  [118.2, 24.6],
  [118.33, 24.62],
  [118.4, 24.655],
  [118.45, 24.643],
];

/**
 * Where a township's name is drawn when its centroid would collide with a neighbour's label:
 * 陈埭 surrounds 西滨, so its name goes to its northern part and 西滨's just below its disc.
 */
export const LABEL_POSITIONS: Readonly<Record<string, readonly [number, number]>> = {
  '350582103': [118.642, 24.849],
  '350582114': [118.628, 24.795],
};
