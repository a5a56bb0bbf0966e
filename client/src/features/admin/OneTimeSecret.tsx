/**
 * A secret the server made and shows only this once (a one-time password, a wall's address):
 * in a box with a copy button and a line saying it will not be shown again.
 */
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';

export function OneTimeSecret({
  title,
  value,
  testId,
  note,
  children,
  onDone,
}: {
  title: string;
  value: string;
  testId: string;
  /** What to do with it; by default, hand it to its person. */
  note?: string;
  children?: ReactNode;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="one-time-secret" role="status" data-testid={testId}>
      <strong>{title}</strong>
      <code data-testid={`${testId}-value`}>{value}</code>
      <div className="one-time-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('accounts.copied') : t('accounts.copy')}
        </button>
        <button type="button" className="button" onClick={onDone} data-testid={`${testId}-done`}>
          {t('accounts.secretDone')}
        </button>
      </div>
      <span className="muted small">{note ?? t('accounts.shownOnce')}</span>
      {children}
    </div>
  );
}
