/**
 * One process at a time on an embedded data directory: a second server or CLI command is refused
 * with one Chinese line naming the holder, and a lock left by a killed holder is taken over.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirLockedError,
  lockPathOf,
  type DataDirLock,
} from '../../../server/db/dataDirLock.ts';
import { openDatabase } from '../../../server/db/connection.ts';
import { runCliProcess, spawnCli } from '../../support/cli.ts';
import { fixtureDataDir } from '../../support/databases.ts';

const held: DataDirLock[] = [];
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
});

function scratchDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'onemap-lock-')), 'db');
}

/** The PID of a process that has exited (and so can hold nothing). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('the data-directory lock', () => {
  it('refuses a second holder, naming the first, until the first releases it', () => {
    const dir = scratchDir();
    const first = acquireDataDirLock(dir, 'onemap serve');
    held.push(first);
    let refusal: unknown;
    try {
      held.push(acquireDataDirLock(dir, 'onemap import'));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toContain(`PID ${process.pid}`);
    expect((refusal as Error).message).toContain('onemap serve');
    expect((refusal as Error).message).toMatch(/自 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d 起/);
    first.release();
    expect(existsSync(lockPathOf(dir))).toBe(false);
    held.push(acquireDataDirLock(dir, 'onemap import'));
  });

  it('takes over a lock whose holder died, or whose file is unreadable', async () => {
    const dir = scratchDir();
    const pid = await deadPid();
    writeFileSync(
      lockPathOf(dir),
      JSON.stringify({
        pid,
        host: hostname(),
        since: new Date().toISOString(),
        processStart: null,
        command: 'onemap serve',
      }),
    );
    const lock = acquireDataDirLock(dir, 'onemap serve');
    held.push(lock);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();

    writeFileSync(lockPathOf(dir), '{"pid": 12');
    held.push(acquireDataDirLock(dir, 'onemap serve'));
  });

  it('does not let a PID reused by another process pass for the holder', () => {
    const dir = scratchDir();
    // This process is alive, but was not the one that took the lock (another start time).
    writeFileSync(
      lockPathOf(dir),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        since: new Date().toISOString(),
        processStart: '1',
        command: 'onemap serve',
      }),
    );
    held.push(acquireDataDirLock(dir, 'onemap serve'));
  });
});

describe('two processes on one embedded data directory', () => {
  // Three Node processes, each loading the CLI and PGlite: minutes on a busy 2-core machine.
  it(
    'refuses a second server and a CLI command while one serves, and recovers after a kill -9',
    { timeout: 300_000 },
    async () => {
      const dataDir = await fixtureDataDir();
      const env = { ONEMAP_DATA_DIR: dataDir };
      const server = spawnCli(['serve', '--port', '0'], env);
      let stderr = '';
      server.stderr!.setEncoding('utf8');
      server.stdout!.resume();
      await new Promise<void>((resolve, reject) => {
        server.stderr!.on('data', (chunk: string) => {
          stderr += chunk;
          if (stderr.includes('OneMap 已启动')) resolve();
        });
        server.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
      });
      try {
        const second = await runCliProcess(['serve', '--port', '0'], env);
        expect(second.code).toBe(1);
        expect(second.stderr).toContain(`PID ${server.pid}`);
        expect(second.stderr).toContain('同一时间只允许一个进程');
        expect(second.stderr.trim().split('\n')).toHaveLength(1);

        const metrics = await runCliProcess(['metrics', '--format', 'json'], env);
        expect(metrics.code).toBe(1);
        expect(metrics.stderr).toContain(`PID ${server.pid}`);
      } finally {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGKILL');
        await exited;
      }
      // The killed server left its lock file behind; the next process sees its holder is gone.
      expect(existsSync(lockPathOf(dataDir))).toBe(true);
      const database = await openDatabase({ dataDir });
      await database.close();
      expect(existsSync(lockPathOf(dataDir))).toBe(false);
    },
  );
});
