/**
 * Runs once per `vitest run`: seeds the fixture city once on PGlite (kept as a data-directory
 * dump each test file loads in a second or two) and, when the PostgreSQL service is reachable,
 * into a template database each test file clones. An empty migrated PGlite database is dumped
 * too: loading it takes a fraction of running the migrations again for each empty database. CI sets ONEMAP_REQUIRE_POSTGRES=1 so a missing
 * server fails the run instead of silently testing one database.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { openDatabase } from '../../server/db/connection.ts';
import { seedDemoCity } from '../../server/services/seed/seedDemoCity.ts';
import { DEFAULT_POSTGRES_URL, FIXTURE_AS_OF, FIXTURE_SEED } from './constants.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    pgliteEmptyDumpPath: string;
    postgresUrl: string | null;
    postgresTemplate: string;
  }
}

// Uncompressed: PGlite unzips a .tar.gz through web streams, seconds per load under load, where
// reading the 60 MB tar takes milliseconds (tests/support/databases.ts keeps it per worker).
const DUMP_PATH = join(process.cwd(), 'var', 'test', `fixture-pglite-${process.pid}.tar`);
const EMPTY_DUMP_PATH = join(process.cwd(), 'var', 'test', `empty-pglite-${process.pid}.tar`);
/** Per run, so two test runs on one machine never drop each other's template. */
const TEMPLATE_DATABASE = `onemap_test_template_${process.pid}`;

async function reachablePostgres(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 0 });
  }
}

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function seedPostgresTemplate(adminUrl: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: databaseUrl(adminUrl, TEMPLATE_DATABASE) });
  try {
    await seedDemoCity(database.db, { seed: FIXTURE_SEED, asOf: FIXTURE_AS_OF });
  } finally {
    await database.close();
  }
}

type DumpingClient = { $client: { dumpDataDir(compression: 'none'): Promise<Blob> } };

/** The migrated database, then the fixture city seeded into it: each dumped as it stands. */
async function seedPgliteDump(): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://fixture' });
  try {
    const client = (database.db as unknown as DumpingClient).$client;
    mkdirSync(join(process.cwd(), 'var', 'test'), { recursive: true });
    writeFileSync(EMPTY_DUMP_PATH, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    await seedDemoCity(database.db, { seed: FIXTURE_SEED, asOf: FIXTURE_AS_OF });
    writeFileSync(DUMP_PATH, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await database.close();
  }
}

async function dropTemplate(adminUrl: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  } finally {
    await admin.end();
  }
}

interface Fixture {
  hasPostgres: boolean;
  adminUrl: string;
}

/**
 * The system and e2e projects each run this setup; in one `vitest run` they share one seeding
 * (and the last to finish removes it), kept on globalThis because each project loads this file
 * anew.
 */
const shared = ((
  globalThis as { onemapTestFixture?: { users: number; ready: Promise<Fixture> | null } }
).onemapTestFixture ??= { users: 0, ready: null });

async function seedFixture(): Promise<Fixture> {
  const adminUrl = process.env.ONEMAP_TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const hasPostgres = process.env.ONEMAP_SKIP_POSTGRES ? false : await reachablePostgres(adminUrl);
  if (!hasPostgres && process.env.ONEMAP_REQUIRE_POSTGRES) {
    throw new Error(`ONEMAP_REQUIRE_POSTGRES is set but PostgreSQL at ${adminUrl} is not reachable`);
  }
  // One after the other: PGlite runs on this thread and holds it for seconds at a time, long
  // enough for a PostgreSQL connection opened meanwhile to hit its 5-second connect timeout.
  if (hasPostgres) await seedPostgresTemplate(adminUrl);
  await seedPgliteDump();
  return { hasPostgres, adminUrl };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.users++;
  shared.ready ??= seedFixture();
  const { hasPostgres, adminUrl } = await shared.ready;
  project.provide('pgliteDumpPath', DUMP_PATH);
  project.provide('pgliteEmptyDumpPath', EMPTY_DUMP_PATH);
  project.provide('postgresUrl', hasPostgres ? adminUrl : null);
  project.provide('postgresTemplate', TEMPLATE_DATABASE);
  return async () => {
    if (--shared.users > 0) return;
    shared.ready = null;
    rmSync(DUMP_PATH, { force: true });
    rmSync(EMPTY_DUMP_PATH, { force: true });
    if (hasPostgres) await dropTemplate(adminUrl);
  };
}
