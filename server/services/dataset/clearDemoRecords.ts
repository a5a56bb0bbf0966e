/**
 * Before a real ledger replaces the demonstration: removes the demo compounds with all their
 * history, the invented communities and property companies, the reviewed-week snapshots taken of
 * them, the demo's supervision items, early warnings and evidence (all about demo compounds) and
 * the dataset facts. Keeps the city, the townships (and any official boundaries), the
 * targets, users, the review rules and the audit log.
 */
import { getTableName, sql } from 'drizzle-orm';
import * as schema from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';

const DEMO_TABLES = [
  schema.communities,
  schema.propertyCompanies,
  schema.compounds,
  schema.propertyContracts,
  schema.partyOrganisations,
  schema.committeeTerms,
  schema.meetings,
  schema.evaluations,
  schema.residentIssues,
  schema.petitions,
  schema.reviewedWeeks,
  schema.attachments,
  schema.supervisionItemEvents,
  schema.supervisionItems,
  schema.supervisionWarnings,
  schema.datasetInfo,
];

export async function clearDemoRecords(db: Db): Promise<void> {
  const names = DEMO_TABLES.map((t) => `"${getTableName(t)}"`).join(', ');
  await db.execute(sql.raw(`truncate ${names} restart identity`));
}
