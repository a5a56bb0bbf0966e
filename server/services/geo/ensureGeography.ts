/**
 * The places every dataset needs before compounds can be stored: the city, its townships
 * (approximate boundaries until official ones are imported) and its default targets, all from
 * the city definition. The demo seed brings its own; a real ledger imported into an empty
 * database gets them from the definition.
 */
import { count } from 'drizzle-orm';
import { cities, targets, townships } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { activeCity } from '../city/activeCity.ts';
import type { TownshipRef } from '../ledger/validateRow.ts';
import { approximateTownshipBoundaries } from './townshipBoundaries.ts';

/** The townships as stored, or, in an empty database, as ensureGeography would store them. */
export async function townshipRefs(db: Db): Promise<TownshipRef[]> {
  const rows = await db
    .select({
      code: townships.code,
      name: townships.name,
      boundary: townships.boundary,
      boundarySource: townships.boundarySource,
    })
    .from(townships)
    .orderBy(townships.code);
  if (rows.length > 0) return rows;
  const city = activeCity();
  const boundaries = new Map(approximateTownshipBoundaries(city).features.map((f) => [f.properties.code, f.geometry]));
  return city.townships.map((t) => ({
    code: t.code,
    name: t.name,
    boundary: boundaries.get(t.code)!,
    boundarySource: 'approximate' as const,
  }));
}

export async function ensureGeography(db: Db): Promise<void> {
  const city = activeCity();
  const [cityCount] = await db.select({ n: count() }).from(cities);
  if ((cityCount?.n ?? 0) === 0) await db.insert(cities).values({ code: city.code, name: city.name });
  const [townshipCount] = await db.select({ n: count() }).from(townships);
  if ((townshipCount?.n ?? 0) === 0) {
    const boundaries = new Map(
      approximateTownshipBoundaries(city).features.map((f) => [f.properties.code, f.geometry]),
    );
    await db.insert(townships).values(
      city.townships.map((t) => ({
        code: t.code,
        cityCode: city.code,
        name: t.name,
        pinyin: t.pinyin,
        kind: t.kind,
        seatLon: t.seat[0],
        seatLat: t.seat[1],
        boundary: boundaries.get(t.code)!,
        boundarySource: 'approximate' as const,
      })),
    );
  }
  const [targetCount] = await db.select({ n: count() }).from(targets);
  if ((targetCount?.n ?? 0) === 0)
    await db.insert(targets).values(city.targets.map((t) => ({ ...t, townshipCode: null })));
}
