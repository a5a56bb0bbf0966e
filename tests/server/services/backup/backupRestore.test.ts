/** Backup and restore round-trip every row of every table, on both databases and between them. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../../data/schema/index.ts';
import type { Db } from '../../../../server/db/connection.ts';
import { queryRows } from '../../../../server/db/rows.ts';
import { verifyAuditChain } from '../../../../server/services/audit/auditChain.ts';
import { restoreBackup } from '../../../../server/services/backup/restoreBackup.ts';
import { describeRecordTables } from '../../../../server/services/backup/tables.ts';
import { writeBackup } from '../../../../server/services/backup/writeBackup.ts';
import { importLedger } from '../../../../server/services/ledger/importLedger.ts';
import { FIXTURE_AS_OF } from '../../../support/constants.ts';
import {
  availableBackends,
  openEmptyDatabase,
  openFixtureDatabase,
  type TestDatabase,
} from '../../../support/databases.ts';
import { csvFile, goodRows, snapshot } from '../../../support/ledgers.ts';
import { saidOf } from '../../../../shared/language/said.ts';

const dir = mkdtempSync(join(tmpdir(), 'onemap-backup-'));

/** Every row of every table (but the revision counter), as PostgreSQL renders it, in key order. */
async function everyRow(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of await describeRecordTables(db)) {
    if (t.name === 'data_revision') continue;
    const order = (t.primaryKey.length ? t.primaryKey : t.columns).map((c) => `"${c}"`).join(', ');
    const rows = await queryRows<{ r: string }>(
      db,
      sql.raw(`select to_jsonb(t)::text as r from "${t.name}" t order by ${order}`),
    );
    out[t.name] = rows.map((r) => JSON.parse(r.r) as unknown);
  }
  return out;
}

/**
 * The audit log is append-only: a restore keeps the target's rows and appends one row for itself,
 * so the backed-up rows come back followed by that row, and the chain still verifies.
 */
async function expectRestoredAudit(
  db: Db,
  restored: Record<string, unknown[]>,
  kept: unknown[],
  fromBackup: unknown[],
) {
  const { audit_log: audit, ...rest } = restored;
  const log = audit as { action: string; after: { audit: { imported: number } } }[];
  expect(log.slice(0, -1)).toEqual([...kept, ...fromBackup]);
  expect(log.at(-1)).toMatchObject({
    action: 'restore',
    table_name: 'database',
    after: { audit: { imported: fromBackup.length } },
  });
  expect(await verifyAuditChain(db)).toEqual({ intact: true, rows: log.length });
  return rest;
}

function withoutAudit(rows: Record<string, unknown[]>) {
  const { audit_log: _audit, ...rest } = rows;
  return rest;
}

function withoutRevision(s: Awaited<ReturnType<typeof snapshot>>) {
  const { revision: _revision, ...rest } = s;
  return rest;
}

/** What a restore of `s` into an empty database gives: the same, and the restore's own audit row. */
function afterRestore(s: Awaited<ReturnType<typeof snapshot>>) {
  const rest = withoutRevision(s);
  return { ...rest, counts: { ...rest.counts, audit_log: rest.counts.audit_log! + 1 } };
}

