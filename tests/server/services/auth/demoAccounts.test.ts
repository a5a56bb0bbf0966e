/**
 * Demo accounts outlive no demo (issue #15, finding 1), on both databases: the import that
 * replaces the demonstration disables them in its own transaction (and only when it writes), and
 * whenever the data is not demo data — a restore, direct SQL — login refuses every account whose
 * password is a published demo password, and `onemap serve` names them at start.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../../data/schema/index.ts';
import { DEMO_ACCOUNTS, warnAboutDemoPasswords } from '../../../../server/services/auth/demoAccounts.ts';
import { login } from '../../../../server/services/auth/login.ts';
import { actorFromSession } from '../../../../server/services/auth/sessions.ts';
import { addUser } from '../../../../server/services/auth/users.ts';
import { importLedger } from '../../../../server/services/ledger/importLedger.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';
import { csvFile, goodRows } from '../../../support/ledgers.ts';

const demoAdmin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
let address = 0;
/** A fresh client address per login, so the address limit never decides these tests. */
const signIn = (database: TestDatabase, account: { username: string; password: string }) =>
  login(database.db, { ...account, ip: `10.9.0.${++address}` });

async function demoAccountStates(database: TestDatabase): Promise<Record<string, boolean>> {
  const rows = await database.db
    .select({ username: schema.users.username, disabled: schema.users.disabled })
    .from(schema.users)
    .where(
      inArray(
        schema.users.username,
        DEMO_ACCOUNTS.map((a) => a.username),
      ),
    );
  return Object.fromEntries(rows.map((r) => [r.username, r.disabled]));
}

describe.each(availableBackends())('demo accounts once the data is real (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('sign in on the demonstration, and the import that replaces it disables them in its transaction', async () => {
    const session = await signIn(database, demoAdmin);
    const importer = await addUser(
      database.db,
      null,
      { username: 'ledger.keeper', displayName: '台账员', role: 'business_admin', password: 'Ledger#Keeper-77' },
      { mustChangePassword: false },
    );

    // A ledger with a problem writes nothing: the demo accounts stay as they are.
    const bad = goodRows(3).map((r, i) => (i === 1 ? { ...r, 户数: '一百' } : r));
    const refused = await importLedger(database.db, csvFile(bad), {
      crs: 'wgs84',
      dryRun: false,
      replaceDemo: true,
      today: FIXTURE_AS_OF,
      userId: importer.id,
    });
    expect(refused.status).toBe('invalid');
    expect(Object.values(await demoAccountStates(database))).toEqual(DEMO_ACCOUNTS.map(() => false));

    const report = await importLedger(database.db, csvFile(goodRows(3)), {
      crs: 'wgs84',
      dryRun: false,
      replaceDemo: true,
      today: FIXTURE_AS_OF,
      userId: importer.id,
    });
    expect(report.status).toBe('imported');
    expect(await demoAccountStates(database)).toEqual(Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.username, true])));
    expect(await actorFromSession(database.db, session.token)).toBeNull();
    for (const account of DEMO_ACCOUNTS) await expect(signIn(database, account)).rejects.toThrow('用户名或密码错误');
    const audited = await database.db
      .select({ userId: schema.auditLog.userId, after: schema.auditLog.after })
      .from(schema.auditLog)
      .where(sql`${schema.auditLog.action} = 'disable' and ${schema.auditLog.after}->>'reason' = 'replace-demo'`);
    expect(audited.map((a) => (a.after as { username: string }).username).sort()).toEqual(
      DEMO_ACCOUNTS.map((a) => a.username).sort(),
    );
    expect(audited.every((a) => a.userId === importer.id)).toBe(true);
  });

  it('refuses a demo password on real data however it got there, with the answer a wrong password gets, and serve names the accounts', async () => {
    // Direct SQL: the accounts enabled again behind the import's back, and another account given a demo password.
    await database.db
      .update(schema.users)
      .set({ disabled: false })
      .where(
        inArray(
          schema.users.username,
          DEMO_ACCOUNTS.map((a) => a.username),
        ),
      );
    const [analyst] = await database.db.select().from(schema.users).where(eq(schema.users.username, 'demo-analyst'));
    await database.db
      .update(schema.users)
      .set({ passwordHash: analyst!.passwordHash })
      .where(eq(schema.users.username, 'ledger.keeper'));
    for (const account of DEMO_ACCOUNTS) await expect(signIn(database, account)).rejects.toThrow('用户名或密码错误');
    await expect(signIn(database, { username: 'ledger.keeper', password: 'analyst-demo' })).rejects.toThrow(
      '用户名或密码错误',
    );
    const reasons = await database.db
      .select({ after: schema.auditLog.after })
      .from(schema.auditLog)
      .where(sql`${schema.auditLog.action} = 'login-failed' and ${schema.auditLog.after}->>'reason' = 'demo-password'`);
    expect(reasons.length).toBe(DEMO_ACCOUNTS.length + 1);

    const lines: string[] = [];
    await warnAboutDemoPasswords(database.db, (line) => lines.push(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^警告：数据已非演示数据，以下账号仍使用公开的演示密码，已禁止其登录/);
    for (const name of [...DEMO_ACCOUNTS.map((a) => a.username), 'ledger.keeper']) expect(lines[0]).toContain(name);

    // Back to demo data (a restore of a demo backup): the published passwords work again, and serve says nothing.
    await database.db.delete(schema.datasetInfo);
    await database.db.insert(schema.datasetInfo).values({ key: 'source', value: 'demo' });
    expect((await signIn(database, demoAdmin)).actor.username).toBe(demoAdmin.username);
    const quiet: string[] = [];
    await warnAboutDemoPasswords(database.db, (line) => quiet.push(line));
    expect(quiet).toEqual([]);
  });
});
