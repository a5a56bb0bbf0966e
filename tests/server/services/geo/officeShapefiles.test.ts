/**
 * Boundary Shapefiles as Chinese GIS offices hand them over (issue 22): GBK attributes with the
 * .cpg spelt as GDAL, ArcGIS and people write it, or no .cpg at all; written by OneMap's test
 * writer and by GDAL (ogr2ogr, skipped saying so when missing), in degrees and in CGCS2000
 * Gauss-Krüger. Matched by name only, so that a wrong decoding cannot hide behind a code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBoundaries } from '../../../../server/services/geo/importBoundaries.ts';
import { saidOf } from '../../../../shared/language/said.ts';
import { approximateTownshipBoundaries } from '../../../../server/services/geo/townshipBoundaries.ts';
import { openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { hasProgram, needs, ogrShapefile } from '../../../support/officeFiles.ts';
import { zippedShapefile } from '../../../support/shapefile.ts';

const townships = approximateTownshipBoundaries().features;
/** Names only (乡镇名称, 备注 in Chinese too), no codes. */
const features = () =>
  townships.map((f) => ({
    type: 'Feature' as const,
    geometry: f.geometry,
    properties: { XZMC: f.properties.name, BZ: '来源：自然资源局' },
  }));

describe('boundary Shapefiles as offices make them', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
  });
  afterAll(() => database?.dispose());

  const dryRun = (data: Uint8Array) =>
    importBoundaries(database.db, { name: '镇街界线.zip', data }, { crs: 'wgs84', dryRun: true });

  it.each(['CP936', 'cp936\r\n', '936', 'ANSI 936', 'GBK', 'gb2312', 'GB18030', 'MS936', null])(
    'decodes GBK attributes with the .cpg %j',
    async (cpg) => {
      const report = await dryRun(await zippedShapefile(features(), { encoding: 'gbk', cpg }));
      expect(report.matched.map((m) => m.name)).toEqual(townships.map((f) => f.properties.name));
    },
  );

  it.each(['UTF-8', 'utf8', '65001', null])('decodes UTF-8 attributes with the .cpg %j', async (cpg) => {
    const report = await dryRun(await zippedShapefile(features(), { cpg }));
    expect(report.matched).toHaveLength(townships.length);
  });

  it('refuses GBK read as UTF-8 (a wrong .cpg), saying which names it read and how to name the encoding', async () => {
    const data = await zippedShapefile(features(), { encoding: 'gbk', cpg: 'UTF-8' });
    const refusal = dryRun(data);
    await expect(refusal).rejects.toThrow(/读到的属性值为 “/);
    await expect(dryRun(data)).rejects.toThrow(/按 UTF-8 读取（\.cpg 写明“UTF-8”）.*CP936 或 GBK/);
  });

  it('says the same in English: how the text was read and how to name the encoding', async () => {
    const refusal = saidOf(
      await dryRun(await zippedShapefile(features(), { encoding: 'gbk', cpg: 'UTF-8' })).catch((e) => e),
    );
    expect(refusal?.en).toMatch(
      /the values read were “.*\. Attribute text was read as UTF-8 \(the \.cpg says “UTF-8”\); if the names are garbled, name the encoding in a \.cpg file: CP936 or GBK for a GBK file, UTF-8 for a UTF-8 file$/,
    );
    const mars = [{ ...features()[0]!, properties: { XZMC: '火星', BZ: '' } }];
    const withoutCpg = saidOf(await dryRun(await zippedShapefile(mars, { cpg: null })).catch((e) => e));
    expect(withoutCpg?.en).toMatch(/read as UTF-8 \(no \.cpg, the content is valid UTF-8\)/);
    expect(withoutCpg?.['zh-CN']).toMatch(/按 UTF-8 读取（没有 \.cpg，内容是有效的 UTF-8）/);
    // Chinese only in the data: the file's name, the example township, the values read.
    const words = withoutCpg?.en.replaceAll('镇街界线.zip', '').replace(/“[^”]*”|\(e\.g\. [^)]*\)/g, '');
    expect(words).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it.skipIf(!hasProgram('ogr2ogr'))(
    `reads what GDAL writes with -lco ENCODING=CP936, in degrees and in CGCS2000 Gauss-Krüger CM 120E, with the .cpg as other programs spell it${needs('ogr2ogr', 'GDAL')}`,
    async () => {
      const collection = { type: 'FeatureCollection', features: features() };
      const gdal = await ogrShapefile(collection, { encoding: 'CP936' });
      expect(gdal.cpgWritten?.trim()).toBe('CP936');
      for (const zip of [
        gdal.zip,
        (await ogrShapefile(collection, { encoding: 'CP936', srs: 'EPSG:4549' })).zip,
        (await ogrShapefile(collection, { encoding: 'CP936', cpg: '936' })).zip,
        (await ogrShapefile(collection, { encoding: 'CP936', cpg: null })).zip,
      ]) {
        const report = await dryRun(zip);
        expect(report.matched.map((m) => m.name)).toEqual(townships.map((f) => f.properties.name));
      }
    },
    120_000,
  );
});
