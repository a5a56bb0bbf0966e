/**
 * Loads the generated demonstration city into a database, all or nothing, and records that
 * the data is a demonstration (演示数据) so every screen and export can say so. The generator is
 * calibrated to Jinjiang's published figures; any other city's demonstration dataset (a test's
 * synthetic city) goes through `seedDataset`, the same write path with that city's targets.
 */
import { count, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../../data/schema/index.ts';
import { generateDemoCity, type DemoCity } from './demoCity/index.ts';
import { Random } from './demoCity/random.ts';
import { generateSupervisionHistory } from './demoCity/supervisionHistory.ts';
import { cityRow } from './demoCity/townships.ts';
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { ensureDemoAccounts } from '../auth/demoAccounts.ts';
import { activeCity } from '../city/activeCity.ts';
import { makeCityAreaTest } from '../geo/cityArea.ts';
import { runWarnings } from '../warnings/runWarnings.ts';
import { parseIsoDate, HISTORY_START } from '../../../shared/time/dates.ts';
import { deferCountsTimeline, rebuildCountsTimeline } from '../metrics/countsTimeline.ts';

export class SeedError extends Error {
  override name = 'SeedError';
}

export interface SeedOptions {
  seed: number;
  asOf: string;
  /** Wipe existing records first; without it a non-empty database is left untouched. */
  reset?: boolean;
}

/** Every data table, children after parents (reverse for deletion). */
export const DATA_TABLES = [
  schema.cities,
  schema.townships,
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
  schema.targets,
  schema.datasetInfo,
] as const;

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for our widest table. */
const CHUNK = 2000;

async function insertAll(db: Db, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insert(table).values(rows.slice(i, i + CHUNK) as never);
  }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(schema.compounds);
  return (row?.n ?? 0) === 0;
}

export interface SeedSummary {
  compounds: number;
  townships: number;
  rows: number;
}

/** Whether the deployment's city has the generated demonstration (only Jinjiang's exists). */
export function demoAvailable(): boolean {
  return activeCity().code === cityRow().code;
}

export async function seedDemoCity(db: Db, options: SeedOptions): Promise<SeedSummary> {
  parseIsoDate(options.asOf, '截至日期');
  if (options.asOf < HISTORY_START) throw new SeedError(`截至日期 ${options.asOf} 早于数据起始日 ${HISTORY_START}`);
  if (!Number.isSafeInteger(options.seed) || options.seed < 0)
    throw new SeedError(`随机种子无效：${options.seed}（应为非负整数）`);
  if (!demoAvailable())
    throw new SeedError(`演示数据只有${cityRow().name}一套，本部署的城市是${activeCity().name}：请导入台账`);
  const city = generateDemoCity({ seed: options.seed, asOf: options.asOf });
  const summary = await seedDataset(db, city, options);
  await seedSupervisionHistory(db, city, options);
  await seedWarnings(db, options.asOf);
  return summary;
}

/**
 * The early warnings the rules find in the demo records, as if the daily run had happened on the
 * seed's day (raised at 08:00 Asia/Shanghai that day), so the township pages and the inbox show
 * warnings consistent with the records. The stored rules (the defaults on a new database) apply;
 * no webhook message is queued (a reset of a deployment with robots set up must not post demo data).
 */
async function seedWarnings(db: Db, asOf: string): Promise<void> {
  const started = performance.now();
  const run = await runWarnings(db, { asOf, at: new Date(`${asOf}T08:00:00+08:00`), notify: false });
  log.info(
    { event: 'seed.warnings', asOf, raised: run.raised.length, ms: Math.round(performance.now() - started) },
    '已按截至日期运行预警规则',
  );
}

/**
 * The demo city's supervision history (demoCity/supervisionHistory.ts), written as the services
 * would have: each item with one event per move. Not audited, like the rest of the generated records.
 */
