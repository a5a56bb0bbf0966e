/**
 * The schema version of a database: the migrations applied to it (drizzle's journal), each by
 * its tag and the sha256 of its SQL — the hash drizzle stores, so a migration renumbered at a
 * merge but unchanged still counts as the same.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Db } from '../../db/connection.ts';
import { MIGRATIONS_FOLDER } from '../../db/migrate.ts';
import { queryRows } from '../../db/rows.ts';
import { said, type Said } from '../../../shared/language/said.ts';

export interface SchemaVersion {
  migrations: { tag: string; hash: string }[];
}

/** The migrations this build knows, in order. */
export function knownMigrations(): { tag: string; hash: string }[] {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  return files.map((f, i) => ({ tag: journal.entries[i]?.tag ?? `#${i}`, hash: f.hash }));
}

export async function schemaVersionOf(db: Db): Promise<SchemaVersion> {
  const rows = await queryRows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by id`);
  const tags = new Map(knownMigrations().map((m) => [m.hash, m.tag]));
  return { migrations: rows.map((r) => ({ tag: tags.get(r.hash) ?? '（未知迁移）', hash: r.hash })) };
}

export function sameSchema(a: SchemaVersion, b: SchemaVersion): boolean {
  return a.migrations.length === b.migrations.length && a.migrations.every((m, i) => m.hash === b.migrations[i]!.hash);
}

/** "0042_…（共43个迁移）": the last migration and how many, for a refusal. */
export function describeSchema(v: SchemaVersion): Said {
  const last = v.migrations.at(-1);
  const n = v.migrations.length;
  return last
    ? said(`${last.tag}（共${n}个迁移）`, `${last.tag} (${n} migration${n === 1 ? '' : 's'})`)
    : said('空（未迁移）', 'nothing (not migrated)');
}
