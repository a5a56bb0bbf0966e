/**
 * tRPC callers as a given role, through a real account and session: `await callerAs(database, 'admin')`.
 * Township staff belong to 陈埭镇 (350582103) unless told otherwise.
 */
import { contextFor } from '../../server/api/context.ts';
import { appRouter } from '../../server/api/root.ts';
import { createCallerFactory } from '../../server/api/trpc.ts';
import type { Database } from '../../server/db/connection.ts';
import { actorFromSession, createSession } from '../../server/services/auth/sessions.ts';
import type { Actor, Role } from '../../server/services/auth/roles.ts';
import type { Locale } from '../../shared/language/index.ts';
import { addUser, findUser } from '../../server/services/auth/users.ts';

export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;
export const TEST_PASSWORD = 'test-password-1';
export const TEST_TOWNSHIP = '350582103';

/** The account `test-<role>[-<township>]`, created on first use. */
export async function testUser(
  database: Pick<Database, 'db'>,
  role: Role,
  townshipCode = TEST_TOWNSHIP,
): Promise<{ id: number; username: string }> {
  const username = role === 'township_staff' ? `test-staff-${townshipCode}` : `test-${role.replace('_', '-')}`;
  const existing = await findUser(database.db, username);
  if (existing) return existing;
  const created = await addUser(
    database.db,
    null,
    {
      username,
      displayName: `测试${role}`,
      role,
      townshipCode: role === 'township_staff' ? townshipCode : null,
      password: TEST_PASSWORD,
    },
    { mustChangePassword: false },
  );
  return created;
}

/** A signed-in actor of the role (a real session), and a caller acting as it. */
export async function actorAs(
  database: Pick<Database, 'db' | 'kind'>,
  role: Role,
  options: { townshipCode?: string } = {},
): Promise<{ actor: Actor; token: string }> {
  const user = await testUser(database, role, options.townshipCode);
  const { token } = await createSession(database.db, user.id);
  const actor = await actorFromSession(database.db, token);
  if (!actor) throw new Error('test session did not resolve');
  return { actor, token };
}

/** `locale`: the language the client asks in (its x-onemap-lang header); Chinese unless given. */
export async function callerAs(
  database: Pick<Database, 'db' | 'kind'>,
  role: Role,
  options: { townshipCode?: string; locale?: Locale } = {},
): Promise<Caller> {
  const { actor, token } = await actorAs(database, role, options);
  return createCaller(
    contextFor(database, actor, { sessionToken: token, ...(options.locale ? { locale: options.locale } : {}) }),
  );
}

/** Nobody signed in. */
export function anonymousCaller(database: Pick<Database, 'db' | 'kind'>): Caller {
  return createCaller(contextFor(database, null));
}
