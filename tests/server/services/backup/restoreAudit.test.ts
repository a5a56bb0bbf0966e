/**
 * A restore never silently drops audit rows: the target's rows stay, the backup's rows come in
 * when they continue the target's chain, and otherwise go verbatim to a side file the restore
 * names; the chain verifies afterwards. (Backups here carry the audit log, users and townships only — the
 * other tables empty — so each restore takes a moment.)
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as s from '../../../../data/schema/index.ts';
import type { Db } from '../../../../server/db/connection.ts';
import { verifyAuditChain } from '../../../../server/services/audit/auditChain.ts';
import { writeAudit } from '../../../../server/services/audit/auditLog.ts';
import { restoreBackup } from '../../../../server/services/backup/restoreBackup.ts';
import { writeBackup } from '../../../../server/services/backup/writeBackup.ts';
import { availableBackends, openFixtureDatabase, type TestDatabase } from '../../../support/databases.ts';

const dir = mkdtempSync(join(tmpdir(), 'onemap-restore-audit-'));
const KEPT = new Set(['audit_log', 'users', 'cities', 'townships', 'data_revision']);

/** The backup of `db`, with every table but the audit log and users emptied (restores fast). */
async function auditBackup(
  db: Db,
  kind: string,
  name: string,
  edit?: (row: Record<string, unknown>) => void,
): Promise<string> {
  const path = join(dir, `${kind}-${name}.jsonl.gz`);
  await writeBackup(db, kind, path);
  const lines = gunzipSync(readFileSync(path)).toString('utf8').trimEnd().split('\n');
  const header = JSON.parse(lines[0]!) as { tables: { name: string; rows: number }[] };
  header.tables = header.tables.map((t) => (KEPT.has(t.name) ? t : { ...t, rows: 0 }));
  const out = [JSON.stringify(header)];
  let table = '';
  for (const line of lines.slice(1)) {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    if (typeof parsed.table === 'string' && typeof parsed.rows === 'number' && Object.keys(parsed).length === 2) {
      table = parsed.table;
      out.push(JSON.stringify(KEPT.has(table) ? parsed : { table, rows: 0 }));
    } else if (parsed.end) {
      out.push(line);
    } else if (KEPT.has(table)) {
      if (table === 'audit_log') edit?.(parsed);
      out.push(JSON.stringify(parsed));
    }
  }
  writeFileSync(path, gzipSync(out.join('\n') + '\n'));
  return path;
}

const auditRows = (db: Db) => db.select().from(s.auditLog).orderBy(s.auditLog.seq);

describe.each(availableBackends())('what a restore does with the audit log (%s)', (kind) => {
  // Two copies of the fixture: the same audit log, row for row and hash for hash.
  let source: TestDatabase;
  let target: TestDatabase;
  beforeEach(async () => {
    source = await openFixtureDatabase(kind);
    target = await openFixtureDatabase(kind);
    expect((await auditRows(target.db)).map((r) => r.hash)).toEqual((await auditRows(source.db)).map((r) => r.hash));
  });
  afterEach(async () => {
    await source?.dispose();
    await target?.dispose();
  }, 300_000);

  it('imports the rows of a backup that grew from this log, after the ones already here', async () => {
    const here = await auditRows(target.db);
    for (let i = 0; i < 2; i++)
      await writeAudit(source.db, null, {
        action: 'insert',
        tableName: 'meetings',
        recordId: i,
        after: { attendees: 10 + i },
      });
    const backup = await auditBackup(source.db, kind, 'grown');
    const grown = await auditRows(source.db);
    const summary = await restoreBackup(target.db, backup, { force: true });
    expect(summary.audit).toEqual({
      inBackup: grown.length,
      alreadyPresent: here.length,
      imported: 2,
      setAside: 0,
      sideFile: null,
    });
    const after = await auditRows(target.db);
    expect(after.slice(0, -1)).toEqual(grown);
    expect(after.at(-1)).toMatchObject({ action: 'restore', tableName: 'database', userId: null });
    expect(await verifyAuditChain(target.db)).toEqual({ intact: true, rows: grown.length + 1 });
  }, 300_000);

  it('keeps every row written since an older backup, importing nothing and setting nothing aside', async () => {
    const backup = await auditBackup(target.db, kind, 'older');
    for (let i = 0; i < 3; i++)
      await writeAudit(target.db, null, { action: 'update', tableName: 'compounds', recordId: i });
    const before = await auditRows(target.db);
    const summary = await restoreBackup(target.db, backup, { force: true });
    expect(summary.audit).toMatchObject({
      imported: 0,
      setAside: 0,
      sideFile: null,
      alreadyPresent: before.length - 3,
    });
    expect((await auditRows(target.db)).slice(0, -1)).toEqual(before);
    expect(await verifyAuditChain(target.db)).toEqual({ intact: true, rows: before.length + 1 });
  }, 300_000);

  it('sets aside, verbatim and in a named file, backup rows whose chain does not hold (an edited row)', async () => {
    for (let i = 0; i < 2; i++)
      await writeAudit(source.db, null, { action: 'insert', tableName: 'meetings', recordId: i });
    const last = (await auditRows(source.db)).at(-1)!;
    const backup = await auditBackup(source.db, kind, 'edited', (row) => {
      if (row.id === last.id) row.record_id = 'changed';
    });
    const here = await auditRows(target.db);
    const sideFile = join(dir, `${kind}-edited-aside.jsonl`);
    const summary = await restoreBackup(target.db, backup, { force: true, auditSideFile: sideFile });
    expect(summary.audit).toMatchObject({ imported: 0, setAside: 2, sideFile });
    const aside = readFileSync(sideFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(aside.map((r) => [r.seq, r.record_id, r.hash])).toEqual([
      [here.length + 1, '0', expect.any(String)],
      [here.length + 2, 'changed', last.hash],
    ]);
    expect((await auditRows(target.db)).slice(0, -1)).toEqual(here);
    expect((await auditRows(target.db)).at(-1)!.after).toMatchObject({ audit: { setAside: 2, sideFile } });
    expect(await verifyAuditChain(target.db)).toMatchObject({ intact: true });
  }, 300_000);

  it('refuses the restore, changing nothing, when the side file cannot be written', async () => {
    await writeAudit(target.db, null, { action: 'update', tableName: 'compounds', recordId: 1 });
    const backup = await auditBackup(source.db, kind, 'diverged');
    await writeAudit(source.db, null, { action: 'insert', tableName: 'meetings', recordId: 2 });
    const diverged = await auditBackup(source.db, kind, 'diverged2');
    const before = await auditRows(target.db);
    const [compounds] = await target.db.select({ id: s.compounds.id }).from(s.compounds).limit(1);
    const nowhere = join(dir, 'no', 'such', 'dir', 'aside.jsonl');
    await expect(restoreBackup(target.db, diverged, { force: true, auditSideFile: nowhere })).rejects.toThrow(
      /无法写入.*--audit-out/,
    );
    expect(existsSync(nowhere)).toBe(false);
    expect(await auditRows(target.db)).toEqual(before);
    expect(await target.db.select({ id: s.compounds.id }).from(s.compounds).limit(1)).toEqual([compounds]);
    // A backup whose rows are all here already needs no side file.
    expect((await restoreBackup(target.db, backup, { force: true, auditSideFile: nowhere })).audit).toMatchObject({
      setAside: 0,
    });
  }, 300_000);
});
