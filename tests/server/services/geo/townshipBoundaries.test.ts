import { area, booleanPointInPolygon, booleanWithin, centroid, intersect, featureCollection, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { SHISHI, TOWNSHIPS } from '../../../../data/geography/jinjiang.ts';
import { approximateTownshipBoundaries, cityOutline } from '../../../../server/services/geo/townshipBoundaries.ts';

const boundaries = approximateTownshipBoundaries();
const byCode = new Map(boundaries.features.map((f) => [f.properties.code, f]));
const km2 = (f: Parameters<typeof area>[0]) => area(f) / 1e6;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('approximate township boundaries', () => {
  it('gives each of the 19 townships one boundary, marked approximate', () => {
    expect(boundaries.features.map((f) => f.properties.code)).toEqual(TOWNSHIPS.map((t) => t.code));
    for (const f of boundaries.features) expect(f.properties.boundarySource, f.properties.code).toBe('approximate');
  });

  it('puts every seat inside its own township', () => {
    for (const t of TOWNSHIPS)
      expect(booleanPointInPolygon(point([...t.seat]), byCode.get(t.code)!), t.name).toBe(true);
  });

  it('stays inside the city outline and leaves Shishi out', () => {
    const outline = cityOutline();
    const total = boundaries.features.reduce((sum, f) => sum + km2(f), 0);
    // The ring encloses ≈ 709 km²; the townships tile it without gaps or overlaps.
    expect(total).toBeGreaterThan(km2(outline) * 0.99);
    expect(total).toBeLessThan(km2(outline) * 1.01);
    for (const f of boundaries.features) {
      expect(booleanPointInPolygon(point([...SHISHI.centre]), f), f.properties.name).toBe(false);
      expect(booleanWithin(centroid(f), outline), f.properties.name).toBe(true);
    }
  });

  it('does not overlap between townships', () => {
    const features = boundaries.features;
    for (let i = 0; i < features.length; i++)
      for (let j = i + 1; j < features.length; j++) {
        const overlap = intersect(featureCollection([features[i]!, features[j]!]));
        const shared = overlap ? km2(overlap) : 0;
        expect(shared, `${features[i]!.properties.name} × ${features[j]!.properties.name}`).toBeLessThan(0.01);
      }
  });

  it('draws 西滨 small (≈ 2.1 km²) and enclosed by 陈埭, and the central 街道 smaller than the towns', () => {
    const xibin = byCode.get('350582114')!;
    expect(km2(xibin)).toBeGreaterThan(1.8);
    expect(km2(xibin)).toBeLessThan(2.4);
    const chendai = byCode.get('350582103')!;
    expect(booleanPointInPolygon(point([...TOWNSHIPS.find((t) => t.code === '350582114')!.seat]), chendai)).toBe(false);
    const subdistricts = TOWNSHIPS.filter((t) => t.kind === 'subdistrict').map((t) => km2(byCode.get(t.code)!));
    const towns = TOWNSHIPS.filter((t) => t.kind === 'town' && t.code !== '350582114').map((t) =>
      km2(byCode.get(t.code)!),
    );
    expect(mean(subdistricts)).toBeLessThan(mean(towns) * 0.6);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(approximateTownshipBoundaries())).toBe(JSON.stringify(boundaries));
  });
});
