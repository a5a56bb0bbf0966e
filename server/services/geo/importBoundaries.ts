/**
 * Official township boundaries (GeoJSON) replacing the approximate ones. Each feature is matched
 * to a township by a property holding its code (350582103, or the 12-digit 350582103000) or its
 * name (陈埭镇 / 陈埭); matched townships get the feature's geometry and boundary_source
 * 'official' (the map draws what the database holds, and the 示意边界 badge goes when all the
 * city's townships are official). A zipped Shapefile is read too (shpjs, reprojected by its .prj).
 * Compounds that now fall outside their township are listed for a decision — never moved. A dry
 * run reports the same and writes nothing. The file's features are checked in boundaryFeatures.ts;
 * refusals are said in both languages (boundaryWords.ts), the command line's lines in
 * describeBoundaryReport.ts.
 */
import { area, booleanPointInPolygon, point } from '@turf/turf';
import { eq } from 'drizzle-orm';
import { auditLog, compounds, townships } from '../../../data/schema/index.ts';
import type { Locale } from '../../../shared/language/index.ts';
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { activeCity } from '../city/activeCity.ts';
import { BadInputError } from '../errors.ts';
import type { LedgerFile } from '../ledger/readLedgerFile.ts';
import type { Crs } from '../ledger/validateRow.ts';
import {
  checkCrsMember,
  checkedGeometry,
  featuresOf,
  parseGeoJson,
  textValues,
  type Geometry,
} from './boundaryFeatures.ts';
import { townshipOutlines, type TownshipOutline } from './boundaryOutlines.ts';
import { BOUNDARY_WORDS } from './boundaryWords.ts';
import { townshipRefs } from './ensureGeography.ts';
import { encodingHint, readZippedShapefile } from './readShapefile.ts';

export interface BoundaryImportOptions {
  crs: Crs;
  dryRun: boolean;
  userId?: number | null;
  /** The reader's language, for the skipped features' properties ("键：值" or "key: value"). */
  locale?: Locale;
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
      throw new BadInputError(BOUNDARY_WORDS.codeAndNameDiffer(n, codeHit, nameHit.name));
    }
    const township = codeHit ?? nameHit;
    if (!township) {
      // Said as its properties, "键：值" (no JSON on the page), punctuated in the reader's language.
      const [colon, comma] = options.locale === 'en' ? [': ', ', '] : ['：', '，'];
      const label = Object.entries(properties)
        .map(([k, v]) => `${k}${colon}${typeof v === 'object' ? '…' : String(v)}`)
        .join(comma);
      unmatched.push({ feature: n, label: label.slice(0, 80) });
      return;
    }
    const first = featureOf.get(township.code);
    if (first !== undefined) throw new BadInputError(BOUNDARY_WORDS.townshipTwice(first, n, township.name));
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
      BOUNDARY_WORDS.noneMatched(
        file.name,
        city,
        example,
        read.map((v) => v.slice(0, 20)),
        shapefile ? encodingHint(shapefile.encoding) : null,
      ),
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
