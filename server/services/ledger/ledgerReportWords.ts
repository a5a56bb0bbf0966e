/**
 * The ledger import's report in the reader's language: how a column is named, what the header,
 * the table's shape and the comparison with the database say (in both languages, as Said), and
 * the problems and changes of a report rendered for one reader. The reasons of cells and rows
 * are in rowWords.ts.
 *
 * A column is named by the file's own Chinese header: it is what the person sees in the
 * spreadsheet and must find there, so an English reader gets it quoted as written followed by an
 * English gloss — `"户数" (households)` — and never an English name that is nowhere in the file.
 */
import type { Locale } from '../../../shared/language/index.ts';
import { said, type Said } from '../../../shared/language/said.ts';
import { fieldOfHeader, headerOf, KIND_LABELS, type LedgerField } from './columns.ts';
import type { DisplayValue, FieldChange } from './planLedger.ts';
import type { LedgerProblem } from './validateRow.ts';

/** What each column holds, in English: the gloss after the Chinese header. */
const COLUMN_GLOSSES: Record<LedgerField, string> = {
  code: 'compound code',
  name: 'compound name',
  address: 'address',
  township: 'township',
  community: 'community or village',
  lon: 'longitude',
  lat: 'latitude',
  households: 'households',
  buildings: 'buildings',
  yearBuilt: 'year built',
  kind: 'compound type',
  listedOn: 'listed on',
  modelHomeSince: 'named a "Beautiful Home" on',
  propertyCompany: 'property company',
  companyCreditCode: "company's unified social credit code",
  contractStart: 'contract start',
  contractLastDay: 'contract last day',
};

/** Compound kinds in English, as the client's dictionary names them (kind.*). */
export const KIND_EN: Record<keyof typeof KIND_LABELS, string> = {
  commercial: 'commercial',
  resettlement: 'resettlement',
  old: 'old housing',
  mixed: 'mixed',
};
const KIND_OF_LABEL = new Map(Object.entries(KIND_LABELS).map(([kind, label]) => [label as string, kind]));

/** A column by its template header: 户数 in Chinese, `"户数" (households)` in English. */
export function columnName(field: LedgerField, locale: Locale): string {
  return headerIn(headerOf(field), locale);
}

/** A header as the file writes it (an alias, or a column we do not know): glossed when known. */
export function headerIn(header: string, locale: Locale): string {
  if (locale === 'zh-CN' || header === '') return header;
  const field = fieldOfHeader(header);
  return field ? `"${header}" (${COLUMN_GLOSSES[field]})` : `"${header}"`;
}

const rows = (from: number, to: number) =>
  said(from === to ? `第${from}行` : `第${from}–${to}行`, from === to ? `row ${from}` : `rows ${from}–${to}`);
/** "holds … and was skipped" for one row, "hold … and were skipped" for more. */
const verbs = (from: number, to: number) =>
  from === to ? { hold: 'holds', were: 'was' } : { hold: 'hold', were: 'were' };

/** The header and the shape of the table (tableShape.ts, parseLedger.ts). */
export const TABLE_WORDS = {
  headerBelow: (headerRow: number, first: string) => {
    const above = rows(1, headerRow - 1);
    const { hold, were } = verbs(1, headerRow - 1);
    return said(
      `表头在第${headerRow}行：其上${above['zh-CN']}为标题或说明（“${first}”），已跳过`,
      `the header is on row ${headerRow}: ${above.en} above it ${hold} a title or notes ("${first}") and ${were} skipped`,
    );
  },
  footer: (from: number, to: number, last: string) => {
    const skipped = rows(from, to);
    const { hold, were } = verbs(from, to);
    return said(
      `${skipped['zh-CN']}在数据之后，不含小区（序号、合计或填表人/审核人等落款，如“${last}”），已跳过`,
      `${skipped.en} after the data ${hold} no compound (sequence numbers, totals or a signature footer such as "${last}") and ${were} skipped`,
    );
  },
  unknownColumn: (header: string) =>
    said(
      `未识别的列“${header}”，已忽略（可用的列见模板）`,
      `unknown column "${header}", ignored (the template lists the columns)`,
    ),
  repeatedColumn: (position: number, header: string) =>
    said(`与第${position}列重复，都是“${header}”`, `repeats column ${position}: both are ${headerIn(header, 'en')}`),
  missingColumn: (header: string, headerRow: number) =>
    said(
      `缺少必填列“${header}”（表头在第${headerRow}行）`,
      `the required column ${headerIn(header, 'en')} is missing (the header is on row ${headerRow})`,
    ),
  noRows: said('台账中没有数据行', 'the ledger has no data rows'),
  repeatedCode: (code: string, firstRow: number) =>
    said(`小区编码“${code}”与第${firstRow}行重复`, `compound code "${code}" repeats row ${firstRow}`),
};

