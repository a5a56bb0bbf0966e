/**
 * `onemap supervision warn`: a dry run lists what the rules would raise and writes nothing; a
 * real run raises them (listed in text), and a second run raises nothing more.
 */
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../data/schema/index.ts';
import { openDatabase } from '../../../server/db/connection.ts';
import { FIXTURE_AS_OF } from '../../support/constants.ts';
import { runCli } from '../../support/cli.ts';
import { fixtureDataDir } from '../../support/databases.ts';

async function stored(dir: string) {
  const database = await openDatabase({ dataDir: dir });
  try {
    const n = async (table: typeof s.supervisionWarnings | typeof s.auditLog | typeof s.supervisionItems) =>
      (await database.db.select({ n: count() }).from(table))[0]!.n;
    return { warnings: await n(s.supervisionWarnings), audit: await n(s.auditLog), items: await n(s.supervisionItems) };
  } finally {
    await database.close();
  }
}

describe('onemap supervision warn', () => {
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    dir = await fixtureDataDir();
    env = { ONEMAP_DATA_DIR: dir };
    // The seed raises the fixture's warnings as of its day: cleared, so this run finds them anew.
    const database = await openDatabase({ dataDir: dir });
    await database.db.delete(s.supervisionWarnings);
    await database.close();
  });

  it('lists in a dry run what it would raise, and writes nothing', async () => {
    const before = await stored(dir);
    const run = await runCli(['supervision', 'warn', '--as-of', FIXTURE_AS_OF, '--dry-run', '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { dryRun: boolean; raised: { causeKey: string; id: number | null }[] };
    expect(result.dryRun).toBe(true);
    expect(result.raised.length).toBeGreaterThan(0);
    expect(result.raised.every((w) => w.id === null)).toBe(true);
    expect(await stored(dir)).toEqual(before);

    const text = await runCli(['supervision', 'warn', '--as-of', FIXTURE_AS_OF], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(`预警 截至 ${FIXTURE_AS_OF}：新增 ${result.raised.length} 条，消除 0 条`);
    expect((await stored(dir)).warnings).toBe(before.warnings + result.raised.length);
    const again = await runCli(['supervision', 'warn', '--as-of', FIXTURE_AS_OF], env);
    expect(again.stdout.trim()).toBe(`预警 截至 ${FIXTURE_AS_OF}：新增 0 条，消除 0 条`);
  });

  it('refuses a bad date or format in Chinese', async () => {
    const bad = await runCli(['supervision', 'warn', '--as-of', '2026-02-30'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('截至日期');
    const format = await runCli(['supervision', 'warn', '--format', 'csv'], env);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('--format');
  });
});
