/**
 * Backups on /admin (the accounts duty: a backup holds every password hash and the audit log).
 * "立即下载备份" downloads a fresh backup as a plain HTTP download (GET /api/backup, streamed from
 * a file: a city's backup can be large); the scheduled backups are listed with size and time, each
 * downloadable. Restoring replaces everything, so it stays on the command line: the exact command
 * is shown.
 */
import { useQuery } from '@tanstack/react-query';
import { shanghaiDateTime } from '../../../../shared/time/dates.ts';
import { trpc } from '../../app/trpc.ts';
import { useI18n, type Locale } from '../../i18n/index.tsx';
import './adminAccounts.css';

const BACKUP_URL = '/api/backup';

/** A backup's download link; in English it asks for its refusals in English (a link sends no language header). */
function backupUrl(locale: Locale, file: string | null = null): string {
  const query = new URLSearchParams();
  if (file !== null) query.set('file', file);
  if (locale === 'en') query.set('lang', 'en');
  const text = query.toString();
  return text ? `${BACKUP_URL}?${text}` : BACKUP_URL;
}

function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function BackupsPanel() {
  const { t, locale } = useI18n();
  const overview = useQuery(trpc.admin.backups.queryOptions());
  const o = overview.data;
  return (
    <section className="panel backups-panel" data-testid="backups">
      <div className="page-bar">
        <h3>{t('backups.title')}</h3>
        <a className="button primary" href={backupUrl(locale)} data-testid="backup-download">
          {t('backups.downloadNow')}
        </a>
      </div>
      <p className="muted small">{t('backups.downloadHint')}</p>
      {overview.error && <p className="form-result error">{overview.error.message}</p>}
      {o && (
        <>
          <h4>{t('backups.scheduled')}</h4>
          <p className="small" data-testid="backup-schedule">
            {o.scheduled
              ? t('backups.scheduleOn', { schedule: o.schedule, keep: o.keep, dir: o.dir })
              : t('backups.scheduleOff', { dir: o.dir })}
          </p>
          {o.files.length > 0 ? (
            <table className="data backups-table">
              <thead>
                <tr>
                  <th>{t('backups.file')}</th>
                  <th>{t('backups.at')}</th>
                  <th className="num">{t('backups.size')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {o.files.map((f) => (
                  <tr key={f.name} data-testid="backup-file">
                    <td>{f.name}</td>
                    <td>{shanghaiDateTime(f.at)}</td>
                    <td className="num">{describeBytes(f.bytes)}</td>
                    <td>
                      <a href={backupUrl(locale, f.name)}>{t('backups.download')}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted small">{t('backups.none')}</p>
          )}
          <h4>{t('backups.restoreTitle')}</h4>
          <p className="small">{t(o.embedded ? 'backups.restoreEmbedded' : 'backups.restorePostgres')}</p>
          <pre className="backup-command" data-testid="restore-command">
            {o.restoreCommand}
          </pre>
          <p className="muted small">{t('backups.restoreNote')}</p>
        </>
      )}
    </section>
  );
}
