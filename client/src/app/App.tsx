import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { FIRST_WEEK, isoWeekOf, mondayOf, weeksBetween, weekValueDate } from '../../../shared/time/weeks.ts';
import { addDays } from '../../../shared/time/dates.ts';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { hasAdminDuty, useMe } from '../features/auth/session.ts';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { OfflineBanner } from '../features/offline/OfflineBanner.tsx';
import { OutboxSync } from '../features/offline/useOutbox.ts';
import { useI18n } from '../i18n/index.tsx';
import { Link, useLocation } from 'wouter';
import { hrefs, resolveRoute } from './routes.ts';
import { displayToken, redirectToLogin, trpc } from './trpc.ts';
import { WallTokenEnded } from '../features/wall/WallTokenEnded.tsx';
import { TopBar } from './TopBar.tsx';
import { cityName } from './useCity.ts';

// The review screens carry recharts: loaded only when opened, so the map's first view stays small.
const ReviewPage = lazy(() => import('../features/review/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })));
const TownshipPage = lazy(() =>
  import('../features/township/TownshipPage.tsx').then((m) => ({ default: m.TownshipPage })),
);
const WorkbenchPage = lazy(() =>
  import('../features/workbench/WorkbenchPage.tsx').then((m) => ({ default: m.WorkbenchPage })),
);
const ComparePage = lazy(() => import('../features/compare/ComparePage.tsx').then((m) => ({ default: m.ComparePage })));
const CompoundPage = lazy(() =>
  import('../features/compound/CompoundPage.tsx').then((m) => ({ default: m.CompoundPage })),
);
const WallPage = lazy(() => import('../features/wall/WallPage.tsx').then((m) => ({ default: m.WallPage })));
const SupervisionPage = lazy(() =>
  import('../features/supervision/SupervisionPage.tsx').then((m) => ({ default: m.SupervisionPage })),
);
const AdminPage = lazy(() => import('../features/admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));

export function App() {
  const { t, locale } = useI18n();
  const [path] = useLocation();
  const route = useMemo(() => resolveRoute(path), [path]);
  const me = useMe();
  // An administrator's initial password not yet changed: nothing but the change-password form.
  const mustChangePassword = me.data?.mustChangePassword === true;
  const signedIn = Boolean(me.data) && !mustChangePassword;
  // Asked in the same batch as auth.me rather than after it (one round trip less before the first
  // view): most who open a page are signed in. A refusal then is not shown: the session decides.
  const early = signedIn || (me.isPending && route.name !== 'login');
  const info = useQuery({ ...trpc.system.info.queryOptions(), enabled: early });
  const townships = useQuery({ ...trpc.geography.townships.queryOptions(), enabled: early });
  // Nobody signed in: every page but the login page sends the person there first.
  useEffect(() => {
    if (me.isSuccess && me.data === null && route.name !== 'login') redirectToLogin();
  }, [me.isSuccess, me.data, route.name]);
  const approximate = townships.data?.some((tw) => tw.boundarySource === 'approximate') ?? false;
  const today = info.data?.today;
  const weeks = useMemo(() => (today ? weeksBetween(FIRST_WEEK, isoWeekOf(today)) : []), [today]);
  // The review's default week is the last one that has ended.
  const lastEndedWeek = today ? isoWeekOf(addDays(mondayOf(today), -1)) : '';
  const error = me.error ?? (signedIn ? (info.error ?? townships.error) : null);

  // The wall screen has no shell: its own canvas fills the display.
  if (route.name === 'wall' && me.isSuccess && !signedIn && displayToken()) {
    return <WallTokenEnded testId="wall-bad-token" />;
  }
  if (route.name === 'wall' && signedIn) {
    return (
      <Suspense fallback={<p className="message">{t('app.loading')}</p>}>
        <WallPage />
      </Suspense>
    );
  }

  /** The page the address names; null while what it needs is loading (or while off to sign in). */
  function currentPage() {
    if (route.name === 'login') return <LoginPage />;
    if (mustChangePassword) return <ChangePasswordPage required />;
    if (!signedIn) return null;
    if (route.name === 'password') return <ChangePasswordPage required={false} />;
    if (route.name === 'admin') return hasAdminDuty(me.data) ? <AdminPage /> : <NotFound />;
    if (!today) return null;
    const weekDate = (week: string) => weekValueDate(week, today);
    switch (route.name) {
      case 'dashboard':
        return townships.data ? <DashboardPage townships={townships.data} weeks={weeks} weekDate={weekDate} /> : null;
      case 'review':
        return <ReviewPage weeks={weeks} defaultWeek={lastEndedWeek} />;
      case 'township':
        return <TownshipPage code={route.params.code} weeks={weeks} defaultWeek={lastEndedWeek} />;
      case 'workbench':
        return townships.data && info.data ? (
          <WorkbenchPage
            townships={townships.data}
            weeks={weeks}
            weekDate={weekDate}
            cityBounds={info.data.city.bounds}
          />
        ) : null;
      case 'compare':
        return <ComparePage weeks={weeks} />;
      case 'supervision':
        return <SupervisionPage weeks={weeks} />;
      case 'compound':
        return <CompoundPage key={route.params.code} code={route.params.code} today={today} />;
      // The wall is drawn above, without the shell.
      case 'wall':
      case 'notFound':
        return <NotFound />;
    }
  }
  const page = currentPage();

  return (
    <div className="shell">
      <TopBar
        route={route}
        me={me.data}
        city={cityName(info.data?.city, locale)}
        demo={info.data?.dataset.source === 'demo'}
        approximate={approximate}
      />
      {signedIn && <OutboxSync />}
      <main>
        <OfflineBanner />
        {error ? (
          <p className="message error" role="alert">
            {t('app.loadError', { message: error.message })}
          </p>
        ) : (
          <Suspense fallback={<p className="message">{t('app.loading')}</p>}>
            {page ?? <p className="message">{t('app.loading')}</p>}
          </Suspense>
        )}
      </main>
    </div>
  );
}

/** An address that names no page (or a page this person may not open): say so, and offer the way back to the map. */
function NotFound() {
  const { t } = useI18n();
  return (
    <div className="message" role="status" data-testid="not-found">
      <p>{t('app.notFound')}</p>
      <p>
        <Link href={hrefs.dashboard()}>← {t('compoundPage.backToMap')}</Link>
      </p>
    </div>
  );
}
