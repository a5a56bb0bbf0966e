/** The card that opens beside the map: a title, a subtitle, a close button, and its content. */
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';

export function SideCard({
  title,
  subtitle,
  testId,
  onClose,
  children,
}: {
  title: string;
  subtitle: ReactNode;
  testId: string;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <aside className="card" aria-label={title} data-testid={testId}>
      <header>
        <div>
          <h2>{title}</h2>
          <p className="muted small">{subtitle}</p>
        </div>
        <button type="button" className="close" aria-label={t('card.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
