/**
 * The log of the `onemap` processes as an operator reads it: `serve` writes JSON lines to standard
 * output (start with port, host, database and version; each request; stop), on both databases;
 * a one-shot command writes its lines to standard error and leaves its output alone.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ONEMAP_VERSION } from '../../../server/log/logger.ts';
import { runCli, spawnCli } from '../../support/cli.ts';
import { availableBackends, fixtureDataDir, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { goodRows, ledgerCsv } from '../../support/ledgers.ts';
import type { LogLine } from '../../support/logs.ts';

/** Collects the child's standard output; `onStart` runs once, as soon as the server.start line arrives. */
function watch(
  child: ChildProcess,
  onStart?: () => void,
): { lines: () => LogLine[]; stdout: () => string; exited: Promise<number | null> } {
  let stdout = '';
  let started = false;
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    stdout += chunk;
    if (!started && onStart && stdout.includes('"server.start"')) {
      started = true;
      onStart();
    }
  });
  child.stderr!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    lines: () =>
      stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine),
    stdout: () => stdout,
    exited,
  };
}

describe.each(availableBackends())('onemap serve logs (%s)', (kind) => {
  let env: Record<string, string>;
  let postgres: TestDatabase | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') {
      postgres = await openFixtureDatabase('postgres');
      env = { DATABASE_URL: postgres.url! };
    } else {
      env = { ONEMAP_DATA_DIR: await fixtureDataDir() };
    }
  });
  afterAll(() => postgres?.dispose());

  it('writes its start (port, host, database, version), each request and its stop as JSON lines on standard output', async () => {
    const child = spawnCli(['serve', '--port', '0'], { ...env, ONEMAP_LOG_LEVEL: 'info' });
    const server = watch(child);
    try {
      const start = await vi.waitFor(
        () => {
          const line = server.lines().find((l) => l.event === 'server.start');
          if (!line) throw new Error('not started yet');
          return line;
        },
        { timeout: 60_000, interval: 100 },
      );
      expect(start).toMatchObject({ level: 'info', host: '127.0.0.1', database: kind, version: ONEMAP_VERSION });
      expect(start.port).toBeGreaterThan(0);
      const health = await fetch(`${start.url as string}/api/health`);
      expect(health.status).toBe(200);
      const requestId = health.headers.get('x-request-id');
      await vi.waitFor(() =>
        expect(server.lines().find((l) => l.msg === 'request' && l.requestId === requestId)).toMatchObject({
          path: '/api/health',
          status: 200,
        }),
      );
      child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.lines().at(-1)).toMatchObject({ level: 'info', event: 'server.stop', signal: 'SIGTERM' });
      expect(
        server
          .stdout()
          .trimEnd()
          .split('\n')
          .every((l) => l.startsWith('{')),
        'only JSON lines on standard output',
      ).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });
  it('a SIGTERM the moment it says it has started still stops it cleanly: server.stop logged, exit code 0', async () => {
    // An operator (or systemd) may stop it as soon as the start line appears, while the start-up
    // is still reading the database: the signal must not kill it without its stop line.
    const child = spawnCli(['serve', '--port', '0'], { ...env, ONEMAP_LOG_LEVEL: 'info' });
    const server = watch(child, () => child.kill('SIGTERM'));
    try {
      expect(await server.exited).toBe(0);
      expect(
        server
          .lines()
          .map((l) => l.event)
          .filter(Boolean),
      ).toEqual(['server.start', 'server.stop']);
      expect(server.lines().at(-1)).toMatchObject({ level: 'info', event: 'server.stop', signal: 'SIGTERM' });
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('a one-shot command logs to standard error', () => {
  it('onemap import: its listing on standard output, the import line (command, system user, counts) on standard error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onemap-cli-log-'));
    const file = join(dir, 'good.csv');
    writeFileSync(file, ledgerCsv(goodRows(3)));
    const run = await runCli(['import', 'ledger', file, '--dry-run', '--replace-demo'], {
      ONEMAP_DATA_DIR: await fixtureDataDir(),
      ONEMAP_LOG_LEVEL: 'info',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(run.stdout).not.toContain('{');
    const lines = run.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
    expect(lines.find((l) => l.event === 'ledger.import')).toMatchObject({
      command: 'import',
      status: 'dry-run',
      dryRun: true,
      file: 'good.csv',
      counts: { new: 3 },
      osUser: expect.any(String),
    });
  });
});
