/**
 * Where the table is in a sheet as offices make it: a merged title row ("晋江市住宅小区台账
 * （2025年12月）") and a notes row above the header, and below the data a 序号 column filled
 * down past the last compound, a 合计 row, or a signature footer (填表人：… 审核人：… 填报日期：…).
 * The header is the first row, within the first ten, whose cells name known columns; the rows
 * above it and the trailing rows that hold no compound are skipped, each group said once.
 * Row numbers stay those the spreadsheet shows.
 */
import { cellText } from './cells.ts';
import { fieldOfHeader, type LedgerField } from './columns.ts';
import type { RawCell, RawTable } from './readLedgerFile.ts';
import type { Said } from '../../../shared/language/said.ts';
import { TABLE_WORDS } from './ledgerReportWords.ts';

export interface GridRow {
  /** The row number the spreadsheet shows (1-based, blank rows counted). */
  rowNumber: number;
  cells: RawCell[];
}

/** The header is looked for in this many non-blank rows from the top. */
export const HEADER_SEARCH_ROWS = 10;
/** A row is the header when it names at least this many different known columns. */
const HEADER_MIN_FIELDS = 3;

/** Cells that begin a signature footer or a notes line under the table. */
const FOOTER_CELL =
  /^(填表人|填报人|制表人|审核人|审批人|复核人|负责人|单位负责人|分管领导|经办人|联系人|联系电话|电话|填报日期|制表日期|填表日期|填报单位|制表单位|盖章|签字|注|备注|说明)\s*[:：]|^(合计|总计|小计)$/;

function knownFields(cells: readonly RawCell[]): Set<LedgerField> {
  const fields = new Set<LedgerField>();
  for (const cell of cells) {
    const field = fieldOfHeader(cellText(cell));
    if (field) fields.add(field);
  }
  return fields;
}

const isBlankRow = (cells: readonly RawCell[]) => cells.every((c) => cellText(c) === '');

/** What a skipped row said, shortened, to quote it. */
function firstText(cells: readonly RawCell[]): string {
  const text = cells.map(cellText).find((t) => t !== '') ?? '';
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/**
 * A trailing row that holds no compound: a footer or total line, or nothing in any known
 * column (a sequence number alone, a remark alone).
 */
function holdsNoCompound(cells: readonly RawCell[], known: ReadonlySet<number>): boolean {
  const texts = cells.map(cellText);
  if (texts.some((t) => FOOTER_CELL.test(t.replace(/\s+/g, '')))) return true;
  return texts.every((t, i) => t === '' || !known.has(i));
}

/** Per column: the two names joined (物业合同 + 开始日期), else the lower name, else the upper. */
function twoRowHeader(upper: readonly RawCell[], lower: readonly RawCell[]): RawCell[] {
  return Array.from({ length: Math.max(upper.length, lower.length) }, (_, i) => {
    const a = cellText(upper[i] ?? null);
    const b = cellText(lower[i] ?? null);
    if (a && b && a !== b && fieldOfHeader(a + b)) return a + b;
    if (b && fieldOfHeader(b)) return b;
    return a || b;
  });
}

/** The rows of a sheet (blank ones left out) → the header, the data rows and what was skipped. */
export function locateTable(grid: readonly GridRow[], emptyMessage: Said): RawTable {
  const rows = grid.filter((r) => !isBlankRow(r.cells));
  if (rows.length === 0) return { header: [], headerRow: 1, rows: [], notes: [], emptyMessage };
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  let headerIndex = candidates.findIndex((r) => knownFields(r.cells).size >= HEADER_MIN_FIELDS);
  if (headerIndex < 0) {
    // No row looks like the header: the best guess (most known names, else the first row) is
    // reported as the header, so that the missing columns are named at that row.
    let best = 0;
    candidates.forEach((r, i) => {
      if (knownFields(r.cells).size > knownFields(candidates[best]!.cells).size) best = i;
    });
    headerIndex = best;
  }
  let headerRow = rows[headerIndex]!;
  let dataStart = headerIndex + 1;
  const second = rows[dataStart];
  if (second && knownFields(second.cells).size >= HEADER_MIN_FIELDS) {
    // A two-row header (物业合同 merged over 开始日期 | 到期日, the other names merged down).
    headerRow = { rowNumber: headerRow.rowNumber, cells: twoRowHeader(headerRow.cells, second.cells) };
    dataStart++;
  }
  const notes: Said[] = [];
  if (headerIndex > 0) {
    const above = rows.slice(0, headerIndex);
    notes.push(TABLE_WORDS.headerBelow(headerRow.rowNumber, firstText(above[0]!.cells)));
  }
  const known = new Set<number>();
  headerRow.cells.forEach((cell, i) => {
    if (fieldOfHeader(cellText(cell))) known.add(i);
  });
  const data = rows.slice(dataStart);
  let end = data.length;
  while (end > 0 && holdsNoCompound(data[end - 1]!.cells, known)) end--;
  if (end < data.length) {
    const skipped = data.slice(end);
    notes.push(TABLE_WORDS.footer(skipped[0]!.rowNumber, skipped.at(-1)!.rowNumber, firstText(skipped.at(-1)!.cells)));
  }
  return {
    header: headerRow.cells.map((c) => (c === null ? '' : String(c))),
    headerRow: headerRow.rowNumber,
    rows: data.slice(0, end),
    notes,
    emptyMessage,
  };
}
