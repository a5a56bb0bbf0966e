/**
 * The audit log as an XLSX workbook, filtered like the screen: one row per changed field (a row
 * without fields, e.g. a login, is one line), in the readable words of auditWords.ts;
 * times are date cells showing Asia/Shanghai wall-clock time.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { workbookCreator } from '../xlsxCells.ts';
import { auditRows, type AuditFilter } from './auditLog.ts';
import { AUDIT_WORDS } from './auditWords.ts';

/** More than a year of a busy office; a larger export should be narrowed by date. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The file's name in the reader's language. */
export const auditLogFileName = (locale: Locale = 'zh-CN'): string => AUDIT_WORDS[locale].fileName;

export async function auditLogXlsx(db: Db, filter: AuditFilter, locale: Locale = 'zh-CN'): Promise<Buffer> {
  const w = AUDIT_WORDS[locale];
  const h = w.header;
  const rows = await auditRows(db, filter, AUDIT_EXPORT_MAX_ROWS);
  const book = new ExcelJS.Workbook();
  book.creator = workbookCreator(locale);
  const sheet = book.addWorksheet(w.sheet);
  sheet.columns = [
    { header: h.at, key: 'at', width: 18, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { header: h.who, key: 'who', width: 14 },
    { header: h.role, key: 'role', width: 14 },
    { header: h.action, key: 'action', width: 12 },
    { header: h.table, key: 'table', width: 14 },
    { header: h.record, key: 'record', width: 12 },
    { header: h.count, key: 'count', width: 6 },
    { header: h.field, key: 'field', width: 24 },
    { header: h.before, key: 'before', width: 28 },
    { header: h.after, key: 'after', width: 28 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const base = {
      // Excel has no time zones: the cell holds the Shanghai wall-clock time.
      at: new Date(Date.parse(r.at) + SHANGHAI_OFFSET_MS),
      who: r.displayName ?? w.system,
      role: r.role ? w.role(r.role) : '',
      action: w.action(r.action),
      table: w.table(r.tableName),
      record: r.recordId ?? '',
      count: r.count,
    };
    const fields = w.fields(r.before, r.after);
    if (fields.length === 0) sheet.addRow(base);
    for (const f of fields) sheet.addRow({ ...base, ...f });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
