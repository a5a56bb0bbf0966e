/**
 * Official township boundaries (GeoJSON) replacing the approximate ones. Each feature is matched
 * to a township by a property holding its code (350582103, or the 12-digit 350582103000) or its
 * name (陈埭镇 / 陈埭); matched townships get the feature's geometry and boundary_source
 * 'official' (the map draws what the database holds, and the 示意边界 badge goes when all the
 * city's townships are official). A zipped Shapefile is read too (shpjs, reprojected by its .prj). Compounds that now
 * fall outside their township are listed for a decision — never moved. A dry run reports the same
 * and writes nothing.
 */
import { area, booleanPointInPolygon, point } from '@turf/turf';
import gcoord from 'gcoord';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { eq } from 'drizzle-orm';
import { auditLog, compounds, townships } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { BadInputError } from '../errors.ts';
import { decodeText, type LedgerFile } from '../ledger/readLedgerFile.ts';
import { encodingHint, readZippedShapefile } from './readShapefile.ts';
import type { Crs } from '../ledger/validateRow.ts';
import { inBounds } from '../../../shared/city/cityDefinition.ts';
import { activeCity } from '../city/activeCity.ts';
import { townshipOutlines, type TownshipOutline } from './boundaryOutlines.ts';
import { townshipRefs } from './ensureGeography.ts';
import { BOUNDARY_WORDS } from './boundaryWords.ts';

export interface BoundaryImportOptions {
  crs: Crs;
  dryRun: boolean;
  userId?: number | null;
}

export interface BoundaryMatch {
  code: string;
  name: string;
  /** 1-based position of the feature in the file. */
  feature: number;
  matchedBy: 'code' | 'name';
  areaKm2: number;
  previousSource: 'approximate' | 'official';
}

export interface CompoundOutside {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  lon: number;
  lat: number;
  /** The township whose (new) boundary holds the point, if any. */
  fallsIn: { code: string; name: string } | null;
}

export interface BoundaryImportReport {
  status: 'dry-run' | 'imported';
  file: string;
  matched: BoundaryMatch[];
  /** Features that name no township of the city (skipped), with their properties as text. */
  unmatched: { feature: number; label: string }[];
  /** Townships the file does not cover: they keep their boundary. */
  missing: { code: string; name: string; source: 'approximate' | 'official' }[];
  outside: CompoundOutside[];
  /** True when every township will have an official boundary. */
  allOfficial: boolean;
  /** Every township's outline before and after, for the dry run's map. */
  outlines: TownshipOutline[];
}

type Geometry = Polygon | MultiPolygon;
const GCOORD_CRS = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** Imports (or tries) the boundaries and logs the outcome: who, which file, which townships. */
export async function importBoundaries(
  db: Db,
  file: LedgerFile,
  options: BoundaryImportOptions,
): Promise<BoundaryImportReport> {
  const about = { event: 'boundaries.import', file: file.name, dryRun: options.dryRun, userId: options.userId ?? null };
  try {
    const report = await checkAndImportBoundaries(db, file, options);
    const counts = {
      matched: report.matched.length,
      unmatched: report.unmatched.length,
      missing: report.missing.length,
      outside: report.outside.length,
    };
    log.info(
      {
        ...about,
        status: report.status,
        counts,
        townships: report.matched.map((m) => m.code),
        allOfficial: report.allOfficial,
      },
      '镇街边界导入',
    );
    return report;
  } catch (error) {
    if (error instanceof BadInputError)
      log.warn({ ...about, status: 'refused', reason: error.message }, '镇街边界导入被拒绝');
    throw error;
  }
}

