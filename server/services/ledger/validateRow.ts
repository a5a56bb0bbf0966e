/**
 * One ledger row → a compound record in WGS84, or every problem with it (row, column, reason in
 * both languages: rowWords.ts). Never stops at the first problem. Checks that need the database (contracts already
 * registered) are made later, by planLedger.
 */
import { activeCity } from '../city/activeCity.ts';
import gcoord from 'gcoord';
import type { MultiPolygon, Polygon } from 'geojson';
import type { CompoundKind } from '../compounds/compoundStatus.ts';
import { containingCode } from '../geo/cityArea.ts';
import { cellText, isBlank, parseDate, parseNumber, parseWholeNumber, shown, type Parsed } from './cells.ts';
import { headerOf, type LedgerField } from './columns.ts';
import { creditCodeProblem } from './creditCode.ts';
import type { RawCell } from './readLedgerFile.ts';
import type { Said } from '../../../shared/language/said.ts';
import { ROW_WORDS } from './rowWords.ts';

export const CRS_OPTIONS = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_OPTIONS)[number];
export const CRS_LABELS: Record<Crs, string> = {
  wgs84: 'WGS84/CGCS2000（天地图、GPS）',
  gcj02: 'GCJ-02（高德、腾讯）',
  bd09: 'BD-09（百度）',
};

export interface LedgerProblem {
  /** Spreadsheet row (1 = header; 0 = the file as a whole). */
  row: number;
  /** The column's header as the file writes it ('' for the whole row or file). */
  column: string;
  /** Rendered for the reader by problemIn (ledgerReportWords.ts). */
  message: Said;
}

/**
 * A validated row. `undefined` = the file does not say (keep what is stored; a default for a new
 * compound); `null` = the file says "none" (clear it).
 */
export interface LedgerRecord {
  row: number;
  code: string;
  name: string;
  address: string | undefined;
  townshipCode: string;
  community: string | null | undefined;
  /** WGS84, rounded to 7 decimals (≈ 1 cm). */
  lon: number;
  lat: number;
  households: number;
  buildings: number | undefined;
  yearBuilt: number | null | undefined;
  kind: CompoundKind;
  listedOn: string | undefined;
  modelHomeSince: string | null | undefined;
  /** Present only when the row names a property company (the contract columns then apply). */
  contract: { company: string; creditCode: string | null; startOn: string; lastDay: string | null } | undefined;
}

export interface TownshipRef {
  code: string;
  name: string;
  boundary: Polygon | MultiPolygon;
  boundarySource: 'approximate' | 'official';
}

export interface ValidationContext {
  townships: readonly TownshipRef[];
  crs: Crs;
  today: string;
  inCity(lon: number, lat: number): boolean;
}

const KIND_WORDS: Record<string, CompoundKind> = {
  商品房: 'commercial',
  商品住宅: 'commercial',
  商品房小区: 'commercial',
  commercial: 'commercial',
  安置房: 'resettlement',
  安置小区: 'resettlement',
  安置区: 'resettlement',
  resettlement: 'resettlement',
  老旧小区: 'old',
  老旧: 'old',
  老旧住宅: 'old',
  old: 'old',
  混合: 'mixed',
  混合型: 'mixed',
  混合小区: 'mixed',
  mixed: 'mixed',
};
const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

export function townshipLookup(townships: readonly TownshipRef[]): (text: string) => TownshipRef | undefined {
  const byKey = new Map<string, TownshipRef>();
  for (const t of townships) {
    byKey.set(t.code, t);
    byKey.set(t.name, t);
    byKey.set(t.name.replace(/(街道|镇|乡)$/, ''), t);
  }
  return (text) => byKey.get(text.replace(/\s+/g, '').replace(/办事处$/, ''));
}

export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  const [x, y] =
    crs === 'wgs84' ? [lon, lat] : (gcoord.transform([lon, lat], GCOORD_CRS[crs], gcoord.WGS84) as [number, number]);
  return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
}

