/**
 * Who may do what. Seven roles; a wall screen's display token acts as a leader (read only).
 * Township staff edit only their own township's records (checked by the editing services).
 *
 * The administrator's duties are three permissions so that they can be held by three people
 * (三员分立, 等保 2.0): `accounts` (accounts and display tokens: system_admin), `audit` (reading
 * the audit log: security_auditor) and `business` (ledger and boundary imports, review rules,
 * targets, marking weeks reviewed: business_admin). The all-in-one `admin` keeps all three for
 * small offices. `supervise` (督办: issuing supervision items, accepting or returning the
 * townships' answers) belongs to the organisation department's analysts and business
 * administrators; township staff answer their own township's items under `edit`.
 */
import { userRole } from '../../../data/schema/index.ts';
import { ROLE_NAMES_IN } from '../../../shared/language/roleNames.ts';

export const ROLES = userRole.enumValues;
export type Role = (typeof ROLES)[number];

/** In Chinese: the accounts' own language (the CLI, the session's role name). */
export const ROLE_NAMES: Readonly<Record<Role, string>> = ROLE_NAMES_IN['zh-CN'];

export const PERMISSIONS = ['read', 'export', 'edit', 'accounts', 'audit', 'business', 'supervise'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_NAMES: Record<Permission, string> = {
  read: '查看',
  export: '导出',
  edit: '编辑记录',
  accounts: '账号管理',
  audit: '审计查看',
  business: '业务管理',
  supervise: '督办',
};

const GRANTS: Record<Role, readonly Permission[]> = {
  leader: ['read'],
  analyst: ['read', 'export', 'supervise'],
  township_staff: ['read', 'edit'],
  admin: ['read', 'export', 'edit', 'accounts', 'audit', 'business', 'supervise'],
  system_admin: ['read', 'accounts'],
  security_auditor: ['read', 'audit'],
  business_admin: ['read', 'export', 'business', 'supervise'],
};

export function permissionsOf(role: Role): Permission[] {
  return [...GRANTS[role]];
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** The person (or wall screen) behind a request. */
export interface Actor {
  /** null for a display token. */
  userId: number | null;
  username: string | null;
  displayName: string;
  role: Role;
  /** Township staff's own township. */
  townshipCode: string | null;
  via: 'session' | 'display-token';
  displayTokenId?: number;
  /** The password an administrator chose has not been changed yet: only auth.* until it is. */
  mustChangePassword?: boolean;
}

/** Whether the actor may change records of compounds in this township. */
export function canEditTownship(actor: Actor, townshipCode: string): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'township_staff' && actor.townshipCode === townshipCode;
}

/**
 * Whether the actor may make a township's one-page report (一页纸): those who may export make it
 * for any township; township staff for their own (the full city pack stays an export).
 */
export function canReportTownship(actor: Actor, townshipCode: string): boolean {
  if (can(actor.role, 'export')) return true;
  return actor.role === 'township_staff' && actor.townshipCode === townshipCode;
}

/**
 * Whether the actor may answer (反馈) a supervision item of this township: its own staff, or an
 * administrator for any township (the same people who may edit the township's records).
 */
export function canAnswerForTownship(actor: Actor, townshipCode: string): boolean {
  return canEditTownship(actor, townshipCode);
}
