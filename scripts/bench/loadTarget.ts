/**
 * The server the load test runs against: the demo city (×1) on PGlite in memory with the server in
 * this process (as before), or on PostgreSQL with `onemap serve --workers N` in a child process —
 * optionally with its reads on a streaming replica of the local server (tests/support/replica.ts:
 * a second cluster on port 5441 made with pg_basebackup, removed afterwards).
 *
 * The benchmark keeps its own connection to the primary for what it does beside the clients: the
 * analysts' sessions, the display token, and the record changed every 10 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { count } from 'drizzle-orm';
import { compounds } from '../../data/schema/index.ts';
import { openDatabase, type Database } from '../../server/db/connection.ts';
import { startServer } from '../../server/http/server.ts';
import { ensureCountsTimeline } from '../../server/services/metrics/countsTimeline.ts';
import { seedDemoCity } from '../../server/services/seed/seedDemoCity.ts';
import { todayInCity } from '../../shared/time/dates.ts';
import { startReplica, type TestReplica } from '../../tests/support/replica.ts';
import { scaleCity } from './scaleCity.ts';

const BIN = fileURLToPath(new URL('../../bin/onemap.js', import.meta.url));

export type LoadTargetSpec =
  | { database: 'pglite' }
  | {
      database: 'postgres';
      adminUrl: string;
      name: string;
      workers: number;
      replica: boolean;
      /** The demo city made this many times larger (scaleCity) before the server starts; default 1. */
      scale?: number;
      /**
       * The database already holds the city (a scaled city an engine run left, which takes tens of
       * minutes to make at ×1000): used as it is, neither made nor dropped.
       */
      existing?: boolean;
    };

export interface LoadTarget {
  url: string;
  /** The primary, for sessions and changes. */
  database: Database;
  /** For the report: where the city lives and how it is served. */
  describe: string;
  close(): Promise<void>;
}

export async function startLoadTarget(spec: LoadTargetSpec, log: (line: string) => void): Promise<LoadTarget> {
  const today = todayInCity();
  if (spec.database === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://load' });
    await seedDemoCity(database.db, { seed: 1, asOf: today });
    const server = await startServer({ database, port: 0, host: '127.0.0.1' });
    return {
      url: server.url,
      database,
      describe: 'on the embedded PGlite in memory, the real HTTP server on 127.0.0.1 in the benchmark process',
      close: async () => {
        await server.close();
        await database.close();
      },
    };
  }
  const admin = postgres(spec.adminUrl, { max: 1, onnotice: () => {} });
  if (!spec.existing) {
    await admin.unsafe(`drop database if exists ${spec.name} with (force)`);
    await admin.unsafe(`create database ${spec.name}`);
  }
  const url = new URL(spec.adminUrl);
  url.pathname = `/${spec.name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  let replica: TestReplica | null = null;
  let child: ChildProcess | null = null;
  const close = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await database.close();
    await replica?.stop();
    if (!spec.existing) await admin.unsafe(`drop database if exists ${spec.name} with (force)`).catch(() => {});
    await admin.end({ timeout: 1 });
  };
  try {
    const scale = spec.scale ?? 1;
    if (spec.existing) {
      const [row] = await database.db.select({ n: count() }).from(compounds);
      if (Number(row?.n) !== 347 * scale)
        throw new Error(`${spec.name} holds ${row?.n} compounds, not the ×${scale} city's ${347 * scale}`);
      log(`  · the ×${scale} city already in ${spec.name}`);
      await ensureCountsTimeline(database.db);
    } else {
      log(`  · seeding the demo city on PostgreSQL (${spec.name})`);
      await seedDemoCity(database.db, { seed: 1, asOf: today });
    }
    if (scale > 1 && !spec.existing) {
      log(`  · scaling it ×${scale}`);
      await scaleCity(database.db, scale, log);
      // Built by the copy, or rebuilt here (minutes at ×100): the server starts on a built timeline.
      await ensureCountsTimeline(database.db);
    }
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString(), ONEMAP_LOG_LEVEL: 'warn' };
    delete env.DATABASE_REPLICA_URL;
    if (spec.replica) {
      log('  · making a streaming replica on port 5441 (pg_basebackup)');
      replica = await startReplica(url.toString());
      await replica.waitFor(spec.name);
      env.DATABASE_REPLICA_URL = replica.urlOf(spec.name);
    }
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--workers', String(spec.workers)], {
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    const serverUrl = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child!.stderr!.setEncoding('utf8');
      child!.stderr!.on('data', (chunk: string) => {
        stderr += chunk;
        const started = /OneMap 已启动：(\S+?)\/ /.exec(stderr);
        if (started) resolve(started[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`onemap serve exited (${code}): ${stderr}`)));
    });
    return {
      url: serverUrl,
      database,
      describe: `on PostgreSQL (127.0.0.1:5432), \`onemap serve --workers ${spec.workers}\` in its own process${
        spec.replica ? ', reads on a streaming replica (127.0.0.1:5441, same machine)' : ''
      }`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
