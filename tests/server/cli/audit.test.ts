/**
 * `onemap audit verify` and `onemap restore` as an operator runs them: verify says the log is whole
 * (exit 0) or names the first broken row (exit 1); a forced restore over another log says where
 * the backup's audit rows went.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../../data/schema/index.ts';
import { openDatabase, type Database } from '../../../server/db/connection.ts';
import { writeAudit } from '../../../server/services/audit/auditLog.ts';
import { runCli } from '../../support/cli.ts';
import { availableBackends, fixtureDataDir, openFixtureDatabase, type TestDatabase } from '../../support/databases.ts';

const dir = mkdtempSync(join(tmpdir(), 'onemap-audit-cli-'));

describe.each(availableBackends())('onemap audit verify and restore (%s)', (kind) => {
  let env: Record<string, string>;
  let postgresCopy: TestDatabase | undefined;
  beforeAll(async () => {
    if (kind === 'postgres') {
      postgresCopy = await openFixtureDatabase('postgres');
      env = { DATABASE_URL: postgresCopy.url! };
    } else {
      env = { ONEMAP_DATA_DIR: await fixtureDataDir() };
    }
  });
  afterAll(() => postgresCopy?.dispose());

  /** The database the CLI uses, opened only while `work` runs (PGlite: one process at a time). */
  async function withDb<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase(
      env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.ONEMAP_DATA_DIR },
    );
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  it("says the log is whole, then names the row changed behind the triggers' back, with exit code 1", async () => {
    const rows = await withDb(async ({ db }) => {
      for (let i = 1; i <= 3; i++)
        await writeAudit(db, null, {
          action: 'update',
          tableName: 'compounds',
          recordId: i,
          after: { name: `乙${i}` },
        });
      return db.select().from(s.auditLog).orderBy(s.auditLog.seq);
    });
    const whole = await runCli(['audit', 'verify'], env);
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout).toBe(`审计日志完整：${rows.length} 条\n`);

    const victim = rows.at(-2)!;
    await withDb(({ db }) =>
      db.transaction(async (tx) => {
        await tx.execute(sql.raw('alter table audit_log disable trigger audit_log_append_only'));
        await tx.execute(sql.raw(`update audit_log set after = '{"name": "丙"}' where id = ${victim.id}`));
        await tx.execute(sql.raw('alter table audit_log enable trigger audit_log_append_only'));
      }),
    );
    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      new RegExp(
        `^onemap: 审计日志不完整：第 ${victim.seq} 条（id ${victim.id}，\\d{4}/\\d{1,2}/\\d{1,2} [\\d:]+（北京时间））内容与其散列不符（记录被改动）\\n$`,
      ),
    );
    expect((await runCli(['audit', 'check'], env)).stderr).toMatch(/未知子命令 "check"/);
  }, 300_000);

  it("restores another database's backup over this log, keeping it, and names the file holding the backup's audit rows", async () => {
    // Another copy of the fixture whose log went its own way.
    const other = kind === 'postgres' ? await openFixtureDatabase('postgres') : null;
    const otherEnv = other ? { DATABASE_URL: other.url! } : { ONEMAP_DATA_DIR: await fixtureDataDir() };
    try {
      const otherDb = await openDatabase(other ? { databaseUrl: other.url! } : { dataDir: otherEnv.ONEMAP_DATA_DIR });
      await writeAudit(otherDb.db, null, { action: 'insert', tableName: 'meetings', recordId: 99 });
      await otherDb.close();
      const backup = join(dir, `${kind}.jsonl.gz`);
      const made = await runCli(['backup', '--out', backup], otherEnv);
      expect(made.code, made.stderr).toBe(0);
      const before = await withDb(({ db }) => db.select().from(s.auditLog).orderBy(s.auditLog.seq));
      const restore = await runCli(['restore', backup, '--force'], env);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stderr).toMatch(/审计日志：本库原有记录全部保留；备份中 \d+ 条，已在本库 \d+ 条，导入 0 条/);
      const named = /另有 1 条审计记录无法接续本库的散列链，未导入，已原样另存到 (\S+)\n/.exec(restore.stderr);
      expect(named?.[1]).toMatch(
        new RegExp(`^${backup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.audit-not-restored-\\d{8}T\\d{6}Z\\.jsonl$`),
      );
      expect(JSON.parse(readFileSync(named![1]!, 'utf8'))).toMatchObject({
        action: 'insert',
        table_name: 'meetings',
        record_id: '99',
      });
      const after = await withDb(({ db }) => db.select().from(s.auditLog).orderBy(s.auditLog.seq));
      expect(after.slice(0, -1)).toEqual(before);
      expect(after.at(-1)).toMatchObject({ action: 'restore', tableName: 'database' });
    } finally {
      await other?.dispose();
    }
  }, 300_000);
});
