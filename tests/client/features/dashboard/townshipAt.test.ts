/**
 * The map picks townships by geometry (the township layer is not drawn on the first view): a
 * hover or click anywhere in a township finds that township, and nothing outside the city.
 */
import { describe, expect, it } from 'vitest';
import { JINJIANG } from '../../../../data/cities/jinjiang.ts';
import { TOWNSHIPS } from '../../../../data/geography/jinjiang.ts';
import { townshipAt, townshipFeatures } from '../../../../client/src/features/dashboard/townshipFeatures.ts';
import { approximateTownshipBoundaries } from '../../../../server/services/geo/townshipBoundaries.ts';

const features = townshipFeatures(
  approximateTownshipBoundaries().features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    boundary: f.geometry,
    boundarySource: 'approximate' as const,
  })) as never,
  JINJIANG.labelPositions,
);

describe('townshipAt', () => {
  it.each(TOWNSHIPS.map((t) => [t.name, t] as const))('finds %s at its seat', (_name, township) => {
    expect(townshipAt(features, township.seat)?.properties.code).toBe(township.code);
  });

  it('finds none at sea, outside the city, or without a position', () => {
    expect(townshipAt(features, [118.9, 24.6])).toBeUndefined();
    expect(townshipAt(features, [117.0, 24.0])).toBeUndefined();
    expect(townshipAt(features, null)).toBeUndefined();
    expect(townshipAt(features, [])).toBeUndefined();
  });
});
