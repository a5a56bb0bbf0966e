/**
 * Places: cities (county level), townships (镇/街道) and communities/villages (社区/村).
 * Coordinates are WGS84 longitude/latitude in degrees.
 */
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgEnum, pgTable, serial, text } from 'drizzle-orm/pg-core';
import type { MultiPolygon, Polygon } from 'geojson';

export const townshipKind = pgEnum('township_kind', ['subdistrict', 'town']);
export const boundarySource = pgEnum('boundary_source', ['approximate', 'official']);
export const communityKind = pgEnum('community_kind', ['community', 'village']);

/** A county-level city (e.g. 350582 晋江市); every township belongs to one, so a province fits the same schema. */
export const cities = pgTable('cities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const townships = pgTable(
  'townships',
  {
    /** National Bureau of Statistics code, 9 digits (350582xxx). */
    code: text('code').primaryKey(),
    cityCode: text('city_code')
      .notNull()
      .references(() => cities.code),
    name: text('name').notNull(),
    pinyin: text('pinyin').notNull(),
    kind: townshipKind('kind').notNull(),
    seatLon: doublePrecision('seat_lon').notNull(),
    seatLat: doublePrecision('seat_lat').notNull(),
    /** GeoJSON geometry in WGS84. */
    boundary: jsonb('boundary').$type<Polygon | MultiPolygon>().notNull(),
    boundarySource: boundarySource('boundary_source').notNull().default('approximate'),
  },
  (t) => [
    check('townships_code_format', sql`${t.code} ~ '^[0-9]{9}$'`),
    // The city's own area is checked by the services (shared/city); the schema is the same for every city.
    check('townships_seat_is_lon_lat', sql`${t.seatLon} between -180 and 180 and ${t.seatLat} between -90 and 90`),
    index('townships_city_idx').on(t.cityCode),
  ],
);

export const communities = pgTable(
  'communities',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    townshipCode: text('township_code')
      .notNull()
      .references(() => townships.code),
    name: text('name').notNull(),
    kind: communityKind('kind').notNull(),
    /** Population of households is held on compounds; this is only the place. */
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('communities_township_idx').on(t.townshipCode)],
);
