/**
 * A small RFC 4180 reader for tests, written apart from the product's own CSV code so that a test
 * reading an export does not share the export's mistakes: quoted fields may hold commas, doubled
 * quotes and line breaks; CRLF or LF ends a record; a leading BOM is dropped. Cells come back as
 * written — a formula-neutralising leading `'` stays, as a spreadsheet would show it.
 */

/** The records of `text`, each a list of cells; a final line break does not make an empty record. */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  const endCell = () => {
    record.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records.push(record);
    record = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted cell, at character ${i}`);
      quoted = true;
    } else if (ch === ',') endCell();
    else if (ch === '\n') endRecord();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRecord();
      i++;
    } else cell += ch;
  }
  if (quoted) throw new Error('a quoted cell is not closed');
  if (cell !== '' || record.length > 0) endRecord();
  return records;
}

/** The records after the header, as objects keyed by the header's names; every record must be as long as the header. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header) return [];
  return rows.map((row, n) => {
    if (row.length !== header.length)
      throw new Error(`record ${n + 2} has ${row.length} cells, the header ${header.length}`);
    return Object.fromEntries(header.map((name, i) => [name, row[i]!]));
  });
}