async function checkAndImportBoundaries(
  db: Db,
  file: LedgerFile,
  options: BoundaryImportOptions,
): Promise<BoundaryImportReport> {
  const shapefile = file.data[0] === 0x50 && file.data[1] === 0x4b ? await readZippedShapefile(file) : null;
  const json = shapefile ? shapefile.json : parseGeoJson(file);
  const features = featuresOf(json, file.name);
  checkCrsMember(json);
  const refs = await townshipRefs(db);
  const byCode = new Map(refs.map((t) => [t.code, t]));
  const byName = new Map<string, (typeof refs)[number]>();
  for (const t of refs) {
    byName.set(t.name, t);
    byName.set(t.name.replace(/(街道|镇|乡)$/, ''), t);
  }

  const matched: (BoundaryMatch & { geometry: Geometry })[] = [];
  const unmatched: BoundaryImportReport['unmatched'] = [];
  const featureOf = new Map<string, number>();
  features.forEach((feature, i) => {
    const n = i + 1;
    const properties = (feature.properties ?? {}) as Record<string, unknown>;
    const values = Object.values(properties).flatMap((v) =>
      typeof v === 'string' || typeof v === 'number' ? [String(v).normalize('NFKC').trim()] : [],
    );
    const codeHit = values
      .map((v) => byCode.get(/^\d{12}$/.test(v) && v.endsWith('000') ? v.slice(0, 9) : v))
      .find(Boolean);
    const nameHit = values.map((v) => byName.get(v.replace(/\s+/g, ''))).find(Boolean);
    if (codeHit && nameHit && codeHit.code !== nameHit.code) {
      throw new BadInputError(
        `第${n}个要素的代码（${codeHit.code} ${codeHit.name}）与名称（${nameHit.name}）指向不同镇街，请核对`,
      );
    }
    const township = codeHit ?? nameHit;
    if (!township) {
      // Said as its properties, "键：值" (no JSON on the page).
      const label = Object.entries(properties)
        .map(([k, v]) => `${k}：${typeof v === 'object' ? '…' : String(v)}`)
        .join('，');
      unmatched.push({ feature: n, label: label.slice(0, 80) });
      return;
    }
    const first = featureOf.get(township.code);
    if (first !== undefined)
      throw new BadInputError(
        `第${first}个和第${n}个要素都是${township.name}：每个镇街只能有一个要素（多块请合并为 MultiPolygon）`,
      );
    featureOf.set(township.code, n);
    const geometry = checkedGeometry(feature.geometry, n, options.crs);
    matched.push({
      code: township.code,
      name: township.name,
      feature: n,
      matchedBy: codeHit ? 'code' : 'name',
      areaKm2: Math.round((area(geometry) / 1e6) * 10) / 10,
      previousSource: township.boundarySource,
      geometry,
    });
  });
  if (matched.length === 0) {
    const city = activeCity();
    const example = city.townships.find((t) => t.code === city.demoStaffTownship) ?? { code: '', name: '' };
    const read = [...new Set(features.slice(0, 20).flatMap((f) => textValues(f.properties)))].slice(0, 8);
    throw new BadInputError(
      `${file.name} 中没有任何要素能对应到${city.name}的镇街：要素属性中应有镇街代码（如 ${example.code}）或名称（如 ${example.name}）；读到的属性值为 ${read.length ? read.map((v) => `“${v.slice(0, 20)}”`).join('、') : '（无）'}${shapefile ? `。${encodingHint(shapefile.encoding)}` : '（GeoJSON 应为 UTF-8）'}`,
    );
  }

  // Every township's boundary after the import, to find where misplaced compounds fall.
  const after = refs.map((t) => ({
    code: t.code,
    name: t.name,
    boundary: matched.find((m) => m.code === t.code)?.geometry ?? t.boundary,
  }));
  const newBoundary = new Map(matched.map((m) => [m.code, m.geometry]));
  const compoundRows = await db
    .select({
      code: compounds.code,
      name: compounds.name,
      townshipCode: compounds.townshipCode,
      lon: compounds.lon,
      lat: compounds.lat,
    })
    .from(compounds)
    .orderBy(compounds.code);
  const outside: CompoundOutside[] = [];
  for (const c of compoundRows) {
    const boundary = newBoundary.get(c.townshipCode);
    if (!boundary) continue;
    const p = point([c.lon, c.lat]);
    if (booleanPointInPolygon(p, boundary)) continue;
    const home = after.find((t) => booleanPointInPolygon(p, t.boundary));
    outside.push({
      ...c,
      townshipName: byCode.get(c.townshipCode)?.name ?? c.townshipCode,
      fallsIn: home ? { code: home.code, name: home.name } : null,
    });
  }
  const missing = refs
    .filter((t) => !newBoundary.has(t.code))
    .map((t) => ({ code: t.code, name: t.name, source: t.boundarySource }));
  const report: BoundaryImportReport = {
    status: options.dryRun ? 'dry-run' : 'imported',
    file: file.name,
    matched: matched.map(({ geometry: _geometry, ...m }) => m),
    unmatched,
    missing,
    outside,
    allOfficial: missing.every((m) => m.source === 'official'),
    outlines: townshipOutlines(refs, newBoundary),
  };
  if (options.dryRun) return report;

  await db.transaction(async (tx) => {
    for (const m of matched) {
      const [before] = await tx
        .select({ boundary: townships.boundary, boundarySource: townships.boundarySource })
        .from(townships)
        .where(eq(townships.code, m.code));
      if (!before) throw new BadInputError(BOUNDARY_WORDS.noTownship(m.code));
      await tx
        .update(townships)
        .set({ boundary: m.geometry, boundarySource: 'official' })
        .where(eq(townships.code, m.code));
      await tx.insert(auditLog).values({
        userId: options.userId ?? null,
        action: 'import',
        tableName: 'townships',
        recordId: m.code,
        before,
        after: { boundary: m.geometry, boundarySource: 'official', file: file.name },
      });
    }
  });
  return report;
}

