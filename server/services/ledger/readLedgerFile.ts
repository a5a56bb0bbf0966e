/**
 * Reads a ledger file into rows of raw cells: an Excel workbook (.xlsx; the sheet 小区台账, else
 * the first sheet) or a CSV file (UTF-8, with or without BOM, or GB18030 as Excel saves it on
 * Chinese Windows). Both go through locateTable: the header may sit below title and notes rows,
 * and trailing footers are skipped. Row numbers are those a person sees in the spreadsheet.
 */
import ExcelJS from 'exceljs';
import { BadInputError } from '../errors.ts';
import { locateTable, type GridRow } from './tableShape.ts';
import { LEDGER_WORDS } from './ledgerWords.ts';
import type { Said } from '../../../shared/language/said.ts';

export type RawCell = string | number | Date | boolean | null;

export interface RawTable {
  header: string[];
  /** The spreadsheet row of the header (1 unless title or notes rows sit above it). */
  headerRow: number;
  rows: { rowNumber: number; cells: RawCell[] }[];
  /** One line per group of rows skipped (titles above the header, footers below the data). */
  notes: Said[];
  /** Said when the file holds no header at all. */
  emptyMessage: Said;
}

export interface LedgerFile {
  /** The file name as given (its extension chooses the format when the content does not). */
  name: string;
  data: Uint8Array;
}

export const LEDGER_SHEET = '小区台账';

export async function readLedgerFile(file: LedgerFile): Promise<RawTable> {
  const zip = file.data[0] === 0x50 && file.data[1] === 0x4b;
  const lower = file.name.toLowerCase();
  if (zip || lower.endsWith('.xlsx')) {
    if (!zip) throw new BadInputError(LEDGER_WORDS.notXlsx(file.name));
    return readXlsx(file);
  }
  if (lower.endsWith('.xls')) throw new BadInputError(LEDGER_WORDS.oldXls);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(decodeText(file.data));
  throw new BadInputError(LEDGER_WORDS.unknownKind(file.name));
}

async function readXlsx(file: LedgerFile): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file.data) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new BadInputError(LEDGER_WORDS.unreadable(file.name, (error as Error).message));
  }
  const sheet = workbook.getWorksheet(LEDGER_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new BadInputError(LEDGER_WORDS.noSheet(file.name));
  const width = sheet.columnCount;
  const grid: GridRow[] = [];
  // A merged cell reads as its value in every cell it covers (exceljs gives the master's value).
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    grid.push({ rowNumber, cells });
  });
  return checked(locateTable(grid, LEDGER_WORDS.noHeader(file.name)));
}

function checked(table: RawTable): RawTable {
  if (table.header.every((h) => h.trim() === '')) throw new BadInputError(table.emptyMessage);
  return table;
}

function cellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

/** UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (Excel's "CSV" on Chinese Windows). */
export function decodeText(data: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('gb18030').decode(data);
  }
  return text.replace(/^\uFEFF/, '');
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function readCsv(text: string): RawTable {
  const grid = parseCsv(text).map((cells, i) => ({
    rowNumber: i + 1,
    cells: cells.map((c): RawCell => (c === '' ? null : c)),
  }));
  return checked(locateTable(grid, LEDGER_WORDS.emptyCsv));
}
