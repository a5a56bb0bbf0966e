/**
 * The one switch between the embedded database (PGlite, a directory on disk) and a real
 * PostgreSQL server (when DATABASE_URL is set). Everything above this module sees `Db`.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../../data/schema/index.ts';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from './dataDirLock.ts';
import { runMigrations } from './migrate.ts';
import { openReplica, type Replica } from './replica.ts';

export type Schema = typeof schema;
/**
 * A drizzle database on either driver (PGlite, postgres.js) or a transaction on one: services
 * take this as a parameter and run unchanged inside `db.transaction((tx) => …)`. Drizzle's
 * PgTransaction extends PgDatabase, and both drivers' databases are PgDatabases whose query
 * results are a PgQueryResultHKT, so neither needs a cast. A nested `transaction()` on a
 * transaction is a savepoint.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives: a directory for PGlite, host:port/db for PostgreSQL. */
  location: string;
  close(): Promise<void>;
  /**
   * PostgreSQL only: LISTEN on a channel over a connection of its own, which the driver
   * re-establishes after a drop (calling `onListen` again, so a listener can catch up).
   */
  listen?(channel: string, onMessage: (payload: string) => void, onListen: () => void): Promise<void>;
  /** A streaming replica for reads (`DATABASE_REPLICA_URL`, PostgreSQL only). */
  replica?: Replica;
}

/** A failure a person can act on: the CLI prints the message alone, without a stack. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

export interface OpenOptions {
  /** postgres://… ; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** postgres://… of a streaming replica of databaseUrl: read-only procedures are answered there. */
  replicaUrl?: string | undefined;
  /** PGlite data directory; 'memory://' for a throwaway in-memory database. */
  dataDir?: string | undefined;
  /** Apply committed migrations (default true). */
  migrate?: boolean;
  /** A PGlite data directory dump to start from (tests use it to skip seeding). */
  loadDataDir?: Blob | File | undefined;
}

export const DEFAULT_DATA_DIR = './var/db';

/** Reads the environment the way every entry point (server, CLI, tests) should. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    replicaUrl: env.DATABASE_REPLICA_URL || undefined,
    dataDir: env.ONEMAP_DATA_DIR || DEFAULT_DATA_DIR,
  };
}

export async function openDatabase(options: OpenOptions = optionsFromEnv()): Promise<Database> {
  if (options.replicaUrl && !options.databaseUrl)
    throw new DatabaseError('DATABASE_REPLICA_URL 需要与 DATABASE_URL 一起使用：只读副本只用于 PostgreSQL');
  const database = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await runMigrations(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  if (options.replicaUrl) {
    try {
      const replica = await openReplica(options.replicaUrl);
      const closePrimary = database.close;
      return { ...database, replica, close: async () => void (await Promise.all([replica.close(), closePrimary()])) };
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : resolve(dataDir);
  let lock: DataDirLock | null = null;
  if (!inMemory) {
    ensureWritableDirectory(location);
    try {
      lock = acquireDataDirLock(location);
    } catch (error) {
      if (error instanceof DataDirLockedError) throw new DatabaseError(error.message);
      throw error;
    }
  }
  let client: PGlite;
  try {
    client = await PGlite.create(
      inMemory ? dataDir : location,
      options.loadDataDir ? { loadDataDir: options.loadDataDir } : {},
    );
  } catch (error) {
    lock?.release();
    throw new DatabaseError(`无法打开嵌入式数据库 ${location}：${(error as Error).message}`);
  }
  const db = drizzlePglite(client, { schema });
  const close = async () => {
    try {
      await client.close();
    } finally {
      lock?.release();
    }
  };
  return { db, kind: 'pglite', location, close };
}

function ensureWritableDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new DatabaseError(
      `数据目录不可写：${dir}（${code || (error as Error).message}）。请用 ONEMAP_DATA_DIR 指定一个可写目录。`,
    );
  }
}

/** host:port/database of a URL, without the password. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    throw new DatabaseError('DATABASE_URL 不是有效的 PostgreSQL 连接串（应形如 postgres://用户@主机:端口/数据库）');
  }
}

/** A postgres.js client that has answered once; a refusal is one Chinese line naming `what`. */
export async function connectPostgres(url: string, what = 'PostgreSQL'): Promise<postgres.Sql> {
  const location = describePostgresUrl(url);
  const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 5, idle_timeout: 30 });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 0 }).catch(() => {});
    const e = error as NodeJS.ErrnoException;
    const reason =
      e.code === 'ECONNREFUSED' ? '连接被拒绝' : e.code === 'ENOTFOUND' ? '主机名无法解析' : (e.code ?? e.message);
    throw new DatabaseError(`无法连接 ${what} ${location}（${reason}）`);
  }
  return client;
}

async function openPostgres(url: string): Promise<Database> {
  const client = await connectPostgres(url);
  const db = drizzlePostgres(client, { schema });
  return {
    db,
    kind: 'postgres',
    location: describePostgresUrl(url),
    close: () => client.end({ timeout: 5 }),
    listen: async (channel, onMessage, onListen) => void (await client.listen(channel, onMessage, onListen)),
  };
}
