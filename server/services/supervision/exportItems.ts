/**
 * Supervision items as files for people: CSV (headers and labels in the reader's language, UTF-8 with a BOM so
 * Excel reads it) and XLSX (dates as date cells; times as Asia/Shanghai wall clock), and JSON for
 * programs (the item views as they are). Used by `onemap supervision list`.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/language/index.ts';
import { shanghaiDateTime } from '../../../shared/time/dates.ts';
import { toCsv } from '../csv.ts';
import { workbookCreator } from '../xlsxCells.ts';
import type { SupervisionItemView } from './itemView.ts';
import { ITEM_COLUMNS as COLUMNS, ITEM_WORDS, type ItemColumn as Column, type ItemWords } from './itemWords.ts';

const DATE_COLUMNS = new Set<Column>(['deadline']);
const TIME_COLUMNS = new Set<Column>(['issuedAt', 'answeredAt', 'closedAt']);

function cell(item: SupervisionItemView, column: Column, words: ItemWords): string | number | null {
  switch (column) {
    case 'compounds':
      return item.compoundCodes.join(words.and);
    case 'indicator':
      return item.indicator ? words.indicator(item.indicator) : '';
    case 'light':
      return item.light ? words.light[item.light] : '';
    case 'state':
      return words.state[item.displayState];
    case 'source':
      return words.source[item.source];
    case 'issuedBy':
      return item.issuedByName;
    case 'issuedAt':
    case 'answeredAt':
    case 'closedAt':
      return item[column] === null ? '' : shanghaiDateTime(item[column]);
    default:
      return item[column] ?? '';
  }
}

export function itemsToCsv(items: readonly SupervisionItemView[], locale: Locale = 'zh-CN'): string {
  const words = ITEM_WORDS[locale];
  return (
    '\uFEFF' +
    toCsv(
      COLUMNS.map((c) => words.header[c]),
      items.map((item) => COLUMNS.map((c) => cell(item, c, words))),
    )
  );
}

/** A city day or Shanghai wall-clock time as the Date exceljs writes as that day/time (it writes UTC). */
function excelDate(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}${text.length === 10 ? 'T00:00' : ''}:00Z`);
}

/** Adds a sheet of the items (one row each, headers in `locale`; deadline and times as date cells). */
export function addItemsSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  items: readonly SupervisionItemView[],
  locale: Locale = 'zh-CN',
): ExcelJS.Worksheet {
  const words = ITEM_WORDS[locale];
  const sheet = workbook.addWorksheet(name);
  sheet.columns = COLUMNS.map((key) => ({
    header: words.header[key],
    key,
    width: key === 'task' || key === 'problem' || key === 'answer' ? 40 : TIME_COLUMNS.has(key) ? 18 : 12,
    ...(DATE_COLUMNS.has(key) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
    ...(TIME_COLUMNS.has(key) ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const item of items) {
    sheet.addRow(
      Object.fromEntries(
        COLUMNS.map((c) => {
          const value = cell(item, c, words);
          const dated = (DATE_COLUMNS.has(c) || TIME_COLUMNS.has(c)) && typeof value === 'string' && value !== '';
          return [c, dated ? excelDate(value) : value];
        }),
      ),
    );
  }
  return sheet;
}

export async function itemsToXlsx(
  items: readonly SupervisionItemView[],
  options: { today: string; locale?: Locale },
): Promise<Buffer> {
  const locale = options.locale ?? 'zh-CN';
  const words = ITEM_WORDS[locale];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = workbookCreator(locale);
  workbook.created = new Date(`${options.today}T00:00:00Z`);
  workbook.modified = workbook.created;
  addItemsSheet(workbook, words.itemsSheet, items, locale);
  const about = workbook.addWorksheet(words.aboutSheet);
  for (const row of words.about(options.today)) about.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
