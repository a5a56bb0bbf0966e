/** `onemap import …`, `onemap backup` and `onemap restore` as a person runs them, on the embedded database. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import gcoord from 'gcoord';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';
import { FIXTURE_AS_OF } from '../../support/constants.ts';
import { fixtureDataDir } from '../../support/databases.ts';
import { goodRows, HEADERS, ledgerCsv } from '../../support/ledgers.ts';

const dir = mkdtempSync(join(tmpdir(), 'onemap-cli-import-'));
const exportArgs = (format: string) => ['export', 'compounds', '--as-of', FIXTURE_AS_OF, '--format', format];

describe('onemap import, backup and restore', () => {
  let fixtureDir: string;
  beforeAll(async () => {
    fixtureDir = await fixtureDataDir();
  });

  it('writes the template, reports every problem in one go, dry-runs and imports a GCJ-02 ledger', async () => {
    const template = join(dir, '模板.xlsx');
    const written = await runCli(['import', 'template', '--out', template]);
    expect(written.code, written.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    expect((workbook.getWorksheet('小区台账')!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);

    const db = { ONEMAP_DATA_DIR: join(dir, 'ledger-db') };
    const rows = goodRows(12).map((r) => {
      const [lon, lat] = gcoord.transform([r.经度 as number, r.纬度 as number], gcoord.WGS84, gcoord.GCJ02) as [
        number,
        number,
      ];
      return { ...r, 经度: lon, 纬度: lat };
    });
    const bad = rows.map((r, i) =>
      i === 3 ? { ...r, 户数: 'abc' } : i === 7 ? { ...r, 所属镇街: '石狮市', 小区类型: '别墅' } : r,
    );
    writeFileSync(join(dir, 'bad.csv'), ledgerCsv(bad));
    const refused = await runCli(['import', 'ledger', join(dir, 'bad.csv'), '--crs', 'gcj02'], db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('第5行「户数」：应为整数，实为“abc”');
    expect(refused.stderr).toContain('第9行「所属镇街」');
    expect(refused.stderr).toContain('第9行「小区类型」');
    expect(refused.stderr.trimEnd().split('\n').at(-1)).toBe('onemap: 台账有 3 处错误，未导入任何数据');

    writeFileSync(join(dir, 'good.csv'), ledgerCsv(rows));
    const dry = await runCli(['import', 'ledger', join(dir, 'good.csv'), '--crs', 'gcj02', '--dry-run'], db);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout.trimEnd().split('\n')).toHaveLength(12);
    expect(dry.stdout).toContain('新增  第2行 T-0001 测试小区1');
    expect(dry.stderr).toContain('试运行（未写入任何数据）：将新增 12 个小区');
    const done = await runCli(['import', 'ledger', join(dir, 'good.csv'), '--crs', 'gcj02'], db);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain('正在写入：12/12 个小区');
    expect(done.stderr).toContain('已导入：新增 12 个小区');
    const exported = await runCli(exportArgs('csv'), db);
    expect(exported.stdout.trimEnd().split('\n')).toHaveLength(13);
    expect(exported.stderr).not.toContain('演示数据');
  }, 600_000);

  it('refuses to import a ledger over the demonstration without --replace-demo, in one line', async () => {
    writeFileSync(join(dir, 'few.csv'), ledgerCsv(goodRows(3)));
    const run = await runCli(['import', 'ledger', join(dir, 'few.csv')], { ONEMAP_DATA_DIR: fixtureDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^onemap: 数据库中是演示数据.*--replace-demo/);
    const boundaries = await runCli(['import', 'boundaries', join(dir, 'few.csv')], { ONEMAP_DATA_DIR: fixtureDir });
    expect(boundaries.code).toBe(1);
    expect(boundaries.stderr).toMatch(/^onemap: few.csv 不是有效的 GeoJSON/);
  }, 300_000);

  it('backs up and restores into an empty directory with identical CSV and GeoJSON exports', async () => {
    const file = join(dir, 'onemap.jsonl.gz');
    const backup = await runCli(['backup', '--out', file], { ONEMAP_DATA_DIR: fixtureDir });
    expect(backup.code, backup.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    const target = { ONEMAP_DATA_DIR: join(dir, 'restored') };
    const restore = await runCli(['restore', file], target);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toMatch(/已恢复 \d+ 个表/);
    for (const format of ['csv', 'geojson']) {
      const [a, b] = await Promise.all([
        runCli(exportArgs(format), { ONEMAP_DATA_DIR: fixtureDir }),
        runCli(exportArgs(format), target),
      ]);
      expect(b.stdout.length).toBeGreaterThan(1000);
      expect(b.stdout).toBe(a.stdout);
    }
    const again = await runCli(['restore', file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^onemap: 数据库中已有数据.*--force/);
    const missing = await runCli(['backup', '--out', join(dir, 'no', 'such', 'dir.gz')], {
      ONEMAP_DATA_DIR: fixtureDir,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^onemap: 无法写入备份文件/);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  }, 600_000);
});
