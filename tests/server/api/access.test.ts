/**
 * Who may call what, checked over every procedure of the router (listed from the router, so a
 * procedure added later without a place in ACCESS fails here): nobody signed in → UNAUTHORIZED;
 * a role without the permission → FORBIDDEN and an audit-log entry 'forbidden'; a person whose
 * initial password is still the administrator's → FORBIDDEN (PASSWORD_CHANGE_REQUIRED) except auth.*.
 */
import type { TRPCError } from '@trpc/server';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../data/schema/index.ts';
import { contextFor } from '../../../server/api/context.ts';
import { PUBLIC_PROCEDURES } from '../../../server/api/root.ts';
import {
  createDisplayToken,
  revokeDisplayToken,
  actorFromDisplayToken,
} from '../../../server/services/auth/displayTokens.ts';
import { can, ROLES, type Permission } from '../../../server/services/auth/roles.ts';
import { actorFromSession, createSession } from '../../../server/services/auth/sessions.ts';
import { addUser, findUser } from '../../../server/services/auth/users.ts';
import { anonymousCaller, callerAs, createCaller } from '../../support/callers.ts';
import { openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';
import { call, outcome, procedures } from '../../support/procedures.ts';

/** The procedure → permission table (README "Roles"); 'session': any signed-in person, not a display token. */
export const ACCESS: Record<string, Permission | 'public' | 'session'> = {
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.me': 'public',
  'auth.changePassword': 'session',
  'system.info': 'read',
  'geography.townships': 'read',
  'geography.placeInitials': 'read',
  'compounds.status': 'read',
  'compounds.history': 'read',
  'compounds.stateOn': 'read',
  'map.view': 'read',
  'wall.compounds': 'read',
  'wall.lagging': 'read',
  'wall.movers': 'read',
  'workbench.rows': 'read',
  'workbench.export': 'export',
  'ledger.template': 'business',
  'ledger.import': 'business',
  'ledger.importBoundaries': 'business',
  'metrics.report': 'read',
  'metrics.series': 'read',
  'metrics.drill': 'read',
  'metrics.drillExport': 'export',
  'metrics.targets': 'read',
  'review.board': 'read',
  'review.township': 'read',
  'review.settings': 'read',
  'review.reviewedWeeks': 'read',
  'review.updateSettings': 'business',
  'review.previewRules': 'business',
  'review.markReviewed': 'business',
  'review.pack': 'export',
  // Read, then scoped by township in the procedure: staff for their own, exporters for any.
  'review.townshipReport': 'read',
  'editing.township': 'read',
  'editing.recordMeeting': 'edit',
  'editing.startCommitteeTerm': 'edit',
  'editing.endCommitteeTerm': 'edit',
  'editing.advanceIssue': 'edit',
  'editing.recordEvaluation': 'edit',
  'attachments.upload': 'edit',
  'attachments.list': 'read',
  'attachments.remove': 'edit',
  'admin.users': 'accounts',
  'admin.addUser': 'accounts',
  'admin.setUserDisabled': 'accounts',
  'admin.resetPassword': 'accounts',
  'admin.displayTokens': 'accounts',
  'admin.createDisplayToken': 'accounts',
  'admin.revokeDisplayToken': 'accounts',
  'admin.endSessions': 'accounts',
  'admin.backups': 'accounts',
  'admin.auditLog': 'audit',
  'admin.auditedTables': 'audit',
  'admin.auditExport': 'audit',
  'admin.auditPeople': 'audit',
  'targets.list': 'business',
  'targets.history': 'business',
  'targets.preview': 'business',
  'targets.add': 'business',
  'targets.change': 'business',
  'targets.retire': 'business',
  'live.revision': 'read',
  'supervision.list': 'read',
  'supervision.get': 'read',
  'supervision.summary': 'read',
  'supervision.suggestions': 'read',
  'supervision.issue': 'supervise',
  'supervision.issueBatch': 'supervise',
  // Edit, then scoped by township in the service: staff for their own, an administrator for any.
  'supervision.answer': 'edit',
  'supervision.accept': 'supervise',
  'supervision.return': 'supervise',
  'warnings.list': 'read',
  'warnings.toItem': 'supervise',
  'warnings.dismiss': 'supervise',
  'warnings.rules': 'read',
  'warnings.updateRules': 'business',
  // Read; what it counts depends on the role (township staff: their township; supervisors: the department's work).
  'inbox.summary': 'read',
  'webhooks.list': 'business',
  'webhooks.add': 'business',
  'webhooks.setEnabled': 'business',
  'webhooks.remove': 'business',
  'webhooks.test': 'business',
  'webhooks.deliveries': 'business',
};

/** An input no parser accepts, so an allowed call stops at validation and nothing heavy runs. */
const PROBE = 'probe';

describe('access to every procedure', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
  });
  afterAll(() => database?.dispose());

  it('lists every procedure of the router in the access table, and only the auth ones as public', () => {
    const paths = procedures().map((p) => p.path);
    expect(paths.length).toBeGreaterThan(30);
    expect(Object.keys(ACCESS).sort()).toEqual([...paths].sort());
    expect(paths.filter((p) => ACCESS[p] === 'public').sort()).toEqual([...PUBLIC_PROCEDURES].sort());
  });

  it('answers UNAUTHORIZED to every non-public procedure without a session, whatever the input', async () => {
    const caller = anonymousCaller(database);
    for (const { path } of procedures()) {
      if ((PUBLIC_PROCEDURES as readonly string[]).includes(path)) continue;
      for (const input of [
        undefined,
        {},
        PROBE,
        { week: '2025-W30', format: 'xlsx' },
        { code: 'a\u0000b' },
        'x'.repeat(200_000),
      ]) {
        expect(await outcome(caller, path, input), path).toBe('UNAUTHORIZED');
      }
    }
    expect(await createCaller(contextFor(database, null)).auth.me()).toBeNull();
  });

  it.each(ROLES)('lets %s call exactly what its role allows; every refusal is FORBIDDEN and audited', async (role) => {
    const caller = await callerAs(database, role);
    const refusedBefore = await forbiddenCount(database);
    let refused = 0;
    for (const { path } of procedures()) {
      const required = ACCESS[path]!;
      const result = await outcome(caller, path, PROBE);
      if (required === 'public' || required === 'session' || can(role, required)) {
        expect(['OK', 'BAD_REQUEST'], `${role} ${path}`).toContain(result);
      } else {
        expect(result, `${role} ${path}`).toBe('FORBIDDEN');
        refused++;
      }
    }
    expect(await forbiddenCount(database)).toBe(refusedBefore + refused);
  });

  it('lets a display token read as a leader, and nothing once revoked', async () => {
    const created = await createDisplayToken(database.db, null, '大厅LED');
    const actor = (await actorFromDisplayToken(database.db, created.token))!;
    expect(actor).toMatchObject({ role: 'leader', via: 'display-token', displayName: '大厅LED' });
    const wall = createCaller(contextFor(database, actor));
    expect((await wall.geography.townships()).length).toBe(19);
    // The wall's 红黑榜 and movers scenes read the week's board.
    expect(await outcome(wall, 'review.board', {})).toBe('OK');
    expect(await outcome(wall, 'review.pack', { week: '2025-W30', format: 'xlsx' })).toBe('FORBIDDEN');
    expect(await outcome(wall, 'editing.recordMeeting', PROBE)).toBe('FORBIDDEN');
    // A wall screen is not a person: it has no password to change.
    expect(await outcome(wall, 'auth.changePassword', { oldPassword: 'x', newPassword: 'y' })).toBe('UNAUTHORIZED');
    await revokeDisplayToken(database.db, null, created.id);
    expect(await actorFromDisplayToken(database.db, created.token)).toBeNull();
  });
});

