/**
 * The seven roles' names in both languages, said once: the accounts (server/services/auth/roles.ts),
 * the audit log's value names (shared/audit/auditWords*.ts) and the CLI read them from here.
 */
import type { Locale } from './index.ts';

export type RoleKey =
  'leader' | 'analyst' | 'township_staff' | 'admin' | 'system_admin' | 'security_auditor' | 'business_admin';

export const ROLE_NAMES_IN: Readonly<Record<Locale, Readonly<Record<RoleKey, string>>>> = {
  'zh-CN': {
    leader: '市领导',
    analyst: '分析员',
    township_staff: '镇街工作人员',
    admin: '管理员',
    system_admin: '系统管理员',
    security_auditor: '安全审计员',
    business_admin: '业务管理员',
  },
  en: {
    leader: 'City leader',
    analyst: 'Analyst',
    township_staff: 'Township staff',
    admin: 'Administrator',
    system_admin: 'System administrator',
    security_auditor: 'Security auditor',
    business_admin: 'Business administrator',
  },
};
