/**
 * Applies the committed migrations in data/migrations (idempotent; runs at every start) and logs
 * the ones it applied — once, when they are applied; a start with nothing to do logs at debug.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { log } from '../log/logger.ts';
import type { Database, Db } from './connection.ts';
import { queryRows } from './rows.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../data/migrations', import.meta.url));

export async function runMigrations(database: Pick<Database, 'db' | 'kind'>): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  const before = await appliedMigrationCount(database.db);
  try {
    if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, config);
    else await migratePostgres(database.db as unknown as PostgresJsDatabase, config);
  } catch (error) {
    log.error({ err: error, database: database.kind }, '数据库迁移失败');
    throw error;
  }
  const after = await appliedMigrationCount(database.db);
  const tags = migrationTags();
  if (after > before)
    log.info(
      { event: 'db.migrate', database: database.kind, applied: tags.slice(before, after), total: after },
      `已应用 ${after - before} 个数据库迁移`,
    );
  else log.debug({ event: 'db.migrate', database: database.kind, applied: [], total: after }, '数据库结构已是最新');
}

/** Migrations drizzle has recorded as applied (0 before the first). */
async function appliedMigrationCount(db: Db): Promise<number> {
  const [table] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return 0;
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return row?.n ?? 0;
}

/** The committed migrations' names, in order. */
function migrationTags(): string[] {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}
