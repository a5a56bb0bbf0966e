/**
 * The deterministic demo-city generator: a demonstration dataset (演示数据) for Jinjiang
 * calibrated to the published figures (347 compounds in 19 townships, 286 under property
 * management by 111 companies, ≈ 250,000 households, the party-organisation mix, the
 * committee and meeting rates, 96 five-star and 76 four-star compounds, …), with dated
 * history from 2024-01-01 to `asOf`.
 *
 * Pure: the same seed and asOf give deep-equal output; nothing is dated after asOf.
 * Figures that describe "the present" in the articles (286, 111, 96/76, 347, 59) hold on asOf;
 * the campaign's milestones (74.5 % party coverage at the start of 2024, 100 % by 2025-05-31,
 * committees 40 % → 83 % by March 2025, …) are anchored to their calendar dates.
 */
import type {
  cities,
  committeeTerms,
  communities,
  compounds,
  evaluations,
  meetings,
  partyOrganisations,
  petitions,
  propertyCompanies,
  propertyContracts,
  residentIssues,
  townships,
} from '../../../../data/schema/index.ts';
import { generateCommitteeTerms } from './committees.ts';
import { planCompounds } from './compounds.ts';
import { HISTORY_START, isIsoDate, toDayNumber } from '../../../../shared/time/dates.ts';
import { assignModelHomes, generateEvaluations } from './evaluations.ts';
import { generateIssues } from './issues.ts';
import { generateMeetings } from './meetings.ts';
import { generatePartyOrganisations } from './party.ts';
import { generatePetitions } from './petitions.ts';
import { planProperty } from './property.ts';
import { clamp, Random } from './random.ts';
import { evaluationDay, planRounds } from './rounds.ts';
import { cityRow, planTownships, townshipRows } from './townships.ts';

export interface DemoCityOptions {
  seed: number;
  /** YYYY-MM-DD, the last day of history (≥ 2024-01-01). */
  asOf: string;
}

export interface DemoCity {
  city: typeof cities.$inferInsert;
  /** Boundaries from approximateTownshipBoundaries(), boundarySource 'approximate'. */
  townships: (typeof townships.$inferInsert)[];
  communities: (typeof communities.$inferInsert & { id: number })[];
  /** 111 active companies plus those removed after a failing evaluation (they serve nothing on asOf). */
  propertyCompanies: (typeof propertyCompanies.$inferInsert & { id: number })[];
  compounds: (typeof compounds.$inferInsert & { id: number })[];
  propertyContracts: (typeof propertyContracts.$inferInsert)[];
  partyOrganisations: (typeof partyOrganisations.$inferInsert)[];
  committeeTerms: (typeof committeeTerms.$inferInsert)[];
  meetings: (typeof meetings.$inferInsert)[];
  evaluations: (typeof evaluations.$inferInsert)[];
  /** `status` is a generated column and never set. */
  residentIssues: (typeof residentIssues.$inferInsert)[];
  petitions: (typeof petitions.$inferInsert)[];
}

export function generateDemoCity(options: DemoCityOptions): DemoCity {
  const { seed, asOf } = options;
  if (!Number.isFinite(seed)) throw new Error(`demo city: seed must be a finite number, got ${seed}`);
  if (!isIsoDate(asOf)) throw new Error(`demo city: asOf must be a YYYY-MM-DD date, got ${JSON.stringify(asOf)}`);
  const asOfDay = toDayNumber(asOf);
  if (asOfDay < toDayNumber(HISTORY_START))
    throw new Error(`demo city: asOf (${asOf}) must be on or after ${HISTORY_START}, when the history starts`);

  const rng = new Random(seed, 'demo-city');
  const townshipPlans = planTownships();
  /** How far each township lags in governance (−1 … 1): drives rankings. */
  const lagRng = rng.fork('township-lag');
  const lag = townshipPlans.map(() => clamp(lagRng.normal(0, 0.5), -1, 1));

  const { compounds: compoundPlans, communities: communityRows } = planCompounds(
    rng.fork('compounds'),
    townshipPlans,
    asOf,
  );
  const rounds = planRounds(rng.fork('rounds'), asOf, townshipPlans.length);
  const dayRng = rng.fork('evaluation-days');
  const evalDays = rounds.map((r) => compoundPlans.map((c) => evaluationDay(dayRng, r, c.townshipIndex)));
  const dayOfEvaluation = (round: { index: number }, c: { row: { id: number } }) =>
    evalDays[round.index]![c.row.id - 1]!;

  const property = planProperty(rng.fork('property'), compoundPlans, rounds, asOf, dayOfEvaluation);
  const evaluationRows = generateEvaluations(rng.fork('evaluations'), compoundPlans, rounds, property, dayOfEvaluation);
  assignModelHomes(rng.fork('model-homes'), compoundPlans, property, evaluationRows, asOf);

  const city: DemoCity = {
    city: cityRow(),
    townships: townshipRows(townshipPlans),
    communities: communityRows,
    propertyCompanies: property.companies,
    compounds: compoundPlans.map((c) => c.row),
    propertyContracts: property.contracts,
    partyOrganisations: generatePartyOrganisations(
      rng.fork('party'),
      compoundPlans,
      lag,
      asOf,
      new Set(property.managedSince.keys()),
    ),
    committeeTerms: generateCommitteeTerms(rng.fork('committees'), compoundPlans, lag, asOf),
    meetings: generateMeetings(rng.fork('meetings'), compoundPlans, lag, asOf),
    evaluations: evaluationRows,
    residentIssues: generateIssues(rng.fork('issues'), compoundPlans, lag, asOf),
    petitions: generatePetitions(rng.fork('petitions'), compoundPlans, lag, asOf),
  };
  return city;
}
