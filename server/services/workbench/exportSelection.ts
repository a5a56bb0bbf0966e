/**
 * What the analyst has on screen, as a file: the compounds of the table, in the table's order,
 * as CSV (Chinese headers), XLSX or GeoJSON. The client sends the codes it shows; the rows are
 * re-read on the server for the same day, so the file holds the records, not the screen's copy.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { compoundStatusAsOf, type CompoundStatus } from '../compounds/compoundStatus.ts';
import { compoundsToGeoJson, compoundsToPeopleCsv, compoundsToXlsx } from '../compounds/exportCompounds.ts';
import { COMPOUND_EXPORT_WORDS } from '../compounds/exportWords.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { readDatasetInfo } from '../dataset/datasetInfo.ts';
import { BadInputError } from '../errors.ts';
import { WORKBENCH_WORDS } from './workbenchWords.ts';

export const SELECTION_EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type SelectionExportFormat = (typeof SELECTION_EXPORT_FORMATS)[number];

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
}

const MIME: Record<SelectionExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
};

export async function exportSelection(
  db: Db,
  options: {
    asOf: string;
    codes: readonly string[];
    format: SelectionExportFormat;
    selection?: unknown;
    /** The filter that made the list, in words (the XLSX's 说明 sheet says it). */
    filter?: string;
    /** The reader's language: headers, labels, notes and the file name in it (Chinese unless asked). */
    locale?: Locale;
  },
): Promise<ExportedFile> {
  const locale = options.locale ?? 'zh-CN';
  const words = COMPOUND_EXPORT_WORDS[locale];
  if (options.codes.length === 0) throw new BadInputError(WORKBENCH_WORDS.nothingToExport);
  // A selection within one township (the usual case: a click on a township) reads that township
  // only, not the whole city (at ×1000, 18,000 compounds instead of 347,000).
  const townships = await queryRows<{ township_code: string }>(
    db,
    sql`select distinct township_code from compounds where code in (select jsonb_array_elements_text(${JSON.stringify(options.codes)}::jsonb))`,
  );
  const township = townships.length === 1 ? townships[0]!.township_code : undefined;
  const [all, info] = await Promise.all([compoundStatusAsOf(db, options.asOf, township), readDatasetInfo(db)]);
  const byCode = new Map(all.map((c) => [c.code, c]));
  const missing = options.codes.filter((code) => !byCode.has(code));
  if (missing.length) throw new BadInputError(WORKBENCH_WORDS.missingCompounds(options.asOf, missing));
  const rows: CompoundStatus[] = options.codes.map((code) => byCode.get(code)!);
  const demo = info.source === 'demo';
  let body: Buffer;
  if (options.format === 'csv') body = Buffer.from(compoundsToPeopleCsv(rows, locale), 'utf8');
  else if (options.format === 'xlsx')
    body = await compoundsToXlsx(rows, {
      asOf: options.asOf,
      demo,
      filter: words.workbenchFilter(options.filter, rows.length),
      locale,
    });
  else {
    const collection = compoundsToGeoJson(rows, { asOf: options.asOf, demo, locale });
    if (options.selection !== undefined) collection.metadata.selection = options.selection;
    body = Buffer.from(JSON.stringify(collection), 'utf8');
  }
  return {
    fileName: words.fileName(options.asOf, rows.length, demo, options.format),
    mimeType: MIME[options.format],
    base64: body.toString('base64'),
    rows: rows.length,
  };
}