function parseGeoJson(file: LedgerFile): unknown {
  try {
    return JSON.parse(decodeText(file.data));
  } catch (error) {
    throw new BadInputError(BOUNDARY_WORDS.notGeoJson(file.name, (error as Error).message));
  }
}

/** The text attribute values of a feature (numbers are codes, not names). */
function textValues(properties: unknown): string[] {
  return Object.values((properties ?? {}) as Record<string, unknown>).flatMap((v) =>
    typeof v === 'string' && v.trim() !== '' && !/^[\d.\s-]+$/.test(v) ? [v.trim()] : [],
  );
}

interface FeatureLike {
  properties?: unknown;
  geometry?: unknown;
}

function featuresOf(json: unknown, name: string): FeatureLike[] {
  const object = json as { type?: unknown; features?: unknown };
  if (object && object.type === 'FeatureCollection' && Array.isArray(object.features))
    return object.features as FeatureLike[];
  if (object && object.type === 'Feature') return [object as FeatureLike];
  throw new BadInputError(
    `${name} 不是 GeoJSON 要素集合（应为 "type": "FeatureCollection"，每个镇街一个 Polygon/MultiPolygon 要素）`,
  );
}

/** A GeoJSON 2008 `crs` member naming anything but lon/lat degrees (WGS84, CGCS2000) is refused. */
function checkCrsMember(json: unknown): void {
  const crs = (json as { crs?: { properties?: { name?: unknown } } }).crs?.properties?.name;
  if (typeof crs !== 'string') return;
  if (/CRS84|EPSG:+4326|EPSG:+4490|EPSG:+4490|WGS.?84|CGCS.?2000/i.test(crs)) return;
  throw new BadInputError(
    `GeoJSON 的坐标系为 ${crs}：只接受 WGS84 或 CGCS2000 经纬度（EPSG:4326 / EPSG:4490），请先转换`,
  );
}

function checkedGeometry(geometry: unknown, n: number, crs: Crs): Geometry {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    throw new BadInputError(
      BOUNDARY_WORDS.notPolygon(n, g?.type === undefined || g?.type === null ? null : String(g.type)),
    );
  }
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : (g.coordinates as unknown[])) as unknown[];
  if (!Array.isArray(polygons) || polygons.length === 0) throw new BadInputError(BOUNDARY_WORDS.noCoordinates(n));
  const rings = polygons.map((polygon) => {
    if (!Array.isArray(polygon) || polygon.length === 0) throw new BadInputError(BOUNDARY_WORDS.noRing(n));
    return polygon.map((ring) => checkedRing(ring, n, crs));
  });
  const rounded = (ring: Position[]) =>
    ring.map(([lon, lat]) => [Math.round(lon! * 1e6) / 1e6, Math.round(lat! * 1e6) / 1e6]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: rings[0]!.map(rounded) }
    : { type: 'MultiPolygon', coordinates: rings.map((p) => p.map(rounded)) };
}

