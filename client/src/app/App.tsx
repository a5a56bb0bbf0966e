import { useQuery } from '@tanstack/react-query';
import { TownshipOverview } from '../features/overview/TownshipOverview.tsx';
import { useI18n } from '../i18n/index.tsx';
import { trpc } from './trpc.ts';

export function App() {
  const { t, locale, setLocale } = useI18n();
  const info = useQuery(trpc.system.info.queryOptions());
  const townships = useQuery(trpc.geography.townships.queryOptions());
  const approximate = townships.data?.some((tw) => tw.boundarySource === 'approximate') ?? false;
  return (
    <div className="shell">
      <header className="topbar">
        <h1>
          {t('app.title')} <span className="city">{t('app.city')}</span>
        </h1>
        {info.data?.dataset.source === 'demo' && (
          <span className="badge badge-demo" title={t('app.demoBadgeHint')} data-testid="demo-badge">
            {t('app.demoBadge')}
          </span>
        )}
        {approximate && (
          <span className="badge badge-approx" title={t('app.approximateBoundariesHint')} data-testid="approx-badge">
            {t('app.approximateBoundaries')}
          </span>
        )}
        <span className="spacer" />
        <button type="button" className="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('app.language')}
        </button>
      </header>
      <main>
        {info.error || townships.error ? (
          <p className="message error">{t('app.loadError', { message: (info.error ?? townships.error)!.message })}</p>
        ) : !info.data || !townships.data ? (
          <p className="message">{t('app.loading')}</p>
        ) : (
          <TownshipOverview townships={townships.data} today={info.data.today} />
        )}
      </main>
    </div>
  );
}
