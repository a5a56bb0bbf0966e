/**
 * A backup for the browser (the accounts duty): a fresh one written now to a temporary file, or
 * one of the scheduled backups by name. Audited: who took a copy of everything, and when — a
 * backup holds every user's password hash and the whole audit log.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Actor } from '../auth/roles.ts';
import { BadInputError } from '../errors.ts';
import { BACKUP_WORDS } from './backupWords.ts';
import { backupFileName, listBackupFiles } from './backupFiles.ts';
import { writeBackup } from './writeBackup.ts';

export interface PreparedDownload {
  path: string;
  fileName: string;
  /** Delete the file once sent (a fresh backup); a scheduled one stays. */
  temporary: boolean;
}

export async function prepareBackupDownload(
  db: Db,
  databaseKind: string,
  actor: Actor,
  options: { backupsDir: string; file?: string | null },
): Promise<PreparedDownload> {
  if (options.file) {
    // Only a name from the list: never a path the request made up.
    const found = (await listBackupFiles(options.backupsDir)).find((f) => f.name === options.file);
    if (!found) throw new BadInputError(BACKUP_WORDS.noScheduledBackup(options.file));
    await writeAudit(db, actor, {
      action: 'download',
      tableName: 'backups',
      recordId: found.name,
      after: { file: found.name, bytes: found.bytes, scheduled: true },
    });
    return { path: found.path, fileName: found.name, temporary: false };
  }
  const fileName = backupFileName(new Date());
  const path = join(tmpdir(), `onemap-download-${randomBytes(8).toString('hex')}.jsonl.gz`);
  const summary = await writeBackup(db, databaseKind, path);
  await writeAudit(db, actor, {
    action: 'download',
    tableName: 'backups',
    recordId: fileName,
    after: { file: fileName, tables: summary.tables.length, rows: summary.rows, scheduled: false },
  });
  return { path, fileName, temporary: true };
}