describe('a password an administrator chose', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase('pglite');
  });
  afterAll(() => database?.dispose());

  it('opens nothing but auth.* until its person changes it, then everything the role allows', async () => {
    await addUser(database.db, null, {
      username: 'new-admin',
      displayName: '新管理员',
      role: 'admin',
      password: 'Initial#Pass-2024',
    });
    const { token } = await createSession(database.db, (await findUser(database.db, 'new-admin'))!.id);
    const actor = (await actorFromSession(database.db, token))!;
    expect(actor.mustChangePassword).toBe(true);
    const caller = createCaller(contextFor(database, actor, { sessionToken: token }));
    for (const { path } of procedures()) {
      if (path.startsWith('auth.')) continue;
      const refusal = await call(caller, path, PROBE).then(
        () => null,
        (error: unknown) => error as TRPCError,
      );
      expect(refusal?.code, path).toBe('FORBIDDEN');
      expect(refusal?.message, path).toBe('请先修改管理员设置的初始密码');
      expect(refusal?.cause?.constructor.name, path).toBe('PasswordChangeRequiredError');
    }
    expect(await caller.auth.me()).toMatchObject({ username: 'new-admin', mustChangePassword: true });
    await expect(
      caller.auth.changePassword({ oldPassword: 'wrong', newPassword: 'Another#Pass-2025' }),
    ).rejects.toThrow('原密码不正确');
    await expect(
      caller.auth.changePassword({ oldPassword: 'Initial#Pass-2024', newPassword: 'Admin@123' }),
    ).rejects.toThrow('密码至少 10 个字符');
    await caller.auth.changePassword({ oldPassword: 'Initial#Pass-2024', newPassword: 'Another#Pass-2025' });
    const after = (await actorFromSession(database.db, token))!;
    expect(after.mustChangePassword).toBeUndefined();
    expect(
      (await createCaller(contextFor(database, after, { sessionToken: token })).geography.townships()).length,
    ).toBe(19);
  });
});

async function forbiddenCount(database: TestDatabase): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(s.auditLog).where(eq(s.auditLog.action, 'forbidden'));
  return row!.n;
}
