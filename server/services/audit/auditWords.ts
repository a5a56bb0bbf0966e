/**
 * The audit export in words, per language: the sheet and its headers. Actions, tables, fields,
 * roles and recorded values are named by shared/audit/auditLabels.ts in either language, as the
 * audit screen names them; what people typed stays as written.
 */
import { actionName, fieldChanges, tableName, valueText } from '../../../shared/audit/auditLabels.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { said } from '../../../shared/language/said.ts';

/** What the audit log's filter refuses with, in both languages (shared/language/said.ts). */
export const AUDIT_REFUSALS = {
  fromAfterTo: said('起始日期不能晚于截止日期', 'The start date cannot be after the end date'),
};

export interface AuditRowWords {
  field: string;
  before: string;
  after: string;
}

export interface AuditWords {
  sheet: string;
  header: {
    at: string;
    who: string;
    role: string;
    action: string;
    table: string;
    record: string;
    count: string;
    field: string;
    before: string;
    after: string;
  };
  system: string;
  role(role: string): string;
  action(action: string): string;
  table(table: string): string;
  fields(before: unknown, after: unknown): AuditRowWords[];
  fileName: string;
}

const zh: AuditWords = {
  sheet: '审计日志',
  header: {
    at: '时间（北京时间）',
    who: '人员',
    role: '角色',
    action: '操作',
    table: '数据',
    record: '记录',
    count: '次数',
    field: '字段',
    before: '修改前',
    after: '修改后',
  },
  system: '命令行/系统',
  role: (role) => valueText(role, 'zh-CN'),
  action: actionName,
  table: tableName,
  fields: (before, after) =>
    fieldChanges(before, after).map((f) => ({ field: f.label, before: f.before, after: f.after })),
  fileName: '审计日志.xlsx',
};

const en: AuditWords = {
  sheet: 'Audit log',
  header: {
    at: 'Time (Beijing)',
    who: 'Person',
    role: 'Role',
    action: 'Action',
    table: 'Data',
    record: 'Record',
    count: 'Times',
    field: 'Field',
    before: 'Before',
    after: 'After',
  },
  system: 'Command line/system',
  role: (role) => valueText(role, 'en'),
  action: (action) => actionName(action, 'en'),
  table: (table) => tableName(table, 'en'),
  fields: (before, after) =>
    fieldChanges(before, after, 'en').map((f) => ({ field: f.label, before: f.before, after: f.after })),
  fileName: 'audit-log.xlsx',
};

export const AUDIT_WORDS: Record<Locale, AuditWords> = { 'zh-CN': zh, en };
