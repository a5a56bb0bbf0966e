/**
 * What an administrator does on /admin, through the procedures, on both databases: a township
 * staff account needs its township; a generated one-time password opens the account only for
 * changing it; a reset forces a change and ends sessions; disabling ends sessions and sign-in;
 * nobody disables themselves or the last account manager; ending sessions; display tokens valid
 * through a chosen day whose live check fails once revoked; other roles refused and audited;
 * backups on a schedule keep the newest N; GET /api/backup for the accounts duty only.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import { startServer } from '../../../../server/http/server.ts';
import {
  actorFromDisplayToken,
  createDisplayTokenUntil,
  listDisplayTokens,
} from '../../../../server/services/auth/displayTokens.ts';
import { login } from '../../../../server/services/auth/login.ts';
import { actorFromSession, createSession } from '../../../../server/services/auth/sessions.ts';
import { stillSignedIn } from '../../../../server/services/auth/stillSignedIn.ts';
import { addUser, findUser, setUserDisabled } from '../../../../server/services/auth/users.ts';
import { startBackupScheduler } from '../../../../server/services/backup/backupScheduler.ts';
import type { SchedulerClock } from '../../../../server/services/review/reviewScheduler.ts';
import { addDays, todayInCity } from '../../../../shared/time/dates.ts';
import { actorAs, callerAs, TEST_PASSWORD, TEST_TOWNSHIP, testUser, type Caller } from '../../../support/callers.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const ip = '10.9.0.1';

describe.each(availableBackends())('accounts, wall tokens and backups on /admin (%s)', (kind) => {
  let database: TestDatabase;
  let admin: Caller;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    admin = await callerAs(database, 'admin');
  });
  afterAll(async () => {
    await database?.dispose();
  });

  const lastAudit = async (action: string) =>
    (
      await database.db
        .select()
        .from(s.auditLog)
        .where(eq(s.auditLog.action, action))
        .orderBy(desc(s.auditLog.id))
        .limit(1)
    )[0];

  it('refuses township staff without a township, then makes one with a one-time password to be changed first', async () => {
    await expect(
      admin.admin.addUser({ username: 'zhang.wei', displayName: '张伟', role: 'township_staff' }),
    ).rejects.toThrow('镇街工作人员须指定所属镇街');
    expect(await findUser(database.db, 'zhang.wei')).toBeNull();

    const made = await admin.admin.addUser({
      username: 'zhang.wei',
      displayName: '张伟',
      role: 'township_staff',
      townshipCode: TEST_TOWNSHIP,
    });
    expect(made.user).toMatchObject({ townshipCode: TEST_TOWNSHIP, mustChangePassword: true, disabled: false });
    expect(made.oneTimePassword).toMatch(/^.{14}$/);
    const signedIn = await login(database.db, { username: 'zhang.wei', password: made.oneTimePassword!, ip });
    expect(signedIn.actor.mustChangePassword).toBe(true);
    const audit = await lastAudit('insert');
    expect(audit).toMatchObject({ tableName: 'users', recordId: String(made.user.id) });
    expect(JSON.stringify(audit)).not.toContain(made.oneTimePassword!);

    const listed = (await admin.admin.users()).find((u) => u.username === 'zhang.wei')!;
    expect(listed.lastSignInAt).not.toBeNull();
    expect(listed.openSessions).toBe(1);
  });

  it('resets a password (generated or typed), forcing a change and ending the sessions', async () => {
    const user = await addUser(
      database.db,
      null,
      { username: 'reset.me', displayName: '重设', role: 'analyst', password: 'First#Chosen-Pass-1' },
      { mustChangePassword: false },
    );
    const { token } = await createSession(database.db, user.id);
    const generated = await admin.admin.resetPassword({ username: user.username });
    expect(generated.oneTimePassword).toBeTruthy();
    expect(generated.user.mustChangePassword).toBe(true);
    expect(await actorFromSession(database.db, token)).toBeNull();
    await expect(admin.admin.resetPassword({ username: user.username, password: 'short' })).rejects.toThrow(
      '密码至少 10 个字符',
    );
    const typed = await admin.admin.resetPassword({ username: user.username, password: 'Typed#By-Admin-77' });
    expect(typed.oneTimePassword).toBeNull();
    const again = await login(database.db, { username: user.username, password: 'Typed#By-Admin-77', ip });
    expect(again.actor.mustChangePassword).toBe(true);
    expect((await lastAudit('reset-password'))?.recordId).toBe(String(user.id));
  });

  it('ends a user’s sessions, audited with how many', async () => {
    const user = await testUser(database, 'leader');
    const a = await createSession(database.db, user.id);
    await createSession(database.db, user.id);
    expect(await admin.admin.endSessions({ username: user.username })).toEqual({ ended: 2 });
    expect(await actorFromSession(database.db, a.token)).toBeNull();
    expect((await lastAudit('end-sessions'))?.after).toMatchObject({ username: user.username, ended: 2 });
  });

  it('disabling stops sign-in and ends the sessions; enabling lets the person in again', async () => {
    const user = await testUser(database, 'business_admin');
    const { token } = await createSession(database.db, user.id);
    await admin.admin.setUserDisabled({ username: user.username, disabled: true });
    expect(await actorFromSession(database.db, token)).toBeNull();
    await expect(login(database.db, { username: user.username, password: TEST_PASSWORD, ip })).rejects.toThrow(
      '用户名或密码错误',
    );
    await admin.admin.setUserDisabled({ username: user.username, disabled: false });
    const back = await login(database.db, { username: user.username, password: TEST_PASSWORD, ip });
    expect(back.actor.username).toBe(user.username);
  });

  it('refuses the account procedures to other roles, each refusal in the audit log', async () => {
    const analyst = await callerAs(database, 'analyst');
    const { actor } = await actorAs(database, 'analyst');
    await expect(analyst.admin.users()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      analyst.admin.addUser({ username: 'sneaky', displayName: '某人', role: 'admin', password: 'Sneaky#Pass-123' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const business = await callerAs(database, 'business_admin');
    await expect(business.admin.createDisplayToken({ name: '大厅' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(business.admin.backups()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await findUser(database.db, 'sneaky')).toBeNull();
    const refused = await database.db
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.action, 'forbidden'), eq(s.auditLog.userId, actor.userId!)));
    expect(refused.map((r) => r.tableName)).toEqual(expect.arrayContaining(['admin.users', 'admin.addUser']));
  });

  it('makes wall tokens valid through a chosen day; a revoked one fails the live check', async () => {
    const today = todayInCity();
    await expect(admin.admin.createDisplayToken({ name: '大厅LED', expiresOn: today })).rejects.toThrow(
      '到期日须晚于今天',
    );
    await expect(admin.admin.createDisplayToken({ name: '大厅LED', expiresOn: '2026-02-30' })).rejects.toThrow(
      '真实日期',
    );
    const made = await admin.admin.createDisplayToken({ name: '大厅LED', expiresOn: addDays(today, 30) });
    // Valid through that day in Shanghai: it stops at the midnight that ends it.
    expect(made.expiresAt).toBe(new Date(`${addDays(today, 31)}T00:00:00+08:00`).toISOString());
    const wall = (await actorFromDisplayToken(database.db, made.token))!;
    expect(wall.role).toBe('leader');
    const listed = (await admin.admin.displayTokens()).find((t) => t.id === made.id)!;
    expect(listed.state).toBe('valid');
    expect(listed.lastUsedAt).not.toBeNull();
    expect(await stillSignedIn(database.db, wall, null)).toBe(true);
    await admin.admin.revokeDisplayToken({ id: made.id });
    expect(await stillSignedIn(database.db, wall, null)).toBe(false);
    expect(await actorFromDisplayToken(database.db, made.token)).toBeNull();
    expect((await listDisplayTokens(database.db)).find((t) => t.id === made.id)!.state).toBe('revoked');
    // A day far enough ahead to be within the ten-year limit, then just past it.
    await createDisplayTokenUntil(database.db, null, '长期', addDays(today, 3650));
    await expect(createDisplayTokenUntil(database.db, null, '太久', addDays(today, 3651))).rejects.toThrow('最多');
  });

  it('keeps the newest N scheduled backups, written at the set time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onemap-backups-'));
    try {
      // An old backup already there: the schedule prunes it too.
      await writeFile(join(dir, 'onemap-2020-01-01-023000.jsonl.gz'), '');
      let now = new Date('2026-12-05T02:00:00+08:00');
      let pending: (() => void) | null = null;
      let pendingAt = 0;
      const clock: SchedulerClock = {
        now: () => now,
        setTimer: (ms, run) => {
          pendingAt = now.getTime() + ms;
          pending = run;
          return () => (pending = null);
        },
      };
      const written: string[] = [];
      const scheduler = startBackupScheduler(
        database.db,
        kind,
        { dir, schedule: { hour: 2, minute: 30 }, keep: 1 },
        { clock, onWritten: (path) => written.push(path) },
      );
      expect(new Date(pendingAt).toISOString()).toBe('2026-12-04T18:30:00.000Z');
      const fire = async () => {
        now = new Date(pendingAt);
        pending!();
        await scheduler.idle();
      };
      await fire();
      await fire();
      scheduler.stop();
      expect(written.map((p) => p.slice(dir.length + 1))).toEqual([
        'onemap-2026-12-05-023000.jsonl.gz',
        'onemap-2026-12-06-023000.jsonl.gz',
      ]);
      expect(await readdir(dir)).toEqual(['onemap-2026-12-06-023000.jsonl.gz']);
      const previous = process.env.ONEMAP_BACKUP_DIR;
      process.env.ONEMAP_BACKUP_DIR = dir;
      try {
        const overview = await admin.admin.backups();
        expect(overview.files).toEqual([
          expect.objectContaining({ name: 'onemap-2026-12-06-023000.jsonl.gz', bytes: expect.any(Number) }),
        ]);
        expect(overview.files[0]!.bytes).toBeGreaterThan(1000);
        expect(overview.restoreCommand).toContain('restore 备份文件.jsonl.gz --force');
      } finally {
        if (previous === undefined) delete process.env.ONEMAP_BACKUP_DIR;
        else process.env.ONEMAP_BACKUP_DIR = previous;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('serves GET /api/backup to the accounts duty only (a refusal audited)', async () => {
    const server = await startServer({ database, port: 0 });
    try {
      const cookieOf = async (role: 'analyst' | 'system_admin') =>
        `onemap_session=${(await actorAs(database, role)).token}`;
      const refused = await fetch(`${server.url}/api/backup`, { headers: { cookie: await cookieOf('analyst') } });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('账号管理');
      expect((await lastAudit('forbidden'))?.tableName).toBe('backups');
      expect((await fetch(`${server.url}/api/backup`)).status).toBe(401);

      const reply = await fetch(`${server.url}/api/backup`, { headers: { cookie: await cookieOf('system_admin') } });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-disposition')).toMatch(/^attachment; filename="onemap-.*\.jsonl\.gz"$/);
      const header = JSON.parse(
        gunzipSync(Buffer.from(await reply.arrayBuffer()))
          .toString('utf8')
          .split('\n')[0]!,
      );
      expect(header).toMatchObject({ format: 'onemap-backup', database: kind });
      expect((await lastAudit('download'))?.tableName).toBe('backups');
    } finally {
      await server.close();
    }
  }, 120_000);

  // Last: it disables every other account manager of this copy.
  it('refuses to disable oneself or the last enabled account manager', async () => {
    const { actor } = await actorAs(database, 'admin');
    await expect(admin.admin.setUserDisabled({ username: actor.username!, disabled: true })).rejects.toThrow(
      '不能停用自己的账号',
    );
    const managers = await database.db
      .select()
      .from(s.users)
      .where(eq(s.users.disabled, false))
      .then((rows) => rows.filter((u) => u.role === 'admin' || u.role === 'system_admin'));
    const [keep, ...others] = managers;
    for (const u of others) await setUserDisabled(database.db, null, u.username, true);
    await expect(setUserDisabled(database.db, null, keep!.username, true)).rejects.toThrow(
      '最后一个可管理账号的启用账号',
    );
    expect((await findUser(database.db, keep!.username))!.disabled).toBe(false);
  });
});
