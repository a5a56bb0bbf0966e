/**
 * Test databases: every database test runs once per available backend (PGlite always,
 * PostgreSQL when the service is reachable), each test file on its own copy of the seeded
 * fixture city.
 */
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database, type DatabaseKind } from '../../server/db/connection.ts';
import { databaseUrl } from './globalSetup.ts';

export function availableBackends(): DatabaseKind[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  /** postgres://… for the PostgreSQL copy; undefined for PGlite. */
  url?: string;
  /** Closes and, for PostgreSQL, drops the copy. */
  dispose(): Promise<void>;
}

/** The PGlite dumps globalSetup wrote (uncompressed tars), read once per worker: a Blob is immutable. */
const dumps = new Map<string, Blob>();
function pgliteDump(path: string): Blob {
  let dump = dumps.get(path);
  if (!dump) dumps.set(path, (dump = new Blob([readFileSync(path)])));
  return dump;
}

/** A private copy of the seeded fixture city. */
export async function openFixtureDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: pgliteDump(inject('pgliteDumpPath')) });
    return { ...database, dispose: () => database.close() };
  }
  return clonePostgres(inject('postgresTemplate'));
}

/**
 * An empty, migrated database of the given kind (on PGlite a copy of the migrated database
 * globalSetup dumped: the same schema, without running every migration again).
 */
export async function openEmptyDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({
      dataDir: 'memory://',
      loadDataDir: pgliteDump(inject('pgliteEmptyDumpPath')),
    });
    return { ...database, dispose: () => database.close() };
  }
  return clonePostgres('template1');
}

/** An empty database that runs every migration as it opens: for tests of the migrations themselves. */
export async function openNewDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { ...database, dispose: () => database.close() };
  }
  return clonePostgres('template1');
}

async function clonePostgres(template: string): Promise<TestDatabase> {
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available to the tests');
  const name = `onemap_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url });
  return {
    ...database,
    url,
    async dispose() {
      await database.close();
      const drop = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await drop.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await drop.end();
      }
    },
  };
}

/** A PGlite data directory on disk holding the fixture city, for tests of the CLI. */
export async function fixtureDataDir(): Promise<string> {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = join(mkdtempSync(join(tmpdir(), 'onemap-fixture-')), 'db');
  const database = await openDatabase({ dataDir: dir, loadDataDir: pgliteDump(inject('pgliteDumpPath')) });
  await database.close();
  return dir;
}
