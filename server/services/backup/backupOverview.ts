/**
 * What the backups section of /admin shows: the schedule and how many are kept (settings from
 * the environment, see backupFiles.ts), the scheduled backups with size and time, and the exact
 * restore command — restoring replaces everything, so it stays a command-line operation.
 */
import { backupSettingsFromEnv, describeSchedule, listBackupFiles } from './backupFiles.ts';
import type { Locale } from '../../../shared/language/index.ts';

export interface BackupOverview {
  dir: string;
  schedule: string;
  scheduled: boolean;
  keep: number;
  files: { name: string; bytes: number; at: string }[];
  /** With the embedded database the server must be stopped first: it holds the data directory. */
  embedded: boolean;
  restoreCommand: string;
}

export async function backupOverview(
  databaseKind: string,
  env: NodeJS.ProcessEnv = process.env,
  /** The reader's language: the command's placeholder file name is written in it. */
  locale: Locale = 'zh-CN',
): Promise<BackupOverview> {
  const settings = backupSettingsFromEnv(env);
  const files = await listBackupFiles(settings.dir);
  const embedded = databaseKind === 'pglite';
  const place = embedded ? `ONEMAP_DATA_DIR=${env.ONEMAP_DATA_DIR || './var/db'} ` : 'DATABASE_URL=postgres://… ';
  return {
    dir: settings.dir,
    schedule: describeSchedule(settings.schedule),
    scheduled: settings.schedule !== null,
    keep: settings.keep,
    files: files.map(({ name, bytes, at }) => ({ name, bytes, at })),
    embedded,
    restoreCommand: `${place}node bin/onemap.js restore ${locale === 'en' ? 'BACKUP-FILE' : '备份文件'}.jsonl.gz --force`,
  };
}