/** What only the database reveals (planLedger.ts). */
export const PLAN_WORDS = {
  leavesCommunity: (township: string | undefined, community: string) =>
    said(
      `小区改属${township}，原社区(村)“${community}”不在该镇街，已取消归属`,
      `the compound moves to ${township}: its community "${community}" is not in that township, so it no longer belongs to one`,
    ),
  startBeforeRegistered: (startOn: string, company: string, registeredStart: string) =>
    said(
      `物业合同开始日期 ${startOn} 早于已登记的合同（${company}，${registeredStart} 起），请核对`,
      `contract start ${startOn} is before a registered contract (${company}, from ${registeredStart}): please check`,
    ),
  startWithinRegistered: (startOn: string, company: string, from: string, lastDay: string) =>
    said(
      `物业合同开始日期 ${startOn} 落在已登记的合同期内（${company}，${from} 至 ${lastDay}），请核对`,
      `contract start ${startOn} falls within a registered contract (${company}, ${from} to ${lastDay}): please check`,
    ),
};

/** A problem as the report gives it: the column and the reason in the reader's language. */
export interface ReportedProblem {
  /** Spreadsheet row (1 = header; 0 = the file as a whole). */
  row: number;
  /** The column's header as the file writes it; in English followed by its gloss. */
  column: string;
  message: string;
}

export function problemIn(p: LedgerProblem, locale: Locale): ReportedProblem {
  return { row: p.row, column: headerIn(p.column, locale), message: p.message[locale] };
}

/** A field's change for the reader: the column named, a compound kind in English. */
export function fieldChangeIn(c: FieldChange, locale: Locale): FieldChange {
  if (locale === 'zh-CN') return c;
  const value = (v: DisplayValue) => {
    const kind = c.field === 'kind' && typeof v === 'string' ? KIND_OF_LABEL.get(v) : undefined;
    return kind ? KIND_EN[kind as keyof typeof KIND_EN] : v;
  };
  return { ...c, label: columnName(c.field, locale), before: value(c.before), after: value(c.after) };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The lines of describeReport.ts, in both languages. */
export const REPORT_WORDS = {
  problem: (row: number, column: string, message: string): Said =>
    said(
      `第${row}行${column ? `「${column}」` : ''}：${message}`,
      `Row ${row}${column ? `, ${column}` : ''}: ${message}`,
    ),
  blank: said('（空）', '(blank)'),
  newCompound: (row: number, code: string, name: string) =>
    said(`新增  第${row}行 ${code} ${name}`, `New      row ${row} ${code} ${name}`),
  updated: (row: number, code: string, name: string, changes: readonly [string, string, string][]) =>
    said(
      `更新  第${row}行 ${code} ${name}：${changes.map(([label, a, b]) => `${label} ${a} → ${b}`).join('；')}`,
      `Updated  row ${row} ${code} ${name}: ${changes.map(([label, a, b]) => `${label} ${a} → ${b}`).join('; ')}`,
    ),
  head: {
    'dry-run': said('试运行（未写入任何数据）：将', 'Dry run (nothing written): '),
    imported: said('已导入：', 'Imported: '),
  },
  counts: (c: { new: number; updated: number; unchanged: number; newCommunities: number; newCompanies: number }) => {
    const zh = [`新增 ${c.new} 个小区`, `更新 ${c.updated} 个`, `不变 ${c.unchanged} 个`];
    const en = [plural(c.new, 'new compound', 'new compounds'), `${c.updated} updated`, `${c.unchanged} unchanged`];
    if (c.newCommunities) {
      zh.push(`新建社区(村) ${c.newCommunities} 个`);
      en.push(plural(c.newCommunities, 'new community or village', 'new communities or villages'));
    }
    if (c.newCompanies) {
      zh.push(`新建物业企业 ${c.newCompanies} 家`);
      en.push(plural(c.newCompanies, 'new property company', 'new property companies'));
    }
    return said(zh.join('，'), en.join(', '));
  },
  untouched: (n: number) =>
    said(
      `；数据库中另有 ${n} 个小区台账未提及，保持不变`,
      `; ${plural(n, 'other compound', 'other compounds')} in the database ${n === 1 ? 'is' : 'are'} not in the ledger and stay${n === 1 ? 's' : ''} as ${n === 1 ? 'it is' : 'they are'}`,
    ),
  replacedDemo: said('（已清除演示数据）', ' (the demonstration data were removed)'),
  totals: (rowCount: number, crs: string) =>
    said(`（共 ${rowCount} 行，坐标系 ${crs}）`, ` (${plural(rowCount, 'row', 'rows')}, coordinates in ${crs})`),
};
