/**
 * What a restore does with the audit log, which the database keeps append-only and chained:
 *
 *   - the rows this database already holds are always kept (a restore never empties the log);
 *   - the backup's rows that are already here (same position and hash) are skipped;
 *   - the backup's other rows are imported when they continue this database's chain (always the
 *     case for an empty log, or for a log the backup grew from) and their recomputed hashes equal
 *     the backup's; otherwise none of them is imported and all of them are written, as they are
 *     in the backup (one JSON row a line), to a side file the restore names;
 *   - the restore itself is appended as an audit row saying what became of the backup's rows.
 * So no audit row present before a restore is lost without the operator being told, and the
 * chain still verifies afterwards.
 */
import { writeFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';
import { writeAudit } from '../audit/auditLog.ts';
import { BadInputError } from '../errors.ts';
import { BACKUP_WORDS } from './backupWords.ts';

export const AUDIT_TABLE = 'audit_log';
/** Where the backup's audit rows wait while the other tables are restored. */
const INCOMING = 'restore_incoming_audit';

export interface AuditRestoreOutcome {
  /** Rows of the backup's log. */
  inBackup: number;
  /** Of those, already in this database's log. */
  alreadyPresent: number;
  imported: number;
  /** Written to `sideFile` instead of the log. */
  setAside: number;
  sideFile: string | null;
}

/** A temporary table for the backup's audit rows (dropped at the end of the transaction). */
export async function prepareIncomingAudit(db: Db): Promise<string> {
  await db.execute(sql.raw(`create temporary table ${INCOMING} (like ${AUDIT_TABLE}) on commit drop`));
  return INCOMING;
}

export async function settleAudit(
  db: Db,
  options: { sideFile: string; backup: { path: string; createdAt: string; from: string } },
): Promise<AuditRestoreOutcome> {
  // Held to the commit: no other writer can slip a row in between our reading the head and appending.
  const [head] = await queryRows<{ seq: number | string; hash: string }>(
    db,
    sql`select seq, hash from audit_chain_head for update`,
  );
  const headSeq = Number(head?.seq ?? 0);
  const [counts] = await queryRows<{
    in_backup: number | string;
    present: number | string;
    first_new: number | string | null;
    last_new: number | string | null;
    new_rows: number | string;
    clashes: number | string;
  }>(
    db,
    sql.raw(`select count(*) as in_backup,
               count(*) filter (where exists (select 1 from ${AUDIT_TABLE} a where a.seq = b.seq and a.hash = b.hash)) as present,
               min(seq) filter (where seq > ${headSeq}) as first_new, max(seq) filter (where seq > ${headSeq}) as last_new,
               count(*) filter (where seq > ${headSeq}) as new_rows,
               count(*) filter (where seq > ${headSeq} and exists (select 1 from ${AUDIT_TABLE} a where a.id = b.id)) as clashes
             from ${INCOMING} b`),
  );
  const inBackup = Number(counts?.in_backup ?? 0);
  const alreadyPresent = Number(counts?.present ?? 0);
  const newRows = Number(counts?.new_rows ?? 0);
  // The backup grew from this log: every row up to our head is ours, the rest follow on without gaps.
  const continues =
    alreadyPresent === inBackup - newRows &&
    Number(counts?.clashes ?? 0) === 0 &&
    (newRows === 0 || (Number(counts?.first_new) === headSeq + 1 && Number(counts?.last_new) === headSeq + newRows));
  let imported = 0;
  if (continues && newRows > 0) imported = await importContinuation(db, headSeq, newRows);
  const setAside = inBackup - alreadyPresent - imported;
  let sideFile: string | null = null;
  if (setAside > 0) {
    sideFile = options.sideFile;
    const rows = await queryRows<{ r: string }>(
      db,
      sql.raw(`select to_jsonb(b)::text as r from ${INCOMING} b
               where not exists (select 1 from ${AUDIT_TABLE} a where a.seq = b.seq and a.hash = b.hash) order by seq`),
    );
    try {
      await writeFile(sideFile, rows.map((r) => r.r).join('\n') + '\n', { flag: 'wx' });
    } catch (error) {
      // Before anything is committed: without the side file the backup's audit rows would be lost.
      throw new BadInputError(
        BACKUP_WORDS.auditSideFile(
          setAside,
          sideFile,
          (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        ),
      );
    }
  }
  // Past the imported ids, never back (a concurrent writer may hold an id it has not inserted yet).
  await db.execute(
    sql.raw(`select setval(pg_get_serial_sequence('${AUDIT_TABLE}', 'id'), m) from (select max(id) as m from ${AUDIT_TABLE}) x
             where m > (select last_value from ${AUDIT_TABLE}_id_seq)`),
  );
  const outcome = { inBackup, alreadyPresent, imported, setAside, sideFile };
  await writeAudit(db, null, {
    action: 'restore',
    tableName: 'database',
    after: {
      file: options.backup.path,
      createdAt: options.backup.createdAt,
      from: options.backup.from,
      audit: outcome,
    },
  });
  return outcome;
}

/**
 * Appends the backup's following rows (the chain trigger links them to our head), then checks each
 * recomputed hash against the backup's: a row changed in the backup makes them differ, and then
 * the import is undone (savepoint) and the rows go to the side file instead.
 */
async function importContinuation(db: Db, headSeq: number, newRows: number): Promise<number> {
  try {
    await db.transaction(async (sp) => {
      await sp.execute(
        sql.raw(`insert into ${AUDIT_TABLE} select * from ${INCOMING} where seq > ${headSeq} order by seq`),
      );
      const [mismatch] = await queryRows<{ n: number | string }>(
        sp,
        sql.raw(
          `select count(*) as n from ${INCOMING} b left join ${AUDIT_TABLE} a on a.seq = b.seq and a.hash = b.hash where b.seq > ${headSeq} and a.id is null`,
        ),
      );
      if (Number(mismatch?.n ?? 0) > 0) throw new ChainDoesNotContinue();
    });
    return newRows;
  } catch (error) {
    if (error instanceof ChainDoesNotContinue) return 0;
    throw error;
  }
}

class ChainDoesNotContinue extends Error {}

/** Where the backup's unplaced audit rows go unless the operator names a file. */
export function defaultSideFile(backupPath: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${backupPath}.audit-not-restored-${stamp}.jsonl`;
}
