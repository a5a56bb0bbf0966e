/**
 * Every CSV OneMap writes goes through here: RFC 4180 quoting, and OWASP's rule against CSV
 * injection. A spreadsheet opening the file runs a cell that begins with = + - @ (and, in some
 * programs, tab or carriage return) as a formula — a compound named `=HYPERLINK(…)` or
 * `=cmd|' /C calc'!A0` would act on the reader's computer. Such text cells get a leading single
 * quote, which spreadsheets read as "this is text". Numbers are written as numbers: a negative
 * delta (-0.05) is a value, not a formula, and must stay readable as a number.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would run as a formula, made inert with a leading single quote. */
export function neutralisedText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 only: fields with commas, quotes or line breaks are quoted; null is empty. */
export function rfc4180Field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One cell of a CSV OneMap writes. Only text is neutralised: numbers, bigints and booleans are
 * written as they are (a finite number's text cannot begin a formula other than its own minus sign).
 */
export function csvField(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  return rfc4180Field(neutralisedText(String(value)));
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header.map(csvField).join(','), ...rows.map((row) => row.map(csvField).join(','))].join('\n') + '\n';
}
