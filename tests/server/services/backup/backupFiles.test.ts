/**
 * The backup settings a person writes in the environment, read or refused in one Chinese line;
 * backup file names in Shanghai time; the next run of the daily schedule across midnight.
 */
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupSettingsFromEnv,
  parseBackupKeep,
  parseBackupSchedule,
} from '../../../../server/services/backup/backupFiles.ts';
import { nextBackupAt } from '../../../../server/services/backup/backupScheduler.ts';

describe('backup settings', () => {
  it('reads a daily time or off, and how many to keep; refuses anything else in Chinese', () => {
    expect(parseBackupSchedule('02:30')).toEqual({ hour: 2, minute: 30 });
    expect(parseBackupSchedule(' 23:05 ')).toEqual({ hour: 23, minute: 5 });
    expect(parseBackupSchedule(undefined)).toBeNull();
    expect(parseBackupSchedule('off')).toBeNull();
    expect(() => parseBackupSchedule('24:00')).toThrow('定时备份设置无效：24:00');
    expect(() => parseBackupSchedule('daily')).toThrow('如 02:30');
    expect(parseBackupKeep(undefined)).toBe(7);
    expect(parseBackupKeep('30')).toBe(30);
    expect(() => parseBackupKeep('0')).toThrow('保留备份份数设置无效');
    expect(() => parseBackupKeep('2.5')).toThrow('1–365');
  });

  it('puts backups in the data directory’s backups folder unless told otherwise', () => {
    expect(backupSettingsFromEnv({ ONEMAP_DATA_DIR: '/srv/onemap/db' }).dir).toBe('/srv/onemap/db/backups');
    expect(backupSettingsFromEnv({ ONEMAP_DATA_DIR: '/x', ONEMAP_BACKUP_DIR: '/backups' }).dir).toBe('/backups');
  });

  it('names a backup by its time in Shanghai and plans the next run across midnight', () => {
    // 17:50 UTC on the 4th is 01:50 on the 5th in Shanghai.
    expect(backupFileName(new Date('2026-12-04T17:50:09Z'))).toBe('onemap-2026-12-05-015009.jsonl.gz');
    const schedule = { hour: 2, minute: 30 };
    expect(nextBackupAt(schedule, new Date('2026-12-04T17:50:00Z')).toISOString()).toBe('2026-12-04T18:30:00.000Z');
    expect(nextBackupAt(schedule, new Date('2026-12-04T18:30:00Z')).toISOString()).toBe('2026-12-05T18:30:00.000Z');
  });
});
