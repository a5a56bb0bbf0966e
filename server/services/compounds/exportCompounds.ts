/**
 * `onemap export compounds`: the compound status rows as CSV (fixed English header, for programs
 * and people alike; the CLI adds a BOM unless --for-programs), XLSX (Chinese headers and labels,
 * numbers as numbers and dates as date cells, a 说明 sheet saying what the file holds; for
 * people, in their language: exportWords.ts) or GeoJSON (WGS84 points).
 */
import ExcelJS from 'exceljs';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { toCsv } from '../csv.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { DATE_FORMAT, dateCell, workbookCreator } from '../xlsxCells.ts';
import { DATA_NATURE } from '../dataset/datasetInfo.ts';
import type { CompoundStatus } from './compoundStatus.ts';
import { COMPOUND_EXPORT_WORDS, type CompoundExportWords } from './exportWords.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_COLUMNS = [
  'code',
  'name',
  'townshipCode',
  'townshipName',
  'community',
  'lon',
  'lat',
  'households',
  'kind',
  'propertyManaged',
  'propertyCompany',
  'partyOrgType',
  'committeeInOffice',
  'committeePartyMajority',
  'lastMeetingDate',
  'rating',
  'openIssues',
  'overdueIssues',
] as const satisfies readonly (keyof CompoundStatus)[];
type Column = (typeof CSV_COLUMNS)[number];

export function compoundsToCsv(rows: readonly CompoundStatus[]): string {
  return toCsv(
    CSV_COLUMNS,
    rows.map((row) => CSV_COLUMNS.map((c) => row[c])),
  );
}

/** Cell values for people reading the file, in their language. */
function peopleCell(column: Column, row: CompoundStatus, w: CompoundExportWords): string | number | null {
  const v = row[column];
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (column === 'kind') return w.kind[row.kind];
  if (column === 'partyOrgType') return row.partyOrgType ? w.party[row.partyOrgType] : w.noParty;
  if (column === 'rating') return row.rating ? w.rating[row.rating] : row.propertyManaged ? w.notRated : '';
  return v ?? '';
}

/**
 * CSV for people (the workbench's download): headers and labels in the reader's language, with a
 * BOM so Excel reads it as UTF-8.
 */
export function compoundsToPeopleCsv(rows: readonly CompoundStatus[], locale: Locale = 'zh-CN'): string {
  const w = COMPOUND_EXPORT_WORDS[locale];
  return (
    '\uFEFF' +
    toCsv(
      CSV_COLUMNS.map((c) => w.header[c]),
      rows.map((row) => CSV_COLUMNS.map((c) => peopleCell(c, row, w))),
    )
  );
}

export async function compoundsToXlsx(
  rows: readonly CompoundStatus[],
  options: {
    asOf: string;
    demo: boolean;
    /** Which compounds, said in the 说明 sheet (the CLI's --filter, the workbench's selection). */
    filter?: string;
    /** The reader's language: headers, labels and notes in it (Chinese unless asked). */
    locale?: Locale;
  },
): Promise<Buffer> {
  const locale = options.locale ?? 'zh-CN';
  const w = COMPOUND_EXPORT_WORDS[locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = workbookCreator(locale);
  // Fixed timestamps keep the file byte-identical for identical data.
  workbook.created = new Date(`${options.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(w.sheet(options.demo));
  // Row 1 is the header and the data start in row 2, so that programs reading the sheet find
  // what they expect; what the file holds is said on the 说明 sheet.
  sheet.columns = CSV_COLUMNS.map((c) => ({
    header: w.header[c],
    key: c,
    width: c === 'name' || c === 'propertyCompany' ? 24 : c === 'lastMeetingDate' ? 16 : 12,
    ...(c === 'lastMeetingDate' ? { style: { numFmt: DATE_FORMAT } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows)
    sheet.addRow(
      Object.fromEntries(
        CSV_COLUMNS.map((c) => [c, c === 'lastMeetingDate' ? dateCell(row.lastMeetingDate) : peopleCell(c, row, w)]),
      ),
    );
  const about = workbook.addWorksheet(w.aboutSheet);
  about.columns = [{ width: 14 }, { width: 80 }];
  const notes = w.about({
    count: rows.length,
    sheet: sheet.name,
    filter: options.filter,
    asOf: options.asOf,
    dataNature: DATA_NATURE[locale][options.demo ? 'demo' : 'ledger'],
  });
  for (const row of notes) about.addRow(row);
  about.getColumn(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function compoundsToGeoJson(
  rows: readonly CompoundStatus[],
  options: { asOf: string; demo: boolean; locale?: Locale },
): FeatureCollection<Point, Pick<CompoundStatus, Column>> & { metadata: Record<string, unknown> } {
  const features: Feature<Point, Pick<CompoundStatus, Column>>[] = rows.map((row) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
    properties: Object.fromEntries(CSV_COLUMNS.map((c) => [c, row[c]])) as Pick<CompoundStatus, Column>,
  }));
  return {
    type: 'FeatureCollection',
    metadata: {
      asOf: options.asOf,
      crs: 'WGS84',
      dataset: options.demo ? 'demo' : 'ledger',
      ...(options.demo ? { notice: DATA_NATURE[options.locale ?? 'zh-CN'].demo } : {}),
    },
    features,
  };
}
