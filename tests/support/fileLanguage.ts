/**
 * The files the server writes, read as a reader meets them, for language checks: every cell,
 * sheet name and cell note of a workbook; the text of a PDF. With the data of the database — the
 * names of places, compounds, companies and people, and what people wrote — a check finds a
 * Chinese character that is not data (chineseOutsideData, languageCheck.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../../server/db/connection.ts';
import { queryRows } from '../../server/db/rows.ts';
import { chineseOutsideData, type SeenText } from './languageCheck.ts';

export async function loadWorkbook(body: Buffer | string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = typeof body === 'string' ? Buffer.from(body, 'base64') : body;
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every text a reader of the workbook meets: sheet names, cells (as shown), cell notes, the author. */
export function workbookTexts(workbook: ExcelJS.Workbook): SeenText[] {
  const out: SeenText[] = [{ text: workbook.creator ?? '', where: 'creator' }];
  workbook.eachSheet((sheet) => {
    out.push({ text: sheet.name, where: `sheet ${sheet.name}` });
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const where = `${sheet.name}!${cell.address}`;
        if (cell.value !== null && !(cell.value instanceof Date)) out.push({ text: cell.text, where });
        const note = cell.note;
        if (typeof note === 'string') out.push({ text: note, where: `${where} note` });
      }),
    );
  });
  return out.filter((t) => t.text);
}

/** The PDF's text (poppler), one entry per line. */
export function pdfTexts(pdf: Buffer): SeenText[] {
  const file = join(mkdtempSync(join(tmpdir(), 'onemap-pdf-')), 'file.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'])
    .toString()
    .split('\n')
    .map((text, i) => ({ text: text.trim(), where: `line ${i + 1}` }))
    .filter((t) => t.text);
}

/**
 * The data a file may quote in Chinese: names of townships, communities, compounds and property
 * companies, people's names, and what people wrote on supervision items.
 */
export async function dataWords(db: Db): Promise<string[]> {
  const rows = await queryRows<{ word: string | null }>(
    db,
    sql`select name as word from townships
        union select name from communities
        union select name from compounds
        union select name from property_companies
        union select display_name from users
        union select issued_by_name from supervision_items
        union select problem from supervision_items
        union select task from supervision_items
        union select answer from supervision_items
        union select returned_reason from supervision_items`,
  );
  return rows.map((r) => r.word).filter((w): w is string => Boolean(w));
}

/** Texts with a Chinese character outside the data, as "where: text" lines (empty when none). */
export function chineseOutside(texts: readonly SeenText[], data: readonly string[]): string[] {
  return chineseOutsideData(texts, data).map((t) => `${t.where}: ${t.text}`);
}
