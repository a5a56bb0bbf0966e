/**
 * An import killed with SIGKILL while it writes leaves the database exactly as it was: the CLI
 * runs on a file-backed PGlite directory and on a PostgreSQL database, with a ledger large enough
 * (30,000 compounds replacing the demonstration) to be caught halfway.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type OpenOptions } from '../../../server/db/connection.ts';
import { spawnCli } from '../../support/cli.ts';
import { FIXTURE_AS_OF } from '../../support/constants.ts';
import { availableBackends, fixtureDataDir, openFixtureDatabase } from '../../support/databases.ts';
import { goodRows, ledgerCsv, snapshot } from '../../support/ledgers.ts';

const ROWS = 30_000;

async function snapshotOf(options: OpenOptions) {
  const database = await openDatabase(options);
  try {
    return await snapshot(database.db, FIXTURE_AS_OF);
  } finally {
    await database.close();
  }
}

/** Runs the import and kills it once it reports rows being written; resolves with how it ended. */
function importAndKill(
  file: string,
  env: Record<string, string>,
): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawnCli(['import', 'ledger', file, '--replace-demo'], env);
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('正在写入') && !child.killed) child.kill('SIGKILL');
    });
    child.stdout!.resume();
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('an import killed halfway', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'onemap-big-')), 'big.csv');
  writeFileSync(file, ledgerCsv(goodRows(ROWS, 'BIG')));

  it.each(availableBackends())(
    'leaves the %s database exactly as before',
    async (kind) => {
      const fixture = kind === 'postgres' ? await openFixtureDatabase('postgres') : null;
      try {
        const dataDir = kind === 'pglite' ? await fixtureDataDir() : undefined;
        const options: OpenOptions = fixture ? { databaseUrl: fixture.url } : { dataDir };
        if (fixture) await fixture.close();
        const before = await snapshotOf(options);
        expect(before.counts.compounds).toBe(347);

        const run = await importAndKill(file, fixture ? { DATABASE_URL: fixture.url! } : { ONEMAP_DATA_DIR: dataDir! });
        expect(run.signal, run.stderr).toBe('SIGKILL');
        expect(run.stderr).toMatch(/已校验 30000\/30000 行/);
        expect(run.stderr).toMatch(/正在写入：\d+\/30000 个小区/);
        expect(run.stderr).not.toMatch(/已导入/);

        expect(await snapshotOf(options)).toEqual(before);
      } finally {
        // dispose() closes again; the pool tolerates it. It drops the PostgreSQL copy.
        await fixture?.dispose().catch(() => {});
      }
    },
    300_000,
  );
});