export function validateRow(
  rowNumber: number,
  cells: ReadonlyMap<LedgerField, RawCell>,
  ctx: ValidationContext & { findTownship: (text: string) => TownshipRef | undefined },
): { record: LedgerRecord | null; problems: LedgerProblem[]; warnings: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  const warnings: LedgerProblem[] = [];
  const problem = (field: LedgerField, message: Said) =>
    problems.push({ row: rowNumber, column: headerOf(field), message });
  const given = (field: LedgerField) => cells.has(field);
  const raw = (field: LedgerField): RawCell => cells.get(field) ?? null;
  const take = <T>(field: LedgerField, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    problem(field, parsed.said);
    return undefined;
  };
  const required = (field: LedgerField): boolean => {
    if (isBlank(raw(field))) {
      problem(field, ROW_WORDS.required);
      return false;
    }
    return true;
  };

  // Code and name.
  let code: string | undefined;
  if (required('code')) {
    code = cellText(raw('code')).replace(/\s+/g, '');
    if (code.length > 50) problem('code', ROW_WORDS.tooLong('code', code.length, 50));
  }
  let name: string | undefined;
  if (required('name')) {
    name = cellText(raw('name'));
    if (name.length > 100) problem('name', ROW_WORDS.tooLong('name', name.length, 100));
  }
  const address = given('address') ? cellText(raw('address')) : undefined;
  if (address && address.length > 200) problem('address', ROW_WORDS.tooLong('address', address.length, 200));

  // Township and community.
  let township: TownshipRef | undefined;
  if (required('township')) {
    const text = cellText(raw('township'));
    township = ctx.findTownship(text);
    if (!township)
      problem('township', ROW_WORDS.unknownTownship(shown(raw('township')), activeCity(), ctx.townships.length));
  }
  const community = given('community') ? cellText(raw('community')) || null : undefined;
  if (community && community.length > 50) problem('community', ROW_WORDS.communityTooLong(community.length));

  // Coordinates.
  let lon: number | undefined;
  let lat: number | undefined;
  if (required('lon')) lon = take('lon', parseNumber(raw('lon'), /°$/));
  if (required('lat')) lat = take('lat', parseNumber(raw('lat'), /°$/));
  let wgs: [number, number] | undefined;
  if (lon !== undefined && lat !== undefined) {
    if (lon > 3 && lon < 54 && lat > 73 && lat < 136) {
      problem('lon', ROW_WORDS.swapped(lon, lat, activeCity(), activeCity().bounds));
    } else if (lon < 73 || lon > 136 || lat < 3 || lat > 54) {
      problem(lon < 73 || lon > 136 ? 'lon' : 'lat', ROW_WORDS.notInChina(lon, lat));
    } else {
      wgs = toWgs84(lon, lat, ctx.crs);
      if (!ctx.inCity(wgs[0], wgs[1])) {
        const converted =
          ctx.crs === 'wgs84' ? null : { crs: ctx.crs.toUpperCase(), at: `${wgs[0].toFixed(5)}, ${wgs[1].toFixed(5)}` };
        problem('lon', ROW_WORDS.outsideCity(lon, lat, activeCity(), converted));
        wgs = undefined;
      } else if (township) {
        const inside = containingCode(ctx.townships, wgs[0], wgs[1]);
        if (inside !== township.code) {
          const other = ctx.townships.find((t) => t.code === inside);
          warnings.push({
            row: rowNumber,
            column: headerOf('lon'),
            message: ROW_WORDS.outsideTownship(
              township.name,
              township.boundarySource === 'official',
              other?.name ?? null,
            ),
          });
        }
      }
    }
  }

  // Numbers.
  let households: number | undefined;
  if (required('households')) households = take('households', parseWholeNumber(raw('households'), /户$/));
  let buildings: number | undefined;
  if (given('buildings') && !isBlank(raw('buildings')))
    buildings = take('buildings', parseWholeNumber(raw('buildings'), /(栋|幢)$/));
  let yearBuilt: number | null | undefined = given('yearBuilt') ? null : undefined;
  if (given('yearBuilt') && !isBlank(raw('yearBuilt'))) {
    const year = take('yearBuilt', parseWholeNumber(raw('yearBuilt'), /年$/));
    const thisYear = Number(ctx.today.slice(0, 4));
    if (year !== undefined && (year < 1949 || year > thisYear + 3))
      problem('yearBuilt', ROW_WORDS.implausibleYear(year, thisYear + 3));
    else if (year !== undefined) yearBuilt = year;
  }

  // Kind.
  let kind: CompoundKind | undefined;
  if (required('kind')) {
    kind = KIND_WORDS[cellText(raw('kind')).replace(/\s+/g, '').toLowerCase()];
    if (!kind) problem('kind', ROW_WORDS.unknownKind(shown(raw('kind'))));
  }

  // Dates.
  const date = (field: LedgerField): string | null | undefined => {
    if (!given(field)) return undefined;
    if (isBlank(raw(field))) return null;
    return take(field, parseDate(raw(field))) ?? undefined;
  };
  const listedOn = date('listedOn') ?? undefined;
  if (listedOn && listedOn > ctx.today) problem('listedOn', ROW_WORDS.afterToday('listedOn', listedOn, ctx.today));
  const modelHomeSince = date('modelHomeSince');
  if (modelHomeSince && modelHomeSince > ctx.today)
    problem('modelHomeSince', ROW_WORDS.afterToday('modelHomeSince', modelHomeSince, ctx.today));

  // Property contract: all four columns blank = the row says nothing about it.
  let contract: LedgerRecord['contract'];
  const company = given('propertyCompany') ? cellText(raw('propertyCompany')) : '';
  const creditCode = given('companyCreditCode')
    ? cellText(raw('companyCreditCode')).replace(/\s+/g, '').toUpperCase()
    : '';
  const startOn = date('contractStart');
  const lastDay = date('contractLastDay');
  const creditCodeWrong = creditCode ? creditCodeProblem(creditCode) : null;
  if (creditCodeWrong)
    problem('companyCreditCode', ROW_WORDS.badCreditCode(shown(raw('companyCreditCode')), creditCodeWrong));
  if (company) {
    if (company.length > 100) problem('propertyCompany', ROW_WORDS.companyTooLong(company.length));
    if (startOn === null || !given('contractStart')) problem('contractStart', ROW_WORDS.startRequired);
    if (startOn && lastDay && lastDay < startOn) problem('contractLastDay', ROW_WORDS.endBeforeStart(lastDay, startOn));
    if (startOn && startOn > ctx.today)
      problem('contractStart', ROW_WORDS.afterToday('contractStart', startOn, ctx.today));
    if (startOn) contract = { company, creditCode: creditCode || null, startOn, lastDay: lastDay ?? null };
  } else if (creditCode || startOn || lastDay) {
    problem('propertyCompany', ROW_WORDS.companyMissing);
  }

  if (problems.length > 0 || !code || !name || !township || !wgs || households === undefined || !kind)
    return { record: null, problems, warnings };
  return {
    record: {
      row: rowNumber,
      code,
      name,
      address,
      townshipCode: township.code,
      community,
      lon: wgs[0],
      lat: wgs[1],
      households,
      buildings,
      yearBuilt,
      kind,
      listedOn,
      modelHomeSince,
      contract,
    },
    problems,
    warnings,
  };
}
