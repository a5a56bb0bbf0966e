/**
 * User accounts: add, list, disable (and enable), reset a password. Disabling a user or
 * resetting their password ends their sessions. Every change is audited (never the hash).
 * A password an administrator chose (a new account, a reset) must be changed by its person at
 * their first sign-in.
 */
import { PLACE_WORDS } from '../compounds/placeWords.ts';
import { AUTH_WORDS } from './authWords.ts';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { townships, users } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { BadInputError, describeIssues } from '../errors.ts';
import { checkPasswordStrength, hashPassword } from './passwords.ts';
import { can, ROLES, ROLE_NAMES, type Actor, type Role } from './roles.ts';
import { revokeUserSessions } from './sessions.ts';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{1,39}$/;
const USERNAME_RULE = '用户名应为 2–40 个小写字母、数字或 _ . -，以字母或数字开头';

export const newUserSchema = z.strictObject({
  username: z.string({ error: USERNAME_RULE }).trim().toLowerCase().regex(USERNAME_PATTERN, USERNAME_RULE),
  displayName: z.string({ error: '姓名应为文本' }).trim().min(1, '姓名不能为空').max(60, '姓名不能超过60个字符'),
  role: z.enum(ROLES, { error: `角色应为 ${ROLES.join('|')}` }),
  townshipCode: z
    .string({ error: '镇街代码应为9位数字' })
    .regex(/^\d{9}$/, '镇街代码应为9位数字')
    .nullish(),
  password: z.string({ error: '密码应为文本' }),
});
export type NewUser = z.input<typeof newUserSchema>;

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleName: string;
  townshipCode: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

function summary(row: typeof users.$inferSelect): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    roleName: ROLE_NAMES[row.role],
    townshipCode: row.townshipCode,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** The roles that hold the accounts duty (admin, system_admin). */
const ACCOUNTS_ROLES = ROLES.filter((role) => can(role, 'accounts'));

export function normaliseUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

export async function findUser(db: Db, username: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.username, normaliseUsername(username)));
  return row ?? null;
}

async function requireUser(db: Db, username: string) {
  const row = await findUser(db, username);
  if (!row) throw new BadInputError(AUTH_WORDS.noUser(username));
  return row;
}

export interface AddUserOptions {
  /** Default true: the person changes the password an administrator chose at first sign-in. */
  mustChangePassword?: boolean;
  /** The seeded demo accounts keep their published passwords (not set by a person: no password rule). */
  demo?: boolean;
}

export async function addUser(
  db: Db,
  actor: Actor | null,
  raw: NewUser,
  options: AddUserOptions = {},
): Promise<UserSummary> {
  const parsed = newUserSchema.safeParse(raw);
  if (!parsed.success) throw new BadInputError(describeIssues(parsed.error, AUTH_WORDS.accountInvalid));
  const input = parsed.data;
  if (!options.demo) checkPasswordStrength(input.password, input.username);
  const townshipCode = input.townshipCode ?? null;
  if (input.role === 'township_staff' && !townshipCode) throw new BadInputError(AUTH_WORDS.staffNeedsTownship);
  if (input.role !== 'township_staff' && townshipCode) throw new BadInputError(AUTH_WORDS.onlyStaffHaveTownship);
  if (townshipCode) {
    const [t] = await db.select({ code: townships.code }).from(townships).where(eq(townships.code, townshipCode));
    if (!t) throw new BadInputError(PLACE_WORDS.unknownTownship(townshipCode));
  }
  if (await findUser(db, input.username)) throw new BadInputError(AUTH_WORDS.usernameTaken(input.username));
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        townshipCode,
        passwordHash,
        mustChangePassword: options.mustChangePassword ?? !options.demo,
      })
      .returning();
    const created = summary(row!);
    await writeAudit(tx, actor, {
      action: 'insert',
      tableName: 'users',
      recordId: created.id,
      after: created,
    });
    return created;
  });
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  return (await db.select().from(users).orderBy(asc(users.username))).map(summary);
}

/** Disables (or re-enables) an account; disabling ends its sessions at once. */
export async function setUserDisabled(
  db: Db,
  actor: Actor | null,
  username: string,
  disabled: boolean,
): Promise<UserSummary> {
  const before = await requireUser(db, username);
  if (disabled && actor?.userId === before.id) throw new BadInputError(AUTH_WORDS.cannotDisableSelf);
  return db.transaction(async (tx) => {
    if (disabled && !before.disabled && can(before.role, 'accounts')) {
      // Someone must still be able to manage accounts: otherwise only the command line could undo this.
      const [other] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(ne(users.id, before.id), eq(users.disabled, false), inArray(users.role, ACCOUNTS_ROLES)))
        .limit(1);
      if (!other) throw new BadInputError(AUTH_WORDS.lastAccountsAdmin(before.username));
    }
    const [row] = await tx.update(users).set({ disabled }).where(eq(users.id, before.id)).returning();
    if (disabled) await revokeUserSessions(tx, before.id);
    const after = summary(row!);
    await writeAudit(tx, actor, {
      action: disabled ? 'disable' : 'enable',
      tableName: 'users',
      recordId: before.id,
      before: summary(before),
      after,
    });
    return after;
  });
}

/** Sets a new password, to be changed by its person at their next sign-in, and ends every session of the user. */
export async function resetPassword(
  db: Db,
  actor: Actor | null,
  username: string,
  password: string,
): Promise<UserSummary> {
  const before = await requireUser(db, username);
  checkPasswordStrength(password, before.username);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true })
      .where(eq(users.id, before.id))
      .returning();
    await revokeUserSessions(tx, before.id);
    const after = summary(row!);
    await writeAudit(tx, actor, {
      action: 'reset-password',
      tableName: 'users',
      recordId: before.id,
      before: summary(before),
      after,
    });
    return after;
  });
}
