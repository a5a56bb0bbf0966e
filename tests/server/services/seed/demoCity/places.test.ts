/** Townships, communities and compounds: counts, geometry, names, households. */
import { booleanPointInPolygon, point, pointToLineDistance, polygon, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { CITY_OUTLINE } from '../../../../../data/geography/jinjiang.ts';
import { type DemoCity, generateDemoCity } from '../../../../../server/services/seed/demoCity/index.ts';
import { approximateTownshipBoundaries } from '../../../../../server/services/geo/townshipBoundaries.ts';

const AS_OF = '2026-11-25';
let city: DemoCity;
let early: DemoCity;
beforeAll(() => {
  city = generateDemoCity({ seed: 1, asOf: AS_OF });
  early = generateDemoCity({ seed: 1, asOf: '2024-01-15' });
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const code = (name: string) => city.townships.find((t) => t.name === name)!.code;
const countIn = (name: string) => city.compounds.filter((c) => c.townshipCode === code(name)).length;

/** Metres from a point to the nearest edge of a (multi)polygon. */
function edgeDistanceM(lon: number, lat: number, geometry: Polygon | MultiPolygon): number {
  const lines = polygonToLine(geometry) as
    Feature<LineString | MultiLineString> | { features: Feature<LineString | MultiLineString>[] };
  const parts: Feature<LineString | MultiLineString>[] = 'features' in lines ? lines.features : [lines];
  let best = Infinity;
  for (const part of parts) {
    const linesOf: number[][][] =
      part.geometry.type === 'LineString' ? [part.geometry.coordinates] : part.geometry.coordinates;
    for (const coords of linesOf) {
      best = Math.min(
        best,
        pointToLineDistance(
          point([lon, lat]),
          { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } },
          { units: 'meters' },
        ),
      );
    }
  }
  return best;
}

describe('townships', () => {
  it('has the city and its 19 townships with the approximate boundaries', () => {
    expect(city.city).toEqual({ code: '350582', name: '晋江市' });
    expect(city.townships).toHaveLength(19);
    const reference = approximateTownshipBoundaries();
    for (const t of city.townships) {
      expect(t.boundarySource).toBe('approximate');
      expect(t.boundary).toEqual(reference.features.find((f) => f.properties.code === t.code)!.geometry);
    }
  });
});

describe('compounds: how many and where', () => {
  it('has exactly 347 compounds in the 19 townships, following urban density', () => {
    expect(city.compounds).toHaveLength(347);
    expect(early.compounds).toHaveLength(347);
    for (const name of ['青阳街道', '梅岭街道', '西园街道', '罗山街道']) {
      expect(countIn(name)).toBeGreaterThanOrEqual(25);
      expect(countIn(name)).toBeLessThanOrEqual(35);
    }
    for (const name of ['陈埭镇', '池店镇', '安海镇']) expect(countIn(name)).toBeGreaterThanOrEqual(20);
    for (const name of ['磁灶镇', '东石镇', '深沪镇', '金井镇', '内坑镇', '龙湖镇', '永和镇', '英林镇', '紫帽镇']) {
      expect(countIn(name)).toBeGreaterThanOrEqual(8);
      expect(countIn(name)).toBeLessThanOrEqual(20);
    }
    expect(countIn('西滨镇')).toBeGreaterThanOrEqual(4);
    expect(countIn('西滨镇')).toBeLessThanOrEqual(6);
  });
  it('puts every compound strictly inside its own township, ≥ 150 m from the edge', () => {
    const byCode = new Map(city.townships.map((t) => [t.code, t.boundary]));
    const bad = city.compounds.filter((c) => {
      const boundary = byCode.get(c.townshipCode)!;
      return !booleanPointInPolygon(point([c.lon, c.lat]), boundary) || edgeDistanceM(c.lon, c.lat, boundary) < 150;
    });
    expect(bad.map((c) => c.name)).toEqual([]);
  });
  it('never in another township, in the sea or in Shishi (inside the city outline)', () => {
    const outline = polygon([CITY_OUTLINE.map(([lon, lat]) => [lon, lat])]);
    expect(city.compounds.filter((c) => !booleanPointInPolygon(point([c.lon, c.lat]), outline))).toEqual([]);
    const others = city.compounds.filter((c) =>
      city.townships.some((t) => t.code !== c.townshipCode && booleanPointInPolygon(point([c.lon, c.lat]), t.boundary)),
    );
    expect(others).toEqual([]);
  });
  it('keeps compounds at least 120 m apart and clustered near the seat', () => {
    const kx = 111_320 * Math.cos((24.75 * Math.PI) / 180);
    let closest = Infinity;
    for (let i = 0; i < city.compounds.length; i++) {
      for (let j = i + 1; j < city.compounds.length; j++) {
        const a = city.compounds[i]!;
        const b = city.compounds[j]!;
        closest = Math.min(closest, Math.hypot((a.lon - b.lon) * kx, (a.lat - b.lat) * 110_574));
      }
    }
    expect(closest).toBeGreaterThanOrEqual(120);
    // Denser near the seat: in each large town, the median distance to the seat is well under the township's radius.
    for (const t of city.townships.filter((x) => ['安海镇', '金井镇', '东石镇', '磁灶镇'].includes(x.name))) {
      const ds = city.compounds
        .filter((c) => c.townshipCode === t.code)
        .map((c) => Math.hypot((c.lon - t.seatLon) * kx, (c.lat - t.seatLat) * 110_574))
        .sort((a, b) => a - b);
      expect(ds[Math.floor(ds.length / 2)]!).toBeLessThan(3500);
    }
  });
});

describe('compounds: attributes', () => {
  it('has about 250,000 households, skewed 80–3,500', () => {
    const total = city.compounds.reduce((s, c) => s + c.households, 0);
    expect(Math.abs(total - 250_000) / 250_000).toBeLessThan(0.03);
    const hh = city.compounds.map((c) => c.households).sort((a, b) => a - b);
    expect(hh[0]).toBeGreaterThanOrEqual(80);
    expect(hh[hh.length - 1]).toBeLessThanOrEqual(3500);
    expect(hh[hh.length - 1]).toBeGreaterThan(2000);
    expect(hh[Math.floor(hh.length / 2)]!).toBeLessThan(total / hh.length); // right-skewed
    expect(city.compounds.find((c) => c.name === '捷宏盛宴')).toMatchObject({ households: 1700, yearBuilt: 2009 });
  });
  it('has plausible kinds, years, buildings and addresses', () => {
    const kinds = new Set(city.compounds.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['commercial', 'mixed', 'old', 'resettlement']);
    const old = city.compounds.filter((c) => c.kind === 'old');
    const commercial = city.compounds.filter((c) => c.kind === 'commercial');
    expect(mean(old.map((c) => c.yearBuilt!))).toBeLessThan(mean(commercial.map((c) => c.yearBuilt!)) - 8);
    expect(Math.min(...city.compounds.map((c) => c.yearBuilt!))).toBeGreaterThanOrEqual(1980);
    expect(Math.max(...city.compounds.map((c) => c.yearBuilt!))).toBeLessThanOrEqual(2025);
    for (const c of city.compounds) {
      expect(c.buildings).toBeGreaterThanOrEqual(1);
      const township = city.townships.find((t) => t.code === c.townshipCode)!;
      expect(c.address).toMatch(new RegExp(`^晋江市${township.name}.+(路|街|大道)\\d+号$`));
    }
  });
  it('lists a handful of new builds during 2024–2025, the rest from 2024-01-01', () => {
    const fresh = city.compounds.filter((c) => c.listedOn !== '2024-01-01');
    expect(fresh.length).toBeGreaterThanOrEqual(3);
    expect(fresh.length).toBeLessThanOrEqual(8);
    for (const c of fresh) expect(c.listedOn! > '2024-01-01' && c.listedOn! < '2026-01-01').toBe(true);
  });
  it('has two batches of about 70 美好家园 model compounds', () => {
    const batches = new Map<string, number>();
    for (const c of city.compounds)
      if (c.modelHomeSince) batches.set(c.modelHomeSince, (batches.get(c.modelHomeSince) ?? 0) + 1);
    const sorted = [...batches.entries()].sort();
    expect(sorted).toHaveLength(2);
    expect(sorted[0]![0].slice(0, 7)).toBe('2024-10');
    expect(sorted[1]![0].slice(0, 7)).toBe('2025-08');
    for (const [, n] of sorted) expect(Math.abs(n - 70)).toBeLessThanOrEqual(5);
    expect(early.compounds.filter((c) => c.modelHomeSince)).toEqual([]);
  });
});

describe('names', () => {
  const published: [string, string, string?][] = [
    ['梅屿苑', '西园街道', '王厝社区'],
    ['瑞璟·香榭花都', '梅岭街道'],
    ['鑫海湾', '东石镇'],
    ['荣欣大厦', '青阳街道', '霞行'],
    ['百宏香榭丽璟', '灵源街道'],
    ['新天地', '陈埭镇', '洋埭村'],
    ['塘头嘉园', '紫帽镇'],
    ['侨城海景湾', '安海镇', '西安村'],
    ['佳和大厦', '安海镇', '海东社区'],
    ['中百套房', '安海镇', '海东社区'],
    ['糖烟酒套房', '安海镇', '海东社区'],
    ['华友大厦', '安海镇', '海东社区'],
    ['五交化大厦', '安海镇', '海东社区'],
    ['捷宏盛宴', '安海镇', '鸿塔社区'],
    ['宝龙世家', '新塘街道', '晋新社区'],
    ['南天裕', '池店镇'],
    ['龙湖嘉天下', '池店镇'],
    ['莲花小区', '青阳街道'],
    ['梅华苑', '梅岭街道', '梅青社区'],
    ['竹园小区', '梅岭街道'],
    ['华泰国际新城', '罗山街道'],
  ];
  it('places the compounds named in the articles in their townships and communities', () => {
    for (const [name, township, community] of published) {
      const c = city.compounds.find((x) => x.name === name);
      expect(c, name).toBeDefined();
      expect(c!.townshipCode, name).toBe(code(township));
      if (community) expect(city.communities.find((x) => x.id === c!.communityId)!.name, name).toContain(community);
    }
    for (const name of ['福璟花园', '浔兴翰林春天', '宝龙金色家园', '兰峰小区', '金利花苑'])
      expect(city.compounds.some((c) => c.name === name)).toBe(true);
    const anhaiOld = city.compounds.filter((c) =>
      ['佳和大厦', '中百套房', '糖烟酒套房', '华友大厦', '五交化大厦'].includes(c.name),
    );
    for (const c of anhaiOld) {
      expect(c.kind).toBe('old');
      expect(c.yearBuilt).toBeLessThan(2000);
    }
    expect(city.compounds.find((c) => c.name === '竹园小区')!.yearBuilt).toBeLessThanOrEqual(2006);
  });
  it('keeps compound and company names unique, invented names free of real brands', () => {
    expect(new Set(city.compounds.map((c) => c.name)).size).toBe(347);
    expect(new Set(city.propertyCompanies.map((c) => c.name)).size).toBe(city.propertyCompanies.length);
    const publishedNames = new Set([
      ...published.map((p) => p[0]),
      '福璟花园',
      '浔兴翰林春天',
      '宝龙金色家园',
      '兰峰小区',
      '金利花苑',
    ]);
    const brands =
      /万科|碧桂园|恒大|保利|中海|世茂|融侨|泰禾|阳光城|建发|禹洲|金茂|融创|绿城|华润|招商|旭辉|龙湖|宝龙|万达|卓越|彩生活|雅生活/;
    expect(city.compounds.filter((c) => !publishedNames.has(c.name) && brands.test(c.name))).toEqual([]);
    expect(city.propertyCompanies.filter((c) => brands.test(c.name))).toEqual([]);
    for (const c of city.propertyCompanies) expect(c.name).toMatch(/^(晋江市|福建|泉州).{2}物业(服务|管理)有限公司$/);
  });
  it('has 3–8 communities per township, named XX社区/XX村, each with its compounds', () => {
    for (const t of city.townships) {
      const list = city.communities.filter((c) => c.townshipCode === t.code);
      expect(list.length, t.name).toBeGreaterThanOrEqual(3);
      expect(list.length, t.name).toBeLessThanOrEqual(8);
      for (const c of list) expect(c.name).toMatch(c.kind === 'village' ? /村$/ : /社区$/);
    }
    for (const name of ['王厝社区', '霞行社区', '洋埭村', '西安村', '海东社区', '鸿塔社区', '晋新社区', '梅青社区']) {
      expect(city.communities.filter((c) => c.name === name)).toHaveLength(1);
    }
    expect(new Set(city.communities.map((c) => c.name)).size).toBe(city.communities.length);
    const used = new Set(city.compounds.map((c) => c.communityId));
    expect(city.communities.filter((c) => !used.has(c.id))).toEqual([]);
  });
});
