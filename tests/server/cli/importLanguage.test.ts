/**
 * `onemap import ledger --lang en` (issue 21): the whole report in English, as `onemap report
 * --lang en` writes its pack; the refusal to mix a ledger with the demonstration too. The default
 * stays the Chinese it always printed (importAndBackup.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOWNSHIPS } from '../../../data/geography/jinjiang.ts';
import { runCli } from '../../support/cli.ts';
import { fixtureDataDir } from '../../support/databases.ts';
import { chineseOutside } from '../../support/fileLanguage.ts';
import { goodRows, ledgerCsv } from '../../support/ledgers.ts';

const dir = mkdtempSync(join(tmpdir(), 'onemap-cli-import-lang-'));

/** The lines with a Chinese character outside what they quote and the compounds' and townships' names. */
function chineseIn(output: string, names: readonly string[]): string[] {
  const lines = output
    .trimEnd()
    .split('\n')
    .map((text, i) => ({ text: text.replace(/"[^"]*"/g, '""'), where: `line ${i + 1}` }));
  return chineseOutside(lines, [...names, ...TOWNSHIPS.map((t) => t.name)]);
}

describe('onemap import ledger --lang en', () => {
  let fixtureDir: string;
  beforeAll(async () => {
    fixtureDir = await fixtureDataDir();
  });

  it('prints the problems, the changes, the progress and the summary in English', async () => {
    const db = { ONEMAP_DATA_DIR: join(dir, 'ledger-db') };
    const rows = goodRows(6);
    const names = rows.flatMap((r) => [r.小区名称 as string, r['所属社区(村)'] as string]);
    writeFileSync(join(dir, 'bad.csv'), ledgerCsv(rows.map((r, i) => (i === 2 ? { ...r, 户数: 'abc' } : r))));
    const refused = await runCli(['import', 'ledger', join(dir, 'bad.csv'), '--lang', 'en'], db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Row 4, "户数" (households): should be a whole number, not "abc"');
    expect(refused.stderr.trimEnd().split('\n').at(-1)).toBe('onemap: The ledger has 1 problem: nothing was imported');
    expect(chineseIn(refused.stderr, names)).toEqual([]);

    writeFileSync(join(dir, 'good.csv'), ledgerCsv(rows));
    const dry = await runCli(['import', 'ledger', join(dir, 'good.csv'), '--dry-run', '--lang', 'en'], db);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.trimEnd().split('\n')[0]).toBe('New      row 2 T-0001 测试小区1');
    expect(dry.stderr).toContain('Dry run (nothing written): 6 new compounds, 0 updated, 0 unchanged');
    const done = await runCli(['import', 'ledger', join(dir, 'good.csv'), '--lang', 'en'], db);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('Writing: 6/6 compounds');
    expect(done.stderr).toContain('Imported: 6 new compounds');
    for (const output of [dry.stdout, dry.stderr, done.stderr]) expect(chineseIn(output, names)).toEqual([]);
  });

  it('refuses to mix a ledger with the demonstration in English, and in the same Chinese without --lang', async () => {
    writeFileSync(join(dir, 'few.csv'), ledgerCsv(goodRows(2)));
    const env = { ONEMAP_DATA_DIR: fixtureDir };
    const en = await runCli(['import', 'ledger', join(dir, 'few.csv'), '--dry-run', '--lang', 'en'], env);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('onemap: The database holds the demonstration: a real ledger cannot be mixed');
    expect(en.stderr).toContain('--replace-demo');
    const zh = await runCli(['import', 'ledger', join(dir, 'few.csv'), '--dry-run'], env);
    expect(zh.stderr).toContain('onemap: 数据库中是演示数据：真实台账不能与演示小区混在一起。请加 --replace-demo');
  });
});
