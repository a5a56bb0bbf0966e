/**
 * The audit log is append-only in the database itself and hash-chained: whatever the client,
 * UPDATE, DELETE and TRUNCATE are refused; a row changed or removed behind the triggers' back is
 * found by verify; concurrent writers on PostgreSQL still form one chain; rows written before the
 * chain existed are chained by the migration.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import type { Db } from '../../../../server/db/connection.ts';
import { MIGRATIONS_FOLDER } from '../../../../server/db/migrate.ts';
import { queryRows } from '../../../../server/db/rows.ts';
import { describeVerdict, verifyAuditChain } from '../../../../server/services/audit/auditChain.ts';
import { writeAudit } from '../../../../server/services/audit/auditLog.ts';
import { knownMigrations } from '../../../../server/services/backup/schemaVersion.ts';
import { databaseUrl } from '../../../support/globalSetup.ts';
import { availableBackends, openEmptyDatabase, type TestDatabase } from '../../../support/databases.ts';

const ADMIN = {
  userId: null,
  username: null,
  displayName: '测试',
  role: 'admin',
  townshipCode: null,
  via: 'session',
} as const;

/** Runs a statement as the database's owner would, bypassing the append-only trigger. */
async function behindTheTriggers(db: Db, statement: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw('alter table audit_log disable trigger audit_log_append_only'));
    await tx.execute(sql.raw(statement));
    await tx.execute(sql.raw('alter table audit_log enable trigger audit_log_append_only'));
  });
}