describe.each(availableBackends())('backup and restore (%s)', (kind) => {
  let fixture: TestDatabase;
  let path: string;
  let expected: Awaited<ReturnType<typeof snapshot>>;
  let rows: Record<string, unknown[]>;
  // A backup of a small ledger (eight compounds, an account, an audit row, review settings) for the
  // refusals and the forced replace: what they prove holds for any backup, and restoring (or rolling
  // back) the whole fixture city twice more on each database cost most of this file's time.
  let small: { path: string; expected: Awaited<ReturnType<typeof snapshot>>; rows: Record<string, unknown[]> };
  beforeAll(async () => {
    fixture = await openFixtureDatabase(kind);
    // (PGlite restores ≈ 40,000 rows in 15 s on an idle machine; several times that under load.)
    // Something in every table the fixture leaves empty: users, the audit log, review settings.
    await fixture.db
      .insert(schema.users)
      .values({ username: 'admin', displayName: '管理员', role: 'admin', passwordHash: 'x' });
    await fixture.db
      .insert(schema.auditLog)
      .values({ action: 'update', tableName: 'compounds', recordId: '1', before: { a: 1 }, after: { a: [2, '三'] } });
    await fixture.db
      .insert(schema.reviewSettings)
      .values({ key: 'rules', value: { composite: { weights: { petitionRate: 2 } } } });
    path = join(dir, `${kind}.jsonl.gz`);
    const summary = await writeBackup(fixture.db, kind, path);
    expect(summary.tables.length).toBeGreaterThanOrEqual(19);
    expected = await snapshot(fixture.db, FIXTURE_AS_OF);
    rows = await everyRow(fixture.db);

    const source = await openEmptyDatabase(kind);
    try {
      await importLedger(source.db, csvFile(goodRows(8, 'S')), { crs: 'wgs84', dryRun: false, today: FIXTURE_AS_OF });
      await source.db
        .insert(schema.users)
        .values({ username: 'admin', displayName: '管理员', role: 'admin', passwordHash: 'x' });
      await source.db
        .insert(schema.reviewSettings)
        .values({ key: 'rules', value: { composite: { weights: { petitionRate: 2 } } } });
      const smallPath = join(dir, `${kind}-small.jsonl.gz`);
      await writeBackup(source.db, kind, smallPath);
      small = { path: smallPath, expected: await snapshot(source.db, FIXTURE_AS_OF), rows: await everyRow(source.db) };
    } finally {
      await source.dispose();
    }
    expect(small.rows.compounds).toHaveLength(8);
    expect(small.rows.audit_log!.length).toBeGreaterThan(0);
  });
  afterAll(() => fixture?.dispose());

  it('restores into an empty database: identical exports, row counts and rows; sequences continue', async () => {
    const target = await openEmptyDatabase(kind);
    try {
      await restoreBackup(target.db, path, { force: false });
      expect(withoutRevision(await snapshot(target.db, FIXTURE_AS_OF))).toEqual(afterRestore(expected));
      expect(await expectRestoredAudit(target.db, await everyRow(target.db), [], rows.audit_log!)).toEqual(
        withoutAudit(rows),
      );
      expect(rows.audit_log!.length).toBeGreaterThan(0);
      expect(rows.compounds!.length).toBe(347);
      expect(rows.users!.length, 'the accounts travel with the backup').toBeGreaterThan(0);
      const [meeting] = await target.db
        .insert(schema.meetings)
        .values({ compoundId: 1, heldOn: '2026-11-25', attendees: 5 })
        .returning();
      expect(meeting!.id).toBe(rows.meetings!.length + 1);
    } finally {
      await target.dispose();
    }
  }, 300_000);

  it.runIf(kind === 'pglite' && availableBackends().includes('postgres'))(
    'restores a PGlite backup into PostgreSQL identically',
    async () => {
      const target = await openEmptyDatabase('postgres');
      try {
        await restoreBackup(target.db, path, { force: false });
        expect(withoutRevision(await snapshot(target.db, FIXTURE_AS_OF))).toEqual(afterRestore(expected));
        expect(await expectRestoredAudit(target.db, await everyRow(target.db), [], rows.audit_log!)).toEqual(
          withoutAudit(rows),
        );
      } finally {
        await target.dispose();
      }
    },
    300_000,
  );

  it("refuses a database holding data unless forced, then replaces everything but its audit log, setting the backup's log aside", async () => {
    const target = await openEmptyDatabase(kind);
    try {
      await importLedger(target.db, csvFile(goodRows(5)), { crs: 'wgs84', dryRun: false, today: FIXTURE_AS_OF });
      const before = await snapshot(target.db, FIXTURE_AS_OF);
      const auditBefore = (await everyRow(target.db)).audit_log!;
      expect(auditBefore.length).toBeGreaterThan(0);
      await expect(restoreBackup(target.db, small.path, { force: false })).rejects.toThrow(/已有数据.*--force/);
      expect(await snapshot(target.db, FIXTURE_AS_OF)).toEqual(before);
      const sideFile = join(dir, `${kind}-force-audit.jsonl`);
      const summary = await restoreBackup(target.db, small.path, { force: true, auditSideFile: sideFile });
      // The two logs began apart: the target's rows stay, the backup's are kept verbatim beside it.
      expect(summary.audit).toEqual({
        inBackup: small.rows.audit_log!.length,
        alreadyPresent: 0,
        imported: 0,
        setAside: small.rows.audit_log!.length,
        sideFile,
      });
      expect(await expectRestoredAudit(target.db, await everyRow(target.db), auditBefore, [])).toEqual(
        withoutAudit(small.rows),
      );
      const setAside = readFileSync(sideFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown);
      expect(setAside).toEqual(small.rows.audit_log);
      // The revision moves past both the old and the restored value: caches cannot mistake the data.
      expect((await snapshot(target.db, FIXTURE_AS_OF)).revision).toBeGreaterThan(
        Math.max(before.revision, small.expected.revision),
      );
    } finally {
      await target.dispose();
    }
  }, 300_000);

  it('refuses a backup of another schema version, a truncated file and a file that is no backup, changing nothing', async () => {
    const target = await openEmptyDatabase(kind);
    try {
      await importLedger(target.db, csvFile(goodRows(5)), { crs: 'wgs84', dryRun: false, today: FIXTURE_AS_OF });
      const before = await snapshot(target.db, FIXTURE_AS_OF);
      const lines = gunzipSync(readFileSync(small.path)).toString('utf8').split('\n');
      const header = JSON.parse(lines[0]!) as { schema: { migrations: unknown[] } };
      header.schema.migrations.push({ tag: '0099_future', hash: 'f'.repeat(64) });
      const other = join(dir, `${kind}-other.gz`);
      writeFileSync(other, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
      await expect(restoreBackup(target.db, other, { force: true })).rejects.toThrow(/结构版本.*0099_future/);

      const truncated = join(dir, `${kind}-truncated.gz`);
      writeFileSync(truncated, gzipSync(lines.slice(0, Math.floor(lines.length * 0.8)).join('\n')));
      await expect(restoreBackup(target.db, truncated, { force: true })).rejects.toThrow(/不完整/);

      const junk = join(dir, `${kind}-junk.gz`);
      writeFileSync(junk, 'hello');
      await expect(restoreBackup(target.db, junk, { force: true })).rejects.toThrow(/不是有效的 OneMap 备份文件/);
      await expect(restoreBackup(target.db, join(dir, 'missing.gz'), { force: true })).rejects.toThrow(/无法读取/);

      // The same refusals in English, for a reader in English (issue 21).
      const inEnglish = async (file: string) =>
        saidOf(await restoreBackup(target.db, file, { force: true }).catch((error: unknown) => error))?.en;
      expect(await inEnglish(other)).toMatch(
        /^The backup's database structure differs from this database's, so it cannot be restored: the backup has 0099_future \(\d+ migrations\), this database \S+ \(\d+ migrations\)\. Restore it with the OneMap version that wrote it$/,
      );
      expect(await inEnglish(truncated)).toMatch(/^The backup file \S+ is incomplete \(/);
      expect(await inEnglish(junk)).toBe(`${junk} is not a valid OneMap backup file (not gzip-compressed)`);
      const missing = join(dir, 'missing.gz');
      expect(await inEnglish(missing)).toBe(`Cannot read the backup file ${missing} (ENOENT)`);
      expect(await snapshot(target.db, FIXTURE_AS_OF)).toEqual(before);
    } finally {
      await target.dispose();
    }
  }, 300_000);
});
