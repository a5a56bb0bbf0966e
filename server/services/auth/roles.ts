/**
 * Who may do what. Four roles; a wall screen's display token acts as a leader (read only).
 * Township staff edit only their own township's records (checked by the editing services).
 */
import { userRole } from '../../../data/schema/index.ts';

export const ROLES = userRole.enumValues;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  leader: '市领导',
  analyst: '分析员',
  township_staff: '镇街工作人员',
  admin: '管理员',
};

export const PERMISSIONS = ['read', 'export', 'edit', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_NAMES: Record<Permission, string> = { read: '查看', export: '导出', edit: '编辑记录', admin: '管理' };

const GRANTS: Record<Role, readonly Permission[]> = {
  leader: ['read'],
  analyst: ['read', 'export'],
  township_staff: ['read', 'edit'],
  admin: ['read', 'export', 'edit', 'admin'],
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
}

/** Whether the actor may change records of compounds in this township. */
export function canEditTownship(actor: Actor, townshipCode: string): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'township_staff' && actor.townshipCode === townshipCode;
}