describe.each(availableBackends())('the audit log (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openEmptyDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('refuses UPDATE, DELETE and TRUNCATE, even of no row, and keeps every row', async () => {
    const db = database.db;
    for (let i = 0; i < 3; i++)
      await writeAudit(db, null, { action: 'insert', tableName: 'meetings', recordId: i, after: { attendees: i } });
    const before = await db.select().from(s.auditLog).orderBy(s.auditLog.id);
    for (const statement of [
      "update audit_log set action = 'nothing'",
      'update audit_log set after = null where id = 2',
      'delete from audit_log',
      'delete from audit_log where false',
      'truncate audit_log',
      'truncate users, audit_log cascade',
      'update audit_chain_head set seq = 0',
      'delete from audit_chain_head',
    ]) {
      await expect(db.execute(sql.raw(statement)), statement).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/审计日志只能追加/) },
      });
    }
    expect(await db.select().from(s.auditLog).orderBy(s.auditLog.id)).toEqual(before);
    expect(await verifyAuditChain(db)).toEqual({ intact: true, rows: 3 });
  });

  it('chains every row in the database, whatever hash and position the client sends', async () => {
    const db = database.db;
    await db
      .insert(s.auditLog)
      .values({ action: 'forged', tableName: 'users', seq: 1, prevHash: 'x', hash: 'f'.repeat(64) });
    const rows = await db.select().from(s.auditLog).orderBy(s.auditLog.seq);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows.at(-1)!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.at(-1)!.hash).not.toBe('f'.repeat(64));
    const verdict = await verifyAuditChain(db);
    expect(describeVerdict(verdict)).toBe(`审计日志完整：${rows.length} 条`);
  });

  it("finds a row changed, a row removed and rows cut from the end behind the triggers' back", async () => {
    const copy = await openEmptyDatabase(kind);
    try {
      const db = copy.db;
      for (let i = 1; i <= 6; i++)
        await writeAudit(db, ADMIN, {
          action: 'update',
          tableName: 'compounds',
          recordId: i,
          before: { name: '甲' },
          after: { name: `乙${i}` },
        });
      const rows = await db.select().from(s.auditLog).orderBy(s.auditLog.seq);

      await behindTheTriggers(db, `update audit_log set after = '{"name": "丙"}' where id = ${rows[2]!.id}`);
      const changed = await verifyAuditChain(db);
      expect(changed).toMatchObject({
        intact: false,
        id: rows[2]!.id,
        seq: 3,
        at: new Date(rows[2]!.at).toISOString(),
      });
      expect(describeVerdict(changed)).toMatch(
        new RegExp(`^审计日志不完整：第 3 条（id ${rows[2]!.id}，.*）内容与其散列不符`),
      );

      // Re-hashing the changed row to hide it breaks the link to the next one instead.
      await behindTheTriggers(
        db,
        `update audit_log a set hash = onemap_audit_row_hash(a.prev_hash, a) where id = ${rows[2]!.id}`,
      );
      expect(await verifyAuditChain(db)).toMatchObject({ intact: false, id: rows[3]!.id, seq: 4 });

      await behindTheTriggers(db, `delete from audit_log where id in (${rows[2]!.id}, ${rows[3]!.id})`);
      const removed = await verifyAuditChain(db);
      expect(removed).toMatchObject({ intact: false, id: rows[4]!.id, seq: 5 });
      expect(describeVerdict(removed)).toMatch(/之前缺少 2 条记录/);

      const tail = await openEmptyDatabase(kind);
      try {
        for (let i = 1; i <= 3; i++)
          await writeAudit(tail.db, null, { action: 'insert', tableName: 'meetings', recordId: i });
        await behindTheTriggers(tail.db, 'delete from audit_log where seq = 3');
        const cut = await verifyAuditChain(tail.db);
        expect(cut).toMatchObject({ intact: false, seq: 3 });
        expect(describeVerdict(cut)).toMatch(/最后 1 条记录缺失/);
      } finally {
        await tail.dispose();
      }
    } finally {
      await copy.dispose();
    }
  });

  it.runIf(kind === 'postgres')(
    'forms one chain from many writers at once (parallel transactions on ten connections)',
    async () => {
      const db = database.db;
      const [before] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from audit_log`);
      await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          db.transaction(async (tx) => {
            await writeAudit(tx, null, { action: 'insert', tableName: 'meetings', recordId: i });
            await tx.execute(sql`select pg_sleep(0.002)`);
            await writeAudit(tx, null, { action: 'update', tableName: 'meetings', recordId: i });
          }),
        ),
      );
      const rows = await db.select({ id: s.auditLog.id, seq: s.auditLog.seq }).from(s.auditLog).orderBy(s.auditLog.seq);
      expect(rows.length).toBe(Number(before!.n) + 240);
      expect(await verifyAuditChain(db)).toEqual({ intact: true, rows: rows.length });
    },
  );
});

describe.each(availableBackends())('the migration that chains the log (%s)', (kind) => {
  it('chains the rows written before it, in the order they were written, and records the user names', async () => {
    const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
    const tags = knownMigrations().map((m) => m.tag);
    const firstChain = tags.findIndex((t) => t.endsWith('_audit_log_chain_columns'));
    expect(firstChain).toBeGreaterThan(0);
    const { db, run, close } = await bareDatabase(kind);
    try {
      for (const m of migrations.slice(0, firstChain))
        for (const statement of m.sql) if (statement.trim()) await run(statement);
      await run(
        `insert into users (username, display_name, role, password_hash) values ('zhang', '张三', 'admin', 'x')`,
      );
      await run(
        `insert into audit_log (user_id, action, table_name, record_id, after) values (1, 'insert', 'meetings', '7', '{"a": 1}'), (null, 'import', 'ledger', null, null), (1, 'forbidden', 'users', null, '{"b": "二"}')`,
      );
      for (const m of migrations.slice(firstChain))
        for (const statement of m.sql) if (statement.trim()) await run(statement);
      const rows = await db.select().from(s.auditLog).orderBy(s.auditLog.seq);
      expect(rows.map((r) => [r.id, r.seq, r.username])).toEqual([
        [1, 1, 'zhang'],
        [2, 2, null],
        [3, 3, 'zhang'],
      ]);
      expect(await verifyAuditChain(db)).toEqual({ intact: true, rows: 3 });
      await writeAudit(db, null, { action: 'insert', tableName: 'meetings', recordId: 8 });
      expect(await verifyAuditChain(db)).toEqual({ intact: true, rows: 4 });
    } finally {
      await close();
    }
  });
});

/** A database with no migration run, and a way to run raw statements on it. */
async function bareDatabase(
  kind: 'pglite' | 'postgres',
): Promise<{ db: Db; run(statement: string): Promise<void>; close(): Promise<void> }> {
  if (kind === 'pglite') {
    const client = new PGlite();
    return {
      db: drizzlePglite(client, { schema: s }),
      run: async (q) => void (await client.exec(q)),
      close: () => client.close(),
    };
  }
  const adminUrl = inject('postgresUrl')!;
  const name = `onemap_test_bare_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template template0`);
  const client = postgres(databaseUrl(adminUrl, name), { max: 1, onnotice: () => {} });
  return {
    db: drizzlePostgres(client, { schema: s }),
    run: async (q) => void (await client.unsafe(q)),
    async close() {
      await client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
