/**
 * Says which township the tiles, figures and drill-throughs are of ("正在查看：陈埭镇"), with the
 * way back to the city and a link to the township's page for the same week.
 */
import { Link } from 'wouter';
import { hrefs } from '../../app/routes.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  township: { code: string; name: string };
  /** The week shown, when not the current one (the township page then opens on it). */
  week: string | null;
  onBackToCity(): void;
}

export function ScopeLine({ township, week, onBackToCity }: Props) {
  const { t } = useI18n();
  return (
    <p className="scope-line" role="status" data-testid="scope-line" data-township={township.code}>
      <strong>{t('scope.viewing', { township: township.name })}</strong>
      <span className="scope-actions">
        <button type="button" className="link" onClick={onBackToCity} data-testid="scope-back">
          {t('scope.backToCity')}
        </button>
        <Link href={hrefs.township(township.code, { week })} data-testid="scope-township-page">
          {t('scope.townshipPage')}
        </Link>
      </span>
    </p>
  );
}
