/**
 * Scheduled backups inside the server (ONEMAP_BACKUP_SCHEDULE, off by default): every day at the
 * set time in Asia/Shanghai a backup is written to the backups folder and all but the newest
 * ONEMAP_BACKUP_KEEP are deleted. Inside the server because the embedded database belongs to one
 * process: `onemap backup` from cron would have to stop the server (README § Backups on a schedule).
 * The clock is injected (reviewScheduler.ts) so tests move time without sleeping.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../db/connection.ts';
import { log } from '../../log/logger.ts';
import { addDays, todayInCity } from '../../../shared/time/dates.ts';
import { systemClock, type SchedulerClock } from '../review/reviewScheduler.ts';
import { backupFileName, pruneBackupFiles, type BackupSchedule } from './backupFiles.ts';
import { writeBackup } from './writeBackup.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The next time at or after `now` the schedule is due. */
export function nextBackupAt(schedule: BackupSchedule, now: Date): Date {
  const today = todayInCity(now);
  const at = (day: string) => new Date(`${day}T${pad(schedule.hour)}:${pad(schedule.minute)}:00+08:00`);
  const due = at(today);
  return due.getTime() > now.getTime() ? due : at(addDays(today, 1));
}

export interface BackupScheduler {
  idle(): Promise<void>;
  stop(): void;
}

export function startBackupScheduler(
  db: Db,
  databaseKind: string,
  settings: { dir: string; schedule: BackupSchedule; keep: number },
  options: { clock?: SchedulerClock; onWritten?: (path: string) => void } = {},
): BackupScheduler {
  const clock = options.clock ?? systemClock;
  let cancel: (() => void) | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function run(): Promise<void> {
    const path = join(settings.dir, backupFileName(clock.now()));
    try {
      await mkdir(settings.dir, { recursive: true, mode: 0o700 });
      const summary = await writeBackup(db, databaseKind, path);
      const pruned = await pruneBackupFiles(settings.dir, settings.keep);
      log.info({ path, rows: summary.rows, pruned }, `定时备份：已写入 ${path}`);
      options.onWritten?.(path);
    } catch (error) {
      log.error({ err: error, path }, '定时备份失败（明天到点再试）');
    }
  }

  function plan(): void {
    if (stopped) return;
    const wait = Math.max(nextBackupAt(settings.schedule, clock.now()).getTime() - clock.now().getTime(), 1000);
    cancel = clock.setTimer(wait, () => {
      running = run().then(plan);
    });
  }

  plan();
  return {
    idle: () => running,
    stop: () => {
      stopped = true;
      cancel?.();
    },
  };
}
