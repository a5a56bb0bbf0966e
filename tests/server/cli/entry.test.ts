/**
 * The `onemap` entry itself (bin/onemap.js, tsx, main.ts) as a real process: the other CLI tests
 * run the commands in-process (tests/support/cli.ts), so this is where the process's own exit
 * code, streams and environment are checked, and shown to agree with the in-process run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliProcess } from '../../support/cli.ts';
import { fixtureDataDir } from '../../support/databases.ts';

// Each run starts Node, tsx and the CLI: over a minute each on a busy 2-core machine.
describe('bin/onemap.js', { timeout: 300_000 }, () => {
  it('prints the help with exit code 0, and an unknown command as one line with exit code 1', async () => {
    const help = await runCliProcess(['--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^OneMap 住宅小区治理一张图\n\n用法：onemap <命令>/);
    expect(help.stdout).toContain('  metrics   ');
    const unknown = await runCliProcess(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^onemap: 未知命令 "frobnicate"（可用：serve、dev、seed/);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs a command on the database its environment names, printing what the in-process run prints', async () => {
    const env = { ONEMAP_DATA_DIR: await fixtureDataDir() };
    const args = ['metrics', '--week', '2025-W22', '--township', '350582103', '--format', 'csv'];
    const real = await runCliProcess(args, env);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout.split('\n').length).toBeGreaterThan(2);
    const inProcess = await runCli(args, env);
    expect(inProcess).toEqual(real);
  });

  it('exits 1 with one line when its environment names a data directory it cannot use', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'onemap-entry-')), 'plain-file');
    writeFileSync(file, '');
    const run = await runCliProcess(['audit', 'verify'], { ONEMAP_DATA_DIR: join(file, 'db') });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^onemap: 数据目录不可写：/);
  });
});
