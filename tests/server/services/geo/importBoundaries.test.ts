/** Official township boundaries replace the approximate ones; misplaced compounds are listed, never moved. */
import { area, booleanPointInPolygon, point, transformTranslate } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import JSZip from 'jszip';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../../data/schema/index.ts';
import { callerAs } from '../../../support/callers.ts';
import { describeBoundaryReport } from '../../../../server/services/geo/describeBoundaryReport.ts';
import { importBoundaries } from '../../../../server/services/geo/importBoundaries.ts';
import { approximateTownshipBoundaries } from '../../../../server/services/geo/townshipBoundaries.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { snapshot } from '../../../support/ledgers.ts';
import { zippedShapefile } from '../../../support/shapefile.ts';

const SHIFTED = '350582105'; // 深沪镇, moved 3 km east

/** The approximate boundaries as an "official" file: properties as a bureau would name them. */
function officialFile(shift = true): { name: string; data: Uint8Array } {
  const features = approximateTownshipBoundaries().features.map(
    (f, i): Feature<Polygon | MultiPolygon, Record<string, unknown>> => {
      const moved = shift && f.properties.code === SHIFTED ? transformTranslate(f, 3, 90, { units: 'kilometers' }) : f;
      // Half by 12-digit code, half by name only.
      const properties = i % 2 ? { XZQMC: f.properties.name } : { XZQDM: `${f.properties.code}000`, 备注: '官方' };
      return { type: 'Feature', geometry: moved.geometry, properties };
    },
  );
  features.push({
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [118.7, 24.7],
          [118.71, 24.7],
          [118.71, 24.71],
          [118.7, 24.7],
        ],
      ],
    },
    properties: { XZQMC: '宝盖镇' },
  });
  return file({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:4490' } }, features });
}

const file = (json: unknown, name = 'towns.geojson') => ({
  name,
  data: new TextEncoder().encode(typeof json === 'string' ? json : JSON.stringify(json)),
});
const ring = [
  [118.5, 24.8],
  [118.6, 24.8],
  [118.6, 24.9],
  [118.5, 24.8],
];

describe.each(availableBackends())('boundary import (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('lists the compounds a shifted township leaves outside, in a dry run writing nothing', async () => {
    const before = await snapshot(database.db, FIXTURE_AS_OF);
    const report = await importBoundaries(database.db, officialFile(), { crs: 'wgs84', dryRun: true });
    expect(report.status).toBe('dry-run');
    expect(report.matched).toHaveLength(19);
    expect(report.unmatched).toEqual([{ feature: 20, label: expect.stringContaining('宝盖镇') }]);
    expect(report.outside.length).toBeGreaterThan(0);
    expect(new Set(report.outside.map((o) => o.townshipCode))).toEqual(new Set([SHIFTED]));
    expect(report.allOfficial).toBe(true);
    expect(report.unmatched[0]!.label, 'properties in words, not JSON').not.toMatch(/[{}"]/);
    // The map's outlines: every township before and after; the shifted one differs.
    expect(report.outlines).toHaveLength(19);
    expect(report.outlines.every((o) => o.changed)).toBe(true);
    const shifted = report.outlines.find((o) => o.code === SHIFTED)!;
    expect(shifted.after).not.toEqual(shifted.before);
    expect(JSON.stringify(report.outlines).length, 'small enough to send').toBeLessThan(300_000);
    expect(await snapshot(database.db, FIXTURE_AS_OF)).toEqual(before);
  });

  it('reports on the command line in Chinese or English, names as the data holds them', async () => {
    const report = await importBoundaries(database.db, officialFile(), { crs: 'wgs84', dryRun: true });
    const outside = report.outside.length;
    const zh = describeBoundaryReport(report);
    expect(zh.summary).toBe(
      `试运行（未写入任何数据）：将导入 19 个镇街的官方边界；${outside} 个小区落在所属镇街边界以外（未移动，请核对）；全部镇街均为官方边界`,
    );
    expect(zh.lines).toContain(`忽略  第20个要素：对应不到晋江市的镇街 ${report.unmatched[0]!.label}`);
    const en = describeBoundaryReport(report, 'en');
    expect(en.summary).toBe(
      `Dry run (nothing written): would import official boundaries of 19 townships; ${outside} compounds outside their township's boundary (not moved, please check); every township has an official boundary`,
    );
    expect(en.lines).toHaveLength(zh.lines.length);
    // Take out the data (codes, names, the skipped feature's properties): no Chinese is left.
    const names = [
      ...report.matched.map((m) => m.name),
      ...report.outside.flatMap((o) => [o.name, o.townshipName, o.fallsIn?.name ?? '']),
      report.unmatched[0]!.label,
    ].filter(Boolean);
    const words = en.lines.map((line) => names.reduce((text, name) => text.replaceAll(name, ''), line));
    expect(words.filter((line) => /[\u4e00-\u9fff]/.test(line))).toEqual([]);
  });

  it('imports: boundaries official and drawn from the file, compounds not moved, the badge condition gone, audited', async () => {
    const compoundsBefore = await database.db.select().from(schema.compounds).orderBy(schema.compounds.id);
    const report = await importBoundaries(database.db, officialFile(), { crs: 'wgs84', dryRun: false });
    expect(report.status).toBe('imported');
    const shiftedCompounds = compoundsBefore.filter((c) => c.townshipCode === SHIFTED);
    expect(report.outside.map((o) => o.code).sort()).toEqual(
      shiftedCompounds
        .filter(
          (c) =>
            !booleanPointInPolygon(
              point([c.lon, c.lat]),
              transformTranslate(
                approximateTownshipBoundaries().features.find((f) => f.properties.code === SHIFTED)!,
                3,
                90,
                { units: 'kilometers' },
              ),
            ),
        )
        .map((c) => c.code)
        .sort(),
    );
    expect(await database.db.select().from(schema.compounds).orderBy(schema.compounds.id)).toEqual(compoundsBefore);

    const townships = await (await callerAs(database, 'leader')).geography.townships();
    expect(townships.every((t) => t.boundarySource === 'official')).toBe(true);
    const shenhu = townships.find((t) => t.code === SHIFTED)!;
    // What is drawn is the file's geometry: the approximate one moved 3 km (≈ 0.0297° here) east.
    const approximate = approximateTownshipBoundaries().features.find((f) => f.properties.code === SHIFTED)!
      .geometry as Polygon;
    const drawn = shenhu.boundary as Polygon;
    expect(drawn.coordinates[0]!.length).toBe(approximate.coordinates[0]!.length);
    expect(drawn.coordinates[0]![0]![0]! - approximate.coordinates[0]![0]![0]!).toBeCloseTo(0.0297, 3);
    const audit = await database.db.select().from(schema.auditLog);
    expect(audit.filter((a) => a.action === 'import' && a.tableName === 'townships')).toHaveLength(19);
  });

  it.each([
    ['not JSON', '{"type": "FeatureCollection", ', /不是有效的 GeoJSON/],
    ['not a feature collection', { type: 'Polygon', coordinates: [ring] }, /不是 GeoJSON 要素集合/],
    [
      'no township named',
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: '火星' }, geometry: { type: 'Polygon', coordinates: [ring] } },
        ],
      },
      /没有任何要素能对应/,
    ],
    [
      'a point',
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: '陈埭镇' }, geometry: { type: 'Point', coordinates: [118.6, 24.8] } },
        ],
      },
      /应为 Polygon 或 MultiPolygon/,
    ],
    [
      'projected coordinates',
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '350582103' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [39500000, 2740000],
                  [39510000, 2740000],
                  [39510000, 2750000],
                  [39500000, 2740000],
                ],
              ],
            },
          },
        ],
      },
      /不是晋江一带的经纬度/,
    ],
    [
      'text coordinates',
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '350582103' },
            geometry: { type: 'Polygon', coordinates: [[['118.5', '24.8']]] },
          },
        ],
      },
      /坐标格式不对/,
    ],
    [
      'a township twice',
      {
        type: 'FeatureCollection',
        features: [1, 2].map(() => ({
          type: 'Feature',
          properties: { name: '陈埭' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        })),
      },
      /第1个和第2个要素都是陈埭镇/,
    ],
    [
      'a projected CRS',
      { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:4547' } }, features: [] },
      /只接受 WGS84 或 CGCS2000/,
    ],
    [
      'code and name disagreeing',
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '350582103', name: '安海镇' },
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
        ],
      },
      /指向不同镇街/,
    ],
  ])('refuses a malformed file (%s) with a clear message, writing nothing', async (_what, json, message) => {
    const before = await database.db.select().from(schema.townships).orderBy(schema.townships.code);
    await expect(importBoundaries(database.db, file(json), { crs: 'wgs84', dryRun: false })).rejects.toThrow(message);
    expect(await database.db.select().from(schema.townships).orderBy(schema.townships.code)).toEqual(before);
  });
});