async function seedSupervisionHistory(db: Db, city: DemoCity, options: SeedOptions): Promise<void> {
  const history = generateSupervisionHistory(new Random(options.seed, 'supervision-history'), city, options.asOf);
  await db.transaction(async (tx) => {
    await insertAll(tx, schema.supervisionItems, history.items);
    await insertAll(tx, schema.supervisionItemEvents, history.events);
    for (const name of ['supervision_items', 'supervision_item_events'])
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('"${name}"', 'id'), coalesce((select max(id) from "${name}"), 0) + 1, false)`,
        ),
      );
  });
}

/** Writes a demonstration dataset of the active city (its default targets), all or nothing, with the demo accounts. */
export async function seedDataset(db: Db, city: DemoCity, options: SeedOptions): Promise<SeedSummary> {
  if (city.city.code !== activeCity().code)
    throw new SeedError(`数据属于城市 ${city.city.code}，本部署的城市是${activeCity().name}（${activeCity().code}）`);
  // The database holds no city's box: a point is checked against the city's area before it is stored.
  const inCity = makeCityAreaTest(city.townships.map((t) => t.boundary));
  const outside = city.compounds.find((c) => !inCity(c.lon, c.lat));
  if (outside)
    throw new SeedError(`小区“${outside.name}”的坐标（${outside.lon}, ${outside.lat}）不在${activeCity().name}范围内`);
  const tables: [PgTable, readonly Record<string, unknown>[]][] = [
    [schema.cities, [city.city]],
    [schema.townships, city.townships],
    [schema.communities, city.communities],
    [schema.propertyCompanies, city.propertyCompanies],
    [schema.compounds, city.compounds],
    [schema.propertyContracts, city.propertyContracts],
    [schema.partyOrganisations, city.partyOrganisations],
    [schema.committeeTerms, city.committeeTerms],
    [schema.meetings, city.meetings],
    [schema.evaluations, city.evaluations],
    [schema.residentIssues, city.residentIssues],
    [schema.petitions, city.petitions],
    [schema.targets, activeCity().targets.map((t) => ({ ...t, townshipCode: null }))],
    [
      schema.datasetInfo,
      [
        { key: 'source', value: 'demo' },
        { key: 'seed', value: String(options.seed) },
        { key: 'asOf', value: options.asOf },
      ],
    ],
  ];
  await db.transaction(async (tx) => {
    if (!options.reset && !(await isEmpty(tx))) {
      throw new SeedError('数据库中已有小区数据；如需重新生成演示数据，请加 --reset（将清空现有记录）');
    }
    if (options.reset) {
      await clearData(tx);
      // The audit log is kept (it is append-only); the reset itself is recorded in it.
      await writeAudit(tx, null, {
        action: 'reset',
        tableName: 'dataset',
        after: { source: 'demo', seed: options.seed, asOf: options.asOf },
      });
    }
    // One count of the whole city at the end rather than one per insert statement.
    await deferCountsTimeline(tx);
    for (const [table, rows] of tables) await insertAll(tx, table, rows);
    await resetSequences(tx);
    await rebuildCountsTimeline(tx);
  });
  // Demo data comes with one demo account per role (public passwords; never with a real ledger).
  await ensureDemoAccounts(db);
  const summary = {
    compounds: city.compounds.length,
    townships: city.townships.length,
    rows: tables.reduce((n, [, rows]) => n + rows.length, 0),
  };
  log.info(
    { event: 'seed.demo', seed: options.seed, asOf: options.asOf, reset: options.reset === true, ...summary },
    '已生成演示数据（演示账号可登录）',
  );
  return summary;
}

/**
 * Empties every data table and the reviewed-week snapshots taken of them (users, the audit log
 * and the review rules are kept).
 */
export async function clearData(db: Db): Promise<void> {
  const names = [...DATA_TABLES, schema.reviewedWeeks].map((t) => `"${getTableName(t)}"`).join(', ');
  await db.execute(sql.raw(`truncate ${names} restart identity cascade`));
}

/** Rows were inserted with explicit ids: move each serial past the largest id. */
async function resetSequences(db: Db): Promise<void> {
  for (const table of DATA_TABLES) {
    const name = getTableName(table);
    if (!('id' in table)) continue;
    await db.execute(
      sql.raw(
        `select setval(pg_get_serial_sequence('"${name}"', 'id'), coalesce((select max(id) from "${name}"), 0) + 1, false)`,
      ),
    );
  }
}
