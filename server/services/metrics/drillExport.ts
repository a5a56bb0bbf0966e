/**
 * The drill-through as the analyst has it on screen, as an XLSX: the compounds of the list in
 * its sections and order, under a 说明 sheet that says which indicator, scope, day, filter and
 * sort made it. Days are date cells (Excel sorts and filters them as dates), not text.
 */
import ExcelJS from 'exceljs';
import { townships } from '../../../data/schema/index.ts';
import { drillSections, type DrillFilter, type DrillSort } from '../../../shared/indicators/drillList.ts';
import { formatValue, valueOfFraction } from '../../../shared/indicators/values.ts';
import type { IndicatorKey } from '../../../shared/indicators/index.ts';
import type { Locale } from '../../../shared/language/index.ts';
import type { Db } from '../../db/connection.ts';
import { DATA_NATURE, readDatasetInfo } from '../dataset/datasetInfo.ts';
import { BadInputError } from '../errors.ts';
import { workbookCreator } from '../xlsxCells.ts';
import type { ExportedFile } from '../workbench/exportSelection.ts';
import { drillThrough } from './drillThrough.ts';
import { contributionIn } from '../../../shared/indicators/reasons.ts';
import { DRILL_REFUSALS, DRILL_WORDS } from './drillWords.ts';
import { SERVER_INDICATORS } from './indicators/index.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A calendar day as an Excel date cell: midnight UTC, so no time zone shifts the day. */
const dateCell = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** The filter in words, as the 说明 sheet gives it ('无' when nothing narrows the list). */
export function describeDrillFilter(
  filter: DrillFilter,
  townshipName: (code: string) => string,
  locale: Locale = 'zh-CN',
): string {
  const w = DRILL_WORDS[locale].filter;
  const parts = [
    filter.townshipCode ? `${w.township}${townshipName(filter.townshipCode)}` : '',
    // The reader's own words: the group as the list in their language showed it.
    filter.reasonGroup ? `${w.reason}${filter.reasonGroup}` : '',
    filter.community ? `${w.community}${filter.community}` : '',
    filter.search?.trim() ? w.search(filter.search.trim()) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(DRILL_WORDS[locale].and) : w.none;
}

export async function drillExport(
  db: Db,
  options: {
    indicator: IndicatorKey;
    asOf: string;
    townshipCode?: string;
    filter: DrillFilter;
    sort: DrillSort;
    goalMet: boolean | null;
    /** The reader's language: every fixed word of the file in it (Chinese unless asked). */
    locale?: Locale;
  },
): Promise<ExportedFile> {
  const locale = options.locale ?? 'zh-CN';
  const w = DRILL_WORDS[locale];
  const key = options.indicator;
  const definition = SERVER_INDICATORS[options.indicator];
  const [drill, info, names] = await Promise.all([
    drillThrough(db, {
      indicator: options.indicator,
      asOf: options.asOf,
      ...(options.townshipCode ? { townshipCode: options.townshipCode } : {}),
    }),
    readDatasetInfo(db),
    db.select({ code: townships.code, name: townships.name }).from(townships),
  ]);
  const townshipName = (code: string) => names.find((t) => t.code === code)?.name ?? code;
  const scope = options.townshipCode ? townshipName(options.townshipCode) : w.city;
  // The list as the reader saw it: reasons in their language, so their filter finds the same rows.
  const sections = drillSections(
    drill.compounds.map((c) => contributionIn(c, definition.reasons, locale)),
    {
      direction: definition.direction,
      goalMet: options.goalMet,
      filter: options.filter,
      sort: options.sort,
    },
  );
  const rows = sections.reduce((n, s) => n + s.rows.length, 0);
  if (rows === 0) throw new BadInputError(DRILL_REFUSALS.nothingToExport);
  const demo = info.source === 'demo';
  const perRecord = definition.unit !== 'rate';

  const workbook = new ExcelJS.Workbook();
  workbook.creator = workbookCreator(locale);
  // Fixed timestamps keep the file byte-identical for identical data.
  workbook.created = dateCell(options.asOf);
  workbook.modified = workbook.created;
  const about = workbook.addWorksheet(w.aboutSheet);
  const sheet = workbook.addWorksheet(w.compoundsSheet(demo));
  about.columns = [
    { key: 'label', width: 14 },
    { key: 'value', width: 60 },
  ];
  const value = valueOfFraction(definition, drill.numerator, drill.denominator);
  const a = w.about;
  const fraction = `${drill.numerator} / ${drill.denominator}`;
  const aboutRows: [string, string | number | Date][] = [
    [a.indicator, w.indicator(key)],
    [a.scope, scope],
    [a.asOf, dateCell(options.asOf)],
    [a.filter, describeDrillFilter(options.filter, townshipName, locale)],
    [a.sort, `${w.sort[options.sort.key]}${options.sort.descending ? w.descending : w.ascending}`],
    [a.value, `${formatValue(definition, value.value)}${locale === 'en' ? ` (${fraction})` : `（${fraction}）`}`],
    [a.numerator, w.numeratorLabel(key)],
    [a.denominator, w.denominatorLabel(key)],
    [a.listed, rows],
    ...sections.map((s): [string, number] => [w.section(definition.direction, s.section), s.rows.length]),
    [a.dataNature, DATA_NATURE[locale][demo ? 'demo' : 'ledger']],
  ];
  for (const [label, v] of aboutRows) about.addRow([label, v]);
  about.getColumn(1).font = { bold: true };
  about.getCell('B3').numFmt = 'yyyy-mm-dd';

  const c = w.column;
  sheet.columns = [
    { header: c.section, key: 'section', width: 14 },
    { header: c.code, key: 'code', width: 14 },
    { header: c.name, key: 'name', width: 24 },
    { header: c.township, key: 'township', width: 12 },
    { header: c.community, key: 'community', width: 14 },
    { header: c.households, key: 'households', width: 8 },
    { header: perRecord ? w.numeratorHeader(key) : c.inNumerator, key: 'numerator', width: 12 },
    { header: c.reason, key: 'reason', width: 40 },
    { header: c.date, key: 'date', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const s of sections)
    for (const r of s.rows)
      sheet.addRow({
        section: w.section(definition.direction, s.section),
        code: r.code,
        name: r.name,
        township: r.townshipName,
        community: r.community,
        households: r.households,
        numerator: perRecord ? r.numeratorContribution : r.inNumerator ? w.yes : w.no,
        reason: r.reason,
        date: r.reasonDate ? dateCell(r.reasonDate) : null,
      });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: w.fileName(key, scope, options.asOf, rows, demo),
    mimeType: XLSX_MIME,
    base64: body.toString('base64'),
    rows,
  };
}
