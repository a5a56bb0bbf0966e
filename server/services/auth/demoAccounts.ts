/**
 * One demo account per role, created with the demo data (`onemap seed`, `npm start` on an empty
 * database) and never with a real ledger. The passwords are public (README): DEMO ONLY.
 */
import { inArray } from 'drizzle-orm';
import { users } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { addUser } from './users.ts';
import { ROLE_NAMES, type Role } from './roles.ts';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  townshipCode: string | null;
}

/** 陈埭镇 for the demo township staff. */
export const DEMO_STAFF_TOWNSHIP = '350582103';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'demo-leader', password: 'leader-demo', displayName: '演示·市领导', role: 'leader', townshipCode: null },
  { username: 'demo-analyst', password: 'analyst-demo', displayName: '演示·分析员', role: 'analyst', townshipCode: null },
  { username: 'demo-staff', password: 'staff-demo', displayName: '演示·陈埭镇工作人员', role: 'township_staff', townshipCode: DEMO_STAFF_TOWNSHIP },
  { username: 'demo-admin', password: 'admin-demo', displayName: '演示·管理员', role: 'admin', townshipCode: null },
];

/** Adds the demo accounts that are missing (an existing account, even disabled, is left as it is). */
export async function ensureDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const existing = new Set(
    (await db.select({ username: users.username }).from(users).where(inArray(users.username, DEMO_ACCOUNTS.map((a) => a.username)))).map((r) => r.username),
  );
  const added: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (existing.has(account.username)) continue;
    await addUser(db, null, account);
    added.push(account);
  }
  return added;
}

/** The lines `npm start` and `onemap seed` print. */
export function describeDemoAccounts(): string {
  return [
    '演示账号（仅限演示数据，切勿用于真实台账）：',
    ...DEMO_ACCOUNTS.map((a) => `  ${ROLE_NAMES[a.role].padEnd(8, '　')}${a.username.padEnd(14)}密码 ${a.password}`),
  ].join('\n');
}