/** How far around the city's extent a boundary's coordinates may reach, in degrees: past it they are not lon/lat of this region. */
const REGION_MARGIN_DEG = 1.5;

function checkedRing(ring: unknown, n: number, crs: Crs): Position[] {
  const [w, south, e, north] = activeCity().bounds;
  const region = [
    w - REGION_MARGIN_DEG,
    south - REGION_MARGIN_DEG,
    e + REGION_MARGIN_DEG,
    north + REGION_MARGIN_DEG,
  ] as const;
  if (!Array.isArray(ring)) throw new BadInputError(BOUNDARY_WORDS.badCoordinates(n));
  const positions = ring.map((p): Position => {
    if (
      !Array.isArray(p) ||
      p.length < 2 ||
      typeof p[0] !== 'number' ||
      typeof p[1] !== 'number' ||
      !Number.isFinite(p[0]) ||
      !Number.isFinite(p[1])
    ) {
      throw new BadInputError(
        `第${n}个要素的坐标格式不对：${JSON.stringify(p).slice(0, 40)}（应为 [经度, 纬度] 数字）`,
      );
    }
    const [lon, lat] = p as [number, number];
    if (!inBounds(region, lon, lat)) {
      throw new BadInputError(
        `第${n}个要素的坐标 ${lon}, ${lat} 不是${activeCity().shortName}一带的经纬度（可能是投影坐标或其他坐标系），请转为 WGS84/CGCS2000 经纬度后再导入`,
      );
    }
    return crs === 'wgs84' ? [lon, lat] : (gcoord.transform([lon, lat], GCOORD_CRS[crs], gcoord.WGS84) as Position);
  });
  if (positions.length > 0) {
    const first = positions[0]!;
    const last = positions.at(-1)!;
    if (first[0] !== last[0] || first[1] !== last[1]) positions.push([first[0]!, first[1]!]);
  }
  if (positions.length < 4) throw new BadInputError(BOUNDARY_WORDS.shortRing(n));
  return positions;
}

/** Lines for stdout (the details) and one summary line for stderr. */
export function describeBoundaryReport(report: BoundaryImportReport): { lines: string[]; summary: string } {
  const lines: string[] = [];
  for (const m of report.matched) {
    lines.push(
      `边界  ${m.code} ${m.name}：第${m.feature}个要素（按${m.matchedBy === 'code' ? '代码' : '名称'}匹配），${m.areaKm2} km²，原为${m.previousSource === 'official' ? '官方' : '示意'}边界`,
    );
  }
  for (const u of report.unmatched)
    lines.push(`忽略  第${u.feature}个要素：对应不到${activeCity().name}的镇街 ${u.label}`);
  for (const m of report.missing)
    lines.push(`保留  ${m.code} ${m.name}：文件中没有，保持${m.source === 'official' ? '官方' : '示意'}边界`);
  for (const o of report.outside) {
    lines.push(
      `待定  ${o.code} ${o.name}（${o.townshipName}）在所属镇街边界以外，${o.fallsIn ? `落在${o.fallsIn.name}` : '不在任何镇街内'}（${o.lon}, ${o.lat}）：未移动，请核对`,
    );
  }
  const head = report.status === 'dry-run' ? '试运行（未写入任何数据）：将导入' : '已导入';
  const summary = `${head} ${report.matched.length} 个镇街的官方边界；${report.outside.length} 个小区落在所属镇街边界以外（未移动，请核对）${report.allOfficial ? '；全部镇街均为官方边界' : ''}`;
  return { lines, summary };
}
