/**
 * The audit log as an XLSX workbook, filtered like the screen: one row per changed field (a row
 * without fields, e.g. a login, is one line), in the readable words of shared/audit/auditLabels.ts;
 * times are date cells showing Asia/Shanghai wall-clock time.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/connection.ts';
import { actionName, fieldChanges, tableName } from '../../../shared/audit/auditLabels.ts';
import { ROLE_NAMES, type Role } from '../auth/roles.ts';
import { auditRows, type AuditFilter } from './auditLog.ts';

/** More than a year of a busy office; a larger export should be narrowed by date. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export async function auditLogXlsx(db: Db, filter: AuditFilter): Promise<Buffer> {
  const rows = await auditRows(db, filter, AUDIT_EXPORT_MAX_ROWS);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('审计日志');
  sheet.columns = [
    { header: '时间（北京时间）', key: 'at', width: 18, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { header: '人员', key: 'who', width: 14 },
    { header: '角色', key: 'role', width: 14 },
    { header: '操作', key: 'action', width: 12 },
    { header: '数据', key: 'table', width: 14 },
    { header: '记录', key: 'record', width: 12 },
    { header: '次数', key: 'count', width: 6 },
    { header: '字段', key: 'field', width: 24 },
    { header: '修改前', key: 'before', width: 28 },
    { header: '修改后', key: 'after', width: 28 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const base = {
      // Excel has no time zones: the cell holds the Shanghai wall-clock time.
      at: new Date(Date.parse(r.at) + SHANGHAI_OFFSET_MS),
      who: r.displayName ?? '命令行/系统',
      role: r.role ? ROLE_NAMES[r.role as Role] : '',
      action: actionName(r.action),
      table: tableName(r.tableName),
      record: r.recordId ?? '',
      count: r.count,
    };
    const fields = fieldChanges(r.before, r.after);
    if (fields.length === 0) sheet.addRow(base);
    for (const f of fields) sheet.addRow({ ...base, field: f.label, before: f.before, after: f.after });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
