/**
 * What a ledger import that replaces the demonstration deletes, counted before it does (the dry
 * run shows it first, in red), and the confirmation it needs. The command line's `--replace-demo`
 * is itself the confirmation; in the browser the person ticks "清除演示数据后导入" and types the
 * city's name, which the server checks (not only the button).
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import * as schema from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { DEMO_ACCOUNTS } from '../auth/demoAccounts.ts';
import { activeCity } from '../city/activeCity.ts';
import { BadInputError } from '../errors.ts';
import { DEMO_REPLACEMENT_WORDS } from './demoReplacementWords.ts';

/** Rows a replacement deletes (demo accounts are disabled, not deleted). */
export interface DemoDeletion {
  compounds: number;
  communities: number;
  propertyCompanies: number;
  residentIssues: number;
  petitions: number;
  meetings: number;
  evaluations: number;
  committeeTerms: number;
  partyOrganisations: number;
  reviewedWeeks: number;
  demoAccounts: number;
  /** The name the person must type to confirm (晋江市). */
  cityName: string;
}

/** Without the tick, from the browser: no command-line wording (both languages). */
export const WEB_DEMO_REFUSAL = DEMO_REPLACEMENT_WORDS.webRefusal;

/** Is the typed text the city's name (spaces around it ignored)? */
export function confirmsCity(typed: string | undefined): boolean {
  return typed !== undefined && typed.trim() === activeCity().name;
}

export function requireCityConfirmation(typed: string | undefined): void {
  if (!confirmsCity(typed)) throw new BadInputError(DEMO_REPLACEMENT_WORDS.confirmCity(activeCity().name));
}

export async function countDemoDeletion(db: Db): Promise<DemoDeletion> {
  const rows = async (table: Tables) => Number((await db.select({ n: count() }).from(table))[0]?.n ?? 0);
  const [accounts] = await db
    .select({ n: count() })
    .from(schema.users)
    .where(
      and(
        inArray(
          schema.users.username,
          DEMO_ACCOUNTS.map((a) => a.username),
        ),
        eq(schema.users.disabled, false),
      ),
    );
  // One at a time: PGlite runs one query at a time anyway.
  return {
    compounds: await rows(schema.compounds),
    communities: await rows(schema.communities),
    propertyCompanies: await rows(schema.propertyCompanies),
    residentIssues: await rows(schema.residentIssues),
    petitions: await rows(schema.petitions),
    meetings: await rows(schema.meetings),
    evaluations: await rows(schema.evaluations),
    committeeTerms: await rows(schema.committeeTerms),
    partyOrganisations: await rows(schema.partyOrganisations),
    reviewedWeeks: await rows(schema.reviewedWeeks),
    demoAccounts: Number(accounts?.n ?? 0),
    cityName: activeCity().name,
  };
}

type Tables =
  | typeof schema.compounds
  | typeof schema.communities
  | typeof schema.propertyCompanies
  | typeof schema.residentIssues
  | typeof schema.petitions
  | typeof schema.meetings
  | typeof schema.evaluations
  | typeof schema.committeeTerms
  | typeof schema.partyOrganisations
  | typeof schema.reviewedWeeks;
