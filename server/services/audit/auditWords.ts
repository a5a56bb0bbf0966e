/**
 * The audit export in words, per language: the sheet, its headers, the roles and the actions.
 * Chinese is the official wording (shared/audit/auditLabels.ts names every table, field and enum
 * value). In English the table and field columns give the schema's own names (English words:
 * "compounds", "households"), and a value is written as recorded — Yes/No for a flag, a time in
 * Asia/Shanghai — so nothing of the Chinese mapping leaks into an English file.
 */
import { actionName, fieldChanges, shanghaiMinute, tableName } from '../../../shared/audit/auditLabels.ts';
import type { Locale } from '../../../shared/language/index.ts';
import { ROLE_NAMES, type Role } from '../auth/roles.ts';

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
  role: (role) => ROLE_NAMES[role as Role] ?? role,
  action: actionName,
  table: tableName,
  fields: (before, after) =>
    fieldChanges(before, after).map((f) => ({ field: f.label, before: f.before, after: f.after })),
  fileName: '审计日志.xlsx',
};

const ROLES_EN: Record<Role, string> = {
  leader: 'City leader',
  analyst: 'Analyst',
  township_staff: 'Township staff',
  admin: 'Administrator',
  system_admin: 'System administrator',
  security_auditor: 'Security auditor',
  business_admin: 'Business administrator',
};

const ACTIONS_EN: Record<string, string> = {
  insert: 'Added',
  update: 'Changed',
  delete: 'Deleted',
  import: 'Imported',
  forbidden: 'Refused (no permission)',
  login: 'Signed in',
  'login-failed': 'Sign-in failed',
  logout: 'Signed out',
  'change-password': 'Changed password',
  'reset-password': 'Reset password',
  reset: 'Reset',
  disable: 'Disabled',
  enable: 'Enabled',
  revoke: 'Revoked',
  retire: 'Retired a goal',
  review: 'Marked reviewed',
  restore: 'Restored a backup',
  seed: 'Generated demo data',
  'end-sessions': 'Ended sessions',
  'warnings.run': 'Ran the warning rules',
  download: 'Downloaded',
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A recorded value as written: flags Yes/No, instants in Asia/Shanghai, lists and settings flattened. */
function valueEn(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
  if (typeof value === 'string') return TIMESTAMP.test(value) ? shanghaiMinute(value) : value;
  if (Array.isArray(value)) return value.map(valueEn).join(', ');
  if (typeof value === 'object' && 'type' in value && 'coordinates' in value) return `${String(value.type)} geometry`;
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${valueEn(v)}`)
      .join('; ');
  return String(value);
}

/** The value at a flattened field path ("composite.weights.petitionRate"), as fieldChanges names it. */
function valueAt(row: unknown, path: string): unknown {
  let at: unknown = row;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

const has = (row: unknown) => row !== null && row !== undefined;

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
  role: (role) => ROLES_EN[role as Role] ?? role,
  action: (action) => ACTIONS_EN[action] ?? action,
  table: (table) => table,
  // The same fields as in Chinese (fieldChanges decides which changed), named and written as recorded.
  fields: (before, after) =>
    fieldChanges(before, after).map((f) => ({
      field: f.field,
      before: has(before) ? valueEn(valueAt(before, f.field)) : '',
      after: has(after) ? valueEn(valueAt(after, f.field)) : '',
    })),
  fileName: 'audit-log.xlsx',
};

export const AUDIT_WORDS: Record<Locale, AuditWords> = { 'zh-CN': zh, en };