/** CGCS2000 / 3-degree Gauss-Krüger CM 120E (EPSG:4549), as surveying offices deliver boundaries. */
const GK_120E_PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

describe('boundary import from a zipped Shapefile', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
  });
  afterAll(() => database?.dispose());

  const features = () =>
    approximateTownshipBoundaries().features.map((f) => ({
      type: 'Feature' as const,
      geometry: f.geometry,
      properties: { XZQMC: f.properties.name, XZQDM: f.properties.code },
    }));

  it.each([
    ['in degrees', {}],
    [
      'projected (CGCS2000 Gauss-Krüger, with its .prj)',
      { prj: GK_120E_PRJ, project: (p: Position) => proj4('WGS84', GK_120E_PRJ, p as [number, number]) },
    ],
  ])('reads the boundaries %s', async (_what, options) => {
    const data = await zippedShapefile(features(), options);
    const report = await importBoundaries(database.db, { name: 'towns.zip', data }, { crs: 'wgs84', dryRun: false });
    expect(report.matched).toHaveLength(19);
    expect(report.outside).toEqual([]);
    const stored = await database.db.select().from(schema.townships).orderBy(schema.townships.code);
    const approximate = new Map(approximateTownshipBoundaries().features.map((f) => [f.properties.code, f.geometry]));
    for (const t of stored) {
      expect(t.boundarySource).toBe('official');
      const a = approximate.get(t.code)!;
      expect(area(t.boundary) / area(a), t.name).toBeCloseTo(1, 4);
    }
  });

  it('refuses a zip without a Shapefile, in one line', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'no shapes');
    const data = await zip.generateAsync({ type: 'uint8array' });
    await expect(
      importBoundaries(database.db, { name: 'towns.zip', data }, { crs: 'wgs84', dryRun: true }),
    ).rejects.toThrow(/无法读取压缩的 Shapefile/);
  });
});
