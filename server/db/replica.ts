/**
 * A PostgreSQL streaming replica (`DATABASE_REPLICA_URL`) that answers read-only procedures, so
 * the primary keeps its connections for writes. A replica is a little behind the primary: a
 * client that has just written reads from the primary until the replica has replayed past its
 * write (api/readRouting.ts), and walls hear of a change only once the replica has it
 * (services/live/revisionWatcher.ts).
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '../../data/schema/index.ts';
import { log } from '../log/logger.ts';
import { connectPostgres, describePostgresUrl, type Db } from './connection.ts';
import { queryRows } from './rows.ts';

export interface Replica {
  db: Db;
  /** host:port/database, without the password. */
  location: string;
  /** Whether the replica has replayed the primary's WAL up to `lsn` (a position from `currentWalLsn`). */
  hasReplayed(lsn: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A WAL position as PostgreSQL writes it ('16/B374D848'); anything else is not one. */
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

export function isLsn(value: unknown): value is string {
  return typeof value === 'string' && LSN.test(value);
}

export async function openReplica(url: string): Promise<Replica> {
  const client = await connectPostgres(url, 'PostgreSQL 只读副本');
  const db = drizzle(client, { schema }) as unknown as Db;
  const location = describePostgresUrl(url);
  const [state] = await queryRows<{ recovery: boolean }>(db, sql`select pg_is_in_recovery() as recovery`);
  // Not an error: a primary given as its own "replica" answers every read correctly, only
  // without taking any load off. Said once, so the operator notices.
  if (!state?.recovery) log.warn({ replica: location }, 'DATABASE_REPLICA_URL 指向的不是只读副本（不在恢复模式）');
  return {
    db,
    location,
    async hasReplayed(lsn) {
      if (!isLsn(lsn)) return true;
      const [row] = await queryRows<{ replayed: boolean | null }>(
        db,
        // On a server not in recovery the replay position is null: it is its own primary.
        sql`select coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, true) as replayed`,
      );
      return row?.replayed !== false;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** The primary's WAL position now: everything committed so far lies at or before it. */
export async function currentWalLsn(primary: Db): Promise<string> {
  const [row] = await queryRows<{ lsn: string }>(primary, sql`select pg_current_wal_lsn()::text as lsn`);
  return row!.lsn;
}

/** SQLSTATE 25006: a statement that writes, sent to a replica. Drizzle wraps the driver's error. */
export function isReadOnlyError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++)
    if ((e as { code?: unknown }).code === '25006') return true;
  return false;
}
