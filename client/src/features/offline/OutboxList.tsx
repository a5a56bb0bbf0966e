/**
 * 待上传: what this phone holds that the server has not got yet, in the order it will be sent. An
 * entry the server refused shows why, and can be reopened in its form to correct it, or dropped.
 */
import { useI18n } from '../../i18n/index.tsx';
import { dropEntry, type OutboxEntry } from './outbox.ts';
import './offline.css';

export function OutboxList({
  entries,
  onReopen,
}: {
  entries: readonly OutboxEntry[];
  onReopen(entry: OutboxEntry): void;
}) {
  const { t } = useI18n();
  if (entries.length === 0) return null;
  return (
    <section className="outbox" aria-live="polite" data-testid="outbox">
      <h4>{t('outbox.title', { count: entries.length })}</h4>
      <p className="muted small">{t('outbox.hint')}</p>
      <ul>
        {entries.map((e) => (
          <li key={e.id} className={e.error ? 'refused' : ''} data-testid="outbox-entry">
            <span className={`badge ${e.error ? 'badge-error' : 'badge-approx'}`}>
              {e.error ? t('outbox.refused') : t('outbox.pending')}
            </span>{' '}
            <span>{e.label}</span>
            {e.files.length > 0 && (
              <span className="muted small"> · {t('outbox.files', { count: e.files.length - e.uploaded })}</span>
            )}
            {e.error && (
              <p className="form-result error" role="alert" data-testid="outbox-error">
                {e.error}
              </p>
            )}
            <span className="outbox-actions">
              {e.ownerId === undefined && (
                <button type="button" className="button" onClick={() => onReopen(e)} data-testid="outbox-reopen">
                  {t('outbox.reopen')}
                </button>
              )}
              <button type="button" className="button" onClick={() => void dropEntry(e.id)} data-testid="outbox-drop">
                {t('outbox.drop')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
