/**
 * Backups the server keeps: the folder (ONEMAP_BACKUP_DIR, else the data directory's `backups`),
 * the schedule (ONEMAP_BACKUP_SCHEDULE: a daily time 'HH:MM' in Asia/Shanghai, or 'off', the
 * default) and how many to keep (ONEMAP_BACKUP_KEEP, default 7). A backup file is named after its
 * time in Shanghai, `onemap-2026-12-05-0230.jsonl.gz`, like the README's `onemap backup` examples.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BadInputError } from '../errors.ts';
import { BACKUP_WORDS } from './backupWords.ts';

export const DEFAULT_BACKUP_KEEP = 7;
export const MAX_BACKUP_KEEP = 365;
const FILE_NAME = /^onemap-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})?\.jsonl\.gz$/;

export interface BackupSchedule {
  hour: number;
  minute: number;
}

export interface BackupSettings {
  dir: string;
  schedule: BackupSchedule | null;
  keep: number;
}

/** '02:30' → every day at 02:30 (Shanghai); '' / 'off' / undefined → null. */
export function parseBackupSchedule(text: string | undefined): BackupSchedule | null {
  const value = (text ?? '').trim().toLowerCase();
  if (value === '' || value === 'off') return null;
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m) throw new BadInputError(BACKUP_WORDS.badSchedule(text));
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

export function parseBackupKeep(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_BACKUP_KEEP;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_BACKUP_KEEP)
    throw new BadInputError(BACKUP_WORDS.badKeep(text, MAX_BACKUP_KEEP));
  return n;
}

export function backupSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BackupSettings {
  const dir = env.ONEMAP_BACKUP_DIR || join(env.ONEMAP_DATA_DIR || './var/db', 'backups');
  return {
    dir: resolve(dir),
    schedule: parseBackupSchedule(env.ONEMAP_BACKUP_SCHEDULE),
    keep: parseBackupKeep(env.ONEMAP_BACKUP_KEEP),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function describeSchedule(schedule: BackupSchedule | null): string {
  return schedule ? `每天 ${pad(schedule.hour)}:${pad(schedule.minute)}` : '未开启';
}

/** `onemap-2026-12-05-023000.jsonl.gz`: the instant in Shanghai, to the second (two in a minute do not collide). */
export function backupFileName(at: Date): string {
  const shanghai = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `onemap-${shanghai.slice(0, 10)}-${shanghai.slice(11, 19).replaceAll(':', '')}.jsonl.gz`;
}

export interface BackupFile {
  name: string;
  path: string;
  bytes: number;
  /** When the file was written, ISO. */
  at: string;
}

/** The backups in `dir`, newest first; none when the folder does not exist yet. */
export async function listBackupFiles(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = await Promise.all(
    names
      .filter((name) => FILE_NAME.test(name))
      .map(async (name) => {
        const info = await stat(join(dir, name));
        return { name, path: join(dir, name), bytes: info.size, at: info.mtime.toISOString() };
      }),
  );
  return files.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** Deletes all but the `keep` newest backups; the names deleted. */
export async function pruneBackupFiles(dir: string, keep: number): Promise<string[]> {
  const old = (await listBackupFiles(dir)).slice(keep);
  for (const file of old) await rm(file.path, { force: true });
  return old.map((f) => f.name);
}
