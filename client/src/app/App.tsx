import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { FIRST_WEEK, isoWeekOf, weeksBetween, weekValueDate } from '../../../server/services/time/weeks.ts';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { useI18n } from '../i18n/index.tsx';
import { trpc } from './trpc.ts';

export function App() {
  const { t, locale, setLocale } = useI18n();
  const info = useQuery(trpc.system.info.queryOptions());
  const townships = useQuery(trpc.geography.townships.queryOptions());
  const approximate = townships.data?.some((tw) => tw.boundarySource === 'approximate') ?? false;
  const today = info.data?.today;
  const weeks = useMemo(() => (today ? weeksBetween(FIRST_WEEK, isoWeekOf(today)) : []), [today]);
  const error = info.error ?? townships.error;
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
        {error ? (
          <p className="message error" role="alert">
            {t('app.loadError', { message: error.message })}
          </p>
        ) : !info.data || !townships.data || !today ? (
          <p className="message">{t('app.loading')}</p>
        ) : (
          <DashboardPage townships={townships.data} weeks={weeks} weekDate={(week) => weekValueDate(week, today)} />
        )}
      </main>
    </div>
  );
}
