/** 精细化考评: the township's evaluation of a compound's property service. */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { compounds, propertyCompanies } from './compounds.ts';
import type { Rating } from '../../shared/compounds/compoundStatus.ts';

// Ratings as stored ('5'…'1' stars, or 'fail'): defined with the compound status both sides read.
export { RATINGS, type Rating } from '../../shared/compounds/compoundStatus.ts';

export const evaluations = pgTable(
  'evaluations',
  {
    id: serial('id').primaryKey(),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    /** The company evaluated (the one under contract on that date). */
    companyId: integer('company_id').references(() => propertyCompanies.id),
    evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
    /** Total score, 0–100. */
    score: numeric('score', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    /** Safety part of the score, 0–100 (weighted 1/3 since 2024). */
    safetyScore: numeric('safety_score', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    rating: text('rating').$type<Rating>().notNull(),
  },
  (t) => [
    check('evaluations_rating_valid', sql`${t.rating} in ('5','4','3','2','1','fail')`),
    check('evaluations_score_range', sql`${t.score} between 0 and 100 and ${t.safetyScore} between 0 and 100`),
    index('evaluations_compound_date_idx').on(t.compoundId, t.evaluatedOn),
  ],
);
