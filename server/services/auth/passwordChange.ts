/**
 * A person changing their own password: always possible from the user menu, and required before
 * anything else when an administrator chose the password (a new account, a reset), so that only
 * the person knows it (等保 2.0).
 */
import { AUTH_WORDS } from './authWords.ts';
import { ShownError } from '../errors.ts';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { sessions, users } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { BadInputError } from '../errors.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts';
import type { Actor } from './roles.ts';
import { hashToken } from './tokens.ts';

/** `error.data.reason` of a refusal while the password must still be changed (the client shows the form). */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

export class PasswordChangeRequiredError extends ShownError {
  override name = 'PasswordChangeRequiredError';
  constructor() {
    super(AUTH_WORDS.changeInitialPassword);
  }
}

/**
 * Checks the old password, sets the new one (the same rule as every password a person sets) and
 * ends the person's other sessions; this session goes on.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { oldPassword: string; newPassword: string },
  sessionToken: string | null,
): Promise<void> {
  if (actor.via !== 'session' || actor.userId === null || actor.username === null)
    throw new BadInputError(AUTH_WORDS.onlySignedInChange);
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new BadInputError(AUTH_WORDS.noSuchAccount);
  if (!(await verifyPassword(input.oldPassword, user.passwordHash)))
    throw new BadInputError(AUTH_WORDS.oldPasswordWrong);
  if (input.oldPassword === input.newPassword) throw new BadInputError(AUTH_WORDS.samePassword);
  checkPasswordStrength(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id));
    const others = and(
      eq(sessions.userId, user.id),
      isNull(sessions.revokedAt),
      sessionToken ? ne(sessions.tokenHash, hashToken(sessionToken)) : undefined,
    );
    await tx.update(sessions).set({ revokedAt: now }).where(others);
    await writeAudit(tx, actor, {
      action: 'change-password',
      tableName: 'users',
      recordId: user.id,
      after: { username: user.username },
    });
  });
}
