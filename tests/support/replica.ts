/**
 * A real streaming replica of the local PostgreSQL server, for the tests and the benchmark of
 * `DATABASE_REPLICA_URL`: a second cluster on port 5441 (`ONEMAP_REPLICA_PORT`) made with
 * `pg_basebackup -R` from the server the tests use, started here and removed by `stop()`.
 *
 * It needs root (as in CI) to act as the `postgres` system user, and the server's binaries
 * (/usr/lib/postgresql/<major>/bin). The primary must accept replication connections from
 * 127.0.0.1: when its pg_hba.conf has no `replication` entry, one `host replication all
 * 127.0.0.1/32 trust` line is appended and the configuration reloaded — idempotently, once. A
 * `wal_level` below replica or no WAL senders would need a restart: that is refused with its reason.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';

export const REPLICA_PORT = Number(process.env.ONEMAP_REPLICA_PORT || 5441);
const DIR = `/tmp/onemap-replica-${REPLICA_PORT}`;

export interface TestReplica {
  /** postgres://… of `database` on the replica. */
  urlOf(database: string): string;
  /** Waits until `database` (created on the primary) has reached the replica. */
  waitFor(database: string): Promise<void>;
  /** A superuser connection to the replica (to pause and resume its replay). */
  admin: postgres.Sql;
  stop(): Promise<void>;
}

/** Why a replica cannot be made here, or null. */
export function replicaUnavailable(): string | null {
  if (process.getuid?.() !== 0) return '需要 root（以 postgres 系统用户运行 pg_basebackup 与 pg_ctl）';
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' });
  } catch {
    return '没有 postgres 系统用户';
  }
  return null;
}

function asPostgres(command: string, args: string[]): string {
  return execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe', encoding: 'utf8' });
}

function urlWithPort(url: string, port: number, database: string): string {
  const u = new URL(url);
  u.port = String(port);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Makes the primary accept a replication connection from 127.0.0.1 (once; says so when it does). */
async function allowReplication(primary: postgres.Sql): Promise<void> {
  const [settings] = await primary<{ wal_level: string; senders: string; hba: string }[]>`
    select current_setting('wal_level') as wal_level, current_setting('max_wal_senders') as senders,
           current_setting('hba_file') as hba`;
  if (!settings || settings.wal_level === 'minimal' || Number(settings.senders) < 1)
    throw new Error('主库需要 wal_level=replica 与 max_wal_senders>0（需要重启 PostgreSQL）');
  const [rules] = await primary<{ n: number }[]>`
    select count(*)::int as n from pg_hba_file_rules where 'replication' = any(database) and error is null`;
  if ((rules?.n ?? 0) > 0) return;
  appendFileSync(
    settings.hba,
    '\n# added by the OneMap tests (tests/support/replica.ts)\nhost replication all 127.0.0.1/32 trust\n',
  );
  await primary`select pg_reload_conf()`;
  process.stderr.write(`tests/support/replica.ts: ${settings.hba} now allows replication from 127.0.0.1\n`);
}

function removeCluster(bin: string): void {
  if (!existsSync(DIR)) return;
  try {
    asPostgres(join(bin, 'pg_ctl'), ['-D', DIR, '-m', 'immediate', '-w', 'stop']);
  } catch {
    // Not running.
  }
  rmSync(DIR, { recursive: true, force: true });
}

export async function startReplica(primaryUrl: string): Promise<TestReplica> {
  const primary = postgres(primaryUrl, { max: 1, onnotice: () => {} });
  let bin: string;
  // A hot standby refuses to run with less of these than its primary.
  const mirrored = ['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions'];
  const limits: string[] = [];
  try {
    const [version] = await primary<{ n: string }[]>`select current_setting('server_version_num') as n`;
    bin = `/usr/lib/postgresql/${Math.floor(Number(version!.n) / 10000)}/bin`;
    for (const name of mirrored) {
      const [row] = await primary<{ v: string }[]>`select current_setting(${name}) as v`;
      limits.push(`${name} = ${row!.v}`);
    }
    await allowReplication(primary);
  } finally {
    await primary.end();
  }
  // A cluster left by an interrupted run goes first.
  removeCluster(bin);
  const source = new URL(primaryUrl);
  mkdirSync(DIR, { recursive: true, mode: 0o700 });
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(DIR, uid, gid);
  const from = ['-h', source.hostname, '-p', source.port || '5432', '-U', source.username || 'postgres'];
  asPostgres(join(bin, 'pg_basebackup'), [...from, '-D', DIR, '-R', '-X', 'stream', '-c', 'fast']);
  // Debian keeps the configuration outside the data directory: the copy gets its own.
  const config = {
    'postgresql.conf': [
      `port = ${REPLICA_PORT}`,
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = '/tmp'",
      'hot_standby = on',
      ...limits,
      'shared_buffers = 64MB',
      'fsync = off',
      '',
    ].join('\n'),
    'pg_hba.conf': 'local all all trust\nhost all all 127.0.0.1/32 trust\n',
    'pg_ident.conf': '',
  };
  for (const [name, text] of Object.entries(config)) {
    writeFileSync(join(DIR, name), text);
    chownSync(join(DIR, name), uid, gid);
  }
  asPostgres(join(bin, 'pg_ctl'), ['-D', DIR, '-l', join(DIR, 'server.log'), '-w', '-t', '120', 'start']);
  const urlOf = (database: string) => urlWithPort(primaryUrl, REPLICA_PORT, database);
  const admin = postgres(urlOf('postgres'), { max: 1, onnotice: () => {} });
  const [state] = await admin<{ recovery: boolean }[]>`select pg_is_in_recovery() as recovery`;
  if (!state?.recovery) throw new Error('the copy on port 5441 is not a replica');
  return {
    urlOf,
    admin,
    async waitFor(database) {
      for (let pause = 20; ; pause = Math.min(pause * 2, 500)) {
        const [row] = await admin<
          { n: number }[]
        >`select count(*)::int as n from pg_database where datname = ${database}`;
        if (row?.n) return;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    },
    async stop() {
      await admin.end({ timeout: 1 });
      removeCluster(bin);
    },
  };
}
