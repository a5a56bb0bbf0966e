/**
 * The whole file → validated records, or every problem in it: the header (required columns,
 * repeated columns), each row (validateRow) and codes repeated within the file.
 */
import { COLUMN_BY_FIELD, fieldOfHeader, headerOf, LEDGER_COLUMNS, type LedgerField } from './columns.ts';
import type { RawCell, RawTable } from './readLedgerFile.ts';
import {
  townshipLookup,
  validateRow,
  type LedgerProblem,
  type LedgerRecord,
  type ValidationContext,
} from './validateRow.ts';
import { cellText } from './cells.ts';
import { TABLE_WORDS } from './ledgerReportWords.ts';

export interface ParsedLedger {
  records: LedgerRecord[];
  problems: LedgerProblem[];
  warnings: LedgerProblem[];
  rows: number;
}

export type ValidateProgress = (done: number, total: number) => void;

export function parseLedger(table: RawTable, ctx: ValidationContext, onProgress?: ValidateProgress): ParsedLedger {
  const problems: LedgerProblem[] = [];
  const warnings: LedgerProblem[] = [];
  const positions = new Map<LedgerField, number>();
  const at = table.headerRow;
  for (const note of table.notes) warnings.push({ row: 0, column: '', message: note });
  const unknown = new Set<string>();
  table.header.forEach((text, index) => {
    const header = text.normalize('NFKC').trim();
    if (!header) return;
    const field = fieldOfHeader(header);
    if (!field) {
      // Said once per name: a merged header cell repeats its text in every column it covers.
      if (!unknown.has(header)) warnings.push({ row: at, column: header, message: TABLE_WORDS.unknownColumn(header) });
      unknown.add(header);
      return;
    }
    if (positions.has(field)) {
      if (table.header[positions.get(field)!]!.normalize('NFKC').trim() === header && mergedAt(table, index)) return;
      problems.push({
        row: at,
        column: header,
        message: TABLE_WORDS.repeatedColumn(positions.get(field)! + 1, headerOf(field)),
      });
      return;
    }
    positions.set(field, index);
  });
  const missing = LEDGER_COLUMNS.filter((c) => c.required && !positions.has(c.field));
  for (const c of missing)
    problems.push({ row: at, column: c.header, message: TABLE_WORDS.missingColumn(c.header, at) });
  if (missing.length > 0) return { records: [], problems, warnings, rows: table.rows.length };
  if (table.rows.length === 0) problems.push({ row: 0, column: '', message: TABLE_WORDS.noRows });

  const findTownship = townshipLookup(ctx.townships);
  const records: LedgerRecord[] = [];
  const firstRowOfCode = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const cells = new Map<LedgerField, RawCell>();
    for (const [field, index] of positions) cells.set(field, row.cells[index] ?? null);
    const result = validateRow(row.rowNumber, cells, { ...ctx, findTownship });
    problems.push(...result.problems);
    warnings.push(...result.warnings);
    const code = cellText(cells.get('code') ?? null).replace(/\s+/g, '');
    if (code) {
      const first = firstRowOfCode.get(code);
      if (first !== undefined)
        problems.push({ row: row.rowNumber, column: headerOf('code'), message: TABLE_WORDS.repeatedCode(code, first) });
      else firstRowOfCode.set(code, row.rowNumber);
    }
    if (result.record) records.push(result.record);
    if (onProgress && ((i + 1) % 1000 === 0 || i + 1 === table.rows.length)) onProgress(i + 1, table.rows.length);
  });
  problems.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  return { records, problems, warnings, rows: table.rows.length };
}

/** A column repeating the one before it in the header and in every row: one merged cell, not two columns. */
function mergedAt(table: RawTable, index: number): boolean {
  return (
    index > 0 &&
    table.header[index] === table.header[index - 1] &&
    table.rows.every((r) => r.cells[index] === r.cells[index - 1])
  );
}

const ORDER = new Map(LEDGER_COLUMNS.map((c, i) => [c.header, i]));
function columnOrder(header: string): number {
  return ORDER.get(header) ?? COLUMN_BY_FIELD.size + 1;
}
