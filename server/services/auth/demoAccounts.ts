/**
 * One demo account per role, created with the demo data (`onemap seed`, `npm start` on an empty
 * database) and never with a real ledger. The passwords are public (README): DEMO ONLY.
 *
 * Once the data is not demo data they must not open anything: the import that replaces the demo
 * disables them in its transaction, and login refuses any account whose password is a published
 * demo password whenever dataset_info does not say 'demo' — whatever route the data took
 * (a restore, direct SQL) — and `onemap serve` names such accounts at start.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { readDatasetInfo } from '../dataset/datasetInfo.ts';
import { verifyPassword } from './passwords.ts';
import { activeCity, type City } from '../city/activeCity.ts';
import { addUser } from './users.ts';
import { ROLE_NAMES, type Actor, type Role } from './roles.ts';
import { revokeUserSessions } from './sessions.ts';

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  townshipCode: string | null;
}

/** The logins, the same in every city; the staff account's township comes from the city. */
export const DEMO_ACCOUNTS: readonly Omit<DemoAccount, 'townshipCode'>[] = [
  { username: 'demo-leader', password: 'leader-demo', displayName: '演示·市领导', role: 'leader' },
  { username: 'demo-analyst', password: 'analyst-demo', displayName: '演示·分析员', role: 'analyst' },
  { username: 'demo-staff', password: 'staff-demo', displayName: '演示·镇街工作人员', role: 'township_staff' },
  { username: 'demo-admin', password: 'admin-demo', displayName: '演示·管理员', role: 'admin' },
];

/** The demo accounts as created for a city: the staff account works in its demo staff township (陈埭镇 in Jinjiang). */
export function demoAccountsOf(city: City = activeCity()): DemoAccount[] {
  const staffTownship = city.townships.find((t) => t.code === city.demoStaffTownship);
  return DEMO_ACCOUNTS.map((a) =>
    a.role === 'township_staff'
      ? { ...a, displayName: `演示·${staffTownship?.name ?? '镇街'}工作人员`, townshipCode: city.demoStaffTownship }
      : { ...a, townshipCode: null },
  );
}

/** The published passwords (README, `npm start`). */
const DEMO_PASSWORDS: ReadonlySet<string> = new Set(DEMO_ACCOUNTS.map((a) => a.password));

export function isDemoPassword(password: string): boolean {
  return DEMO_PASSWORDS.has(password);
}

/** Whether published demo passwords may open accounts: only while the data is the demonstration. */
export async function demoPasswordsAllowed(db: Db): Promise<boolean> {
  return (await readDatasetInfo(db)).source === 'demo';
}

/** Adds the demo accounts that are missing (an existing account, even disabled, is left as it is). */
export async function ensureDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const existing = new Set(
    (
      await db
        .select({ username: users.username })
        .from(users)
        .where(
          inArray(
            users.username,
            DEMO_ACCOUNTS.map((a) => a.username),
          ),
        )
    ).map((r) => r.username),
  );
  const added: DemoAccount[] = [];
  for (const account of demoAccountsOf()) {
    if (existing.has(account.username)) continue;
    await addUser(db, null, account, { demo: true });
    added.push(account);
  }
  return added;
}

/**
 * Disables the demo accounts and ends their sessions, audited, inside the caller's transaction
 * (the ledger import that replaces the demonstration). `byUserId`: who imported (null: the CLI).
 */
export async function disableDemoAccounts(db: Db, byUserId: number | null): Promise<string[]> {
  const actor = byUserId === null ? null : await actorOfUser(db, byUserId);
  const disabled = await db
    .update(users)
    .set({ disabled: true })
    .where(
      and(
        inArray(
          users.username,
          DEMO_ACCOUNTS.map((a) => a.username),
        ),
        eq(users.disabled, false),
      ),
    )
    .returning({ id: users.id, username: users.username });
  for (const account of disabled) {
    await revokeUserSessions(db, account.id);
    await writeAudit(db, actor, {
      action: 'disable',
      tableName: 'users',
      recordId: account.id,
      after: { username: account.username, disabled: true, reason: 'replace-demo' },
    });
  }
  return disabled.map((a) => a.username);
}

async function actorOfUser(db: Db, userId: number): Promise<Actor | null> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row
    ? {
        userId: row.id,
        username: row.username,
        displayName: row.displayName,
        role: row.role,
        townshipCode: row.townshipCode,
        via: 'session',
      }
    : null;
}

/** Enabled accounts whose password is a published demo password (a scrypt check per account and password: seconds, not for every request). */
export async function accountsWithDemoPasswords(db: Db): Promise<string[]> {
  const enabled = await db
    .select({ username: users.username, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.disabled, false));
  const found: string[] = [];
  for (const account of enabled) {
    for (const password of DEMO_PASSWORDS) {
      if (await verifyPassword(password, account.passwordHash)) {
        found.push(account.username);
        break;
      }
    }
  }
  return found;
}

/**
 * For `onemap serve` at start: when the data is not the demonstration, one Chinese line naming the
 * accounts that still have a published demo password (login refuses them). Never throws.
 */
export async function warnAboutDemoPasswords(
  db: Db,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<void> {
  try {
    if (await demoPasswordsAllowed(db)) return;
    const accounts = await accountsWithDemoPasswords(db);
    if (accounts.length > 0)
      write(
        `警告：数据已非演示数据，以下账号仍使用公开的演示密码，已禁止其登录，请停用或重设密码：${accounts.join('、')}`,
      );
  } catch {
    // A warning that cannot be computed must not stop the server.
  }
}

/** The lines `npm start` and `onemap seed` print. */
export function describeDemoAccounts(): string {
  return [
    '演示账号（仅限演示数据，切勿用于真实台账）：',
    ...DEMO_ACCOUNTS.map((a) => `  ${ROLE_NAMES[a.role].padEnd(8, '　')}${a.username.padEnd(14)}密码 ${a.password}`),
  ].join('\n');
}
