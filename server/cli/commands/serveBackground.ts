/**
 * The server's background work: the weekly review freeze, the backups, the warning rules and the
 * webhook outbox. Run by exactly one process of a server — the only process, or the primary of
 * several workers (serveWorkers.ts) — so that nothing is frozen, backed up, warned or posted
 * twice.
 */
import type { Database } from '../../db/connection.ts';
import { backupSettingsFromEnv, describeSchedule } from '../../services/backup/backupFiles.ts';
import { startBackupScheduler } from '../../services/backup/backupScheduler.ts';
import { BadInputError } from '../../services/errors.ts';
import { parseReviewSchedule, scheduleName, startReviewScheduler } from '../../services/review/reviewScheduler.ts';
import {
  parseWarningSchedule,
  startWarningScheduler,
  warningScheduleName,
} from '../../services/warnings/warningScheduler.ts';
import { startWebhookOutbox } from '../../services/webhooks/outbox.ts';
import { CliError, type CliIo } from '../command.ts';

export interface BackgroundSettings {
  review: ReturnType<typeof parseReviewSchedule>;
  backups: ReturnType<typeof backupSettingsFromEnv>;
  warnings: ReturnType<typeof parseWarningSchedule>;
}

/** Checked before anything starts, so a mistyped schedule stops the server with its message. */
export function backgroundSettingsFrom(env: NodeJS.ProcessEnv): BackgroundSettings {
  const review = parseReviewSchedule(env.ONEMAP_REVIEW_SCHEDULE);
  let backups: BackgroundSettings['backups'];
  try {
    backups = backupSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof BadInputError) throw new CliError(error.message);
    throw error;
  }
  return { review, backups, warnings: parseWarningSchedule(env.ONEMAP_WARNING_SCHEDULE) };
}

export interface Background {
  /** Stops every job; a freeze or backup under way finishes first. */
  stop(): Promise<void>;
}

export function startBackground(
  database: Database,
  settings: BackgroundSettings,
  io: Pick<CliIo, 'stderr'>,
): Background {
  const { review, backups, warnings } = settings;
  const scheduler = review ? startReviewScheduler(database.db, review) : null;
  if (review) io.stderr.write(`${scheduleName(review)}：每周到点自动标记刚结束的一周为已晾晒\n`);
  const backupScheduler = backups.schedule
    ? startBackupScheduler(database.db, database.kind, { ...backups, schedule: backups.schedule })
    : null;
  if (backups.schedule)
    io.stderr.write(
      `定时备份：${describeSchedule(backups.schedule)}，写入 ${backups.dir}，保留最新 ${backups.keep} 份\n`,
    );
  // Webhook messages queued by any process (the server, the CLI) are posted from here.
  const outbox = startWebhookOutbox(database.db);
  const warningScheduler = warnings ? startWarningScheduler(database.db, warnings) : null;
  if (warnings) io.stderr.write(`${warningScheduleName(warnings)}：启动时及每日到点运行预警规则\n`);
  return {
    async stop() {
      // A scheduled freeze under way finishes before the database closes.
      scheduler?.stop();
      backupScheduler?.stop();
      await scheduler?.idle();
      await backupScheduler?.idle();
      warningScheduler?.stop();
      outbox.stop();
      await warningScheduler?.idle();
      await outbox.idle();
    },
  };
}
