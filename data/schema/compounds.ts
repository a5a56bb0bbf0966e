/**
 * Residential compounds (住宅小区), the property companies that serve them and the
 * dated contracts between the two (a compound is "under property management" on a date
 * when a contract is in force on that date).
 *
 * Date ranges are half-open everywhere in OneMap: a record holds from its start date
 * (inclusive) to its end date (exclusive); a null end means "still in force".
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
} from 'drizzle-orm/pg-core';
import type { Polygon } from 'geojson';
import { communities, townships } from './geography.ts';

export const compoundKind = pgEnum('compound_kind', ['commercial', 'resettlement', 'old', 'mixed']);

export const propertyCompanies = pgTable('property_companies', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Unified social credit code where known. */
  creditCode: text('credit_code'),
});

export const compounds = pgTable(
  'compounds',
  {
    id: serial('id').primaryKey(),
    /** Stable ledger code; re-imports match on it. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    townshipCode: text('township_code')
      .notNull()
      .references(() => townships.code),
    communityId: integer('community_id').references(() => communities.id),
    /** WGS84 degrees. */
    lon: doublePrecision('lon').notNull(),
    lat: doublePrecision('lat').notNull(),
    footprint: jsonb('footprint').$type<Polygon>(),
    households: integer('households').notNull(),
    buildings: integer('buildings').notNull().default(1),
    yearBuilt: integer('year_built'),
    kind: compoundKind('kind').notNull(),
    /** First day the compound is in the ledger (in scope of every indicator from then on). */
    listedOn: date('listed_on', { mode: 'string' }).notNull(),
    /** 美好家园 model compound since this date. */
    modelHomeSince: date('model_home_since', { mode: 'string' }),
  },
  (t) => [
    check('compounds_households_nonnegative', sql`${t.households} >= 0`),
    check('compounds_buildings_nonnegative', sql`${t.buildings} >= 0`),
    // Where a point may lie is the city's (shared/city: storableBounds, geo/cityArea): the services
    // check it before they store one; the schema is the same for every city.
    check('compounds_location_is_lon_lat', sql`${t.lon} between -180 and 180 and ${t.lat} between -90 and 90`),
    check('compounds_year_built_plausible', sql`${t.yearBuilt} is null or ${t.yearBuilt} between 1949 and 2100`),
    index('compounds_township_idx').on(t.townshipCode),
  ],
);

export const propertyContracts = pgTable(
  'property_contracts',
  {
    id: serial('id').primaryKey(),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    companyId: integer('company_id')
      .notNull()
      .references(() => propertyCompanies.id),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    /** Exclusive; null while in force. */
    endOn: date('end_on', { mode: 'string' }),
  },
  (t) => [
    check('property_contracts_end_after_start', sql`${t.endOn} is null or ${t.endOn} > ${t.startOn}`),
    index('property_contracts_compound_idx').on(t.compoundId, t.startOn),
  ],
);
