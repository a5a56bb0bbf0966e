/**
 * Reading one cell the way a person meant it: full-width digits and letters (１２３, ＡＢ),
 * stray and ideographic spaces, thousands separators, a trailing unit (户, 栋, 年) and the many
 * ways of writing a date (2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105, an Excel date,
 * or its serial number as text in a CSV: 45231).
 * Each parser returns the value or a reason in both languages (rowWords.ts).
 */
import type { RawCell } from './readLedgerFile.ts';
import { isIsoDate } from '../../../shared/time/dates.ts';
import type { Said } from '../../../shared/language/said.ts';
import { CELL_WORDS } from './rowWords.ts';

/** A failure's `reason` is the Chinese, `said` both languages. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; said: Said };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: Said): Parsed<T> => ({ ok: false, reason: reason['zh-CN'], said: reason });

/** NFKC (full width → ASCII, ideographic space → space), trimmed, inner runs of spaces as one. */
export function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell)
    .normalize('NFKC')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

export function isBlank(cell: RawCell): boolean {
  return cellText(cell) === '';
}

/** What the person wrote, quoted in messages (shortened). */
export function shown(cell: RawCell): string {
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '');
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

export function parseNumber(cell: RawCell, unit?: RegExp): Parsed<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail(CELL_WORDS.notNumber);
  if (cell instanceof Date || typeof cell === 'boolean') return fail(CELL_WORDS.shouldBeNumber(shown(cell)));
  let text = cellText(cell).replace(/\s+/g, '');
  if (unit) text = text.replace(unit, '');
  // Thousands separators between digits only: 1,234 / 1，234 (NFKC made the latter a comma).
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replaceAll(',', '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return fail(CELL_WORDS.shouldBeNumber(shown(cell)));
  return ok(Number(text));
}

export function parseWholeNumber(cell: RawCell, unit?: RegExp): Parsed<number> {
  const n = parseNumber(cell, unit);
  // A number that is no number at all stays so; any other text should be a whole number.
  if (!n.ok) return fail(n.said === CELL_WORDS.notNumber ? n.said : CELL_WORDS.shouldBeWhole(shown(cell)));
  if (!Number.isInteger(n.value)) return fail(CELL_WORDS.shouldBeWhole(shown(cell)));
  if (n.value < 0) return fail(CELL_WORDS.negative(n.value));
  if (n.value > 2_000_000_000) return fail(CELL_WORDS.tooLarge(n.value));
  return ok(n.value);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/**
 * An Excel date serial written as text (a CSV saved from Excel whose date cells were shown as
 * General): accepted from 1990-01-01 (32874) to 2100-12-31 (73415) only, so that another number
 * typed into a date column is not read as a date; a time part (45231.5) belongs to that day.
 */
const SERIAL_TEXT = /^(\d{5})(\.\d+)?$/;
const SERIAL_TEXT_RANGE = [32874, 73415] as const;

const serialDate = (serial: number) => new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);

export function parseDate(cell: RawCell): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail(CELL_WORDS.notDate);
    // exceljs gives a date cell as UTC midnight; a time part (rare) belongs to that day.
    return ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    // An Excel date serial (days since 1899-12-30) from 1954 to 2119.
    if (Number.isInteger(cell) && cell > 20000 && cell < 80000) return ok(serialDate(cell));
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 21001231) return parseDate(String(cell));
    return fail(CELL_WORDS.notDateText(shown(cell)));
  }
  const text = cellText(cell).replace(/\s+/g, '');
  const serial = SERIAL_TEXT.exec(text);
  if (serial) {
    const days = Number(serial[1]);
    if (days >= SERIAL_TEXT_RANGE[0] && days <= SERIAL_TEXT_RANGE[1]) return ok(serialDate(days));
    return fail(CELL_WORDS.serialOutOfRange(shown(cell)));
  }
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text) ??
    // An ISO timestamp written by a program: its date part.
    /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return fail(CELL_WORDS.dateLike(shown(cell)));
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (!isIsoDate(iso)) return fail(CELL_WORDS.noSuchDate(shown(cell)));
  return ok(iso);
}
