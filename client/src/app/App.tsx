import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { FIRST_WEEK, isoWeekOf, mondayOf, weeksBetween, weekValueDate } from '../../../server/services/time/weeks.ts';
import { addDays } from '../../../server/services/time/dates.ts';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { hasAdminDuty, useMe } from '../features/auth/session.ts';
import { UserMenu } from '../features/auth/UserMenu.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link, usePath } from './router.tsx';
import { displayToken, redirectToLogin, trpc } from './trpc.ts';
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
const AdminPage = lazy(() => import('../features/admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));

export function App() {
  const { t, locale, setLocale } = useI18n();
  const path = usePath();
  const me = useMe();
  // An administrator's initial password not yet changed: nothing but the change-password form.
  const mustChangePassword = me.data?.mustChangePassword === true;
  const signedIn = Boolean(me.data) && !mustChangePassword;
  const info = useQuery({ ...trpc.system.info.queryOptions(), enabled: signedIn });
  const townships = useQuery({ ...trpc.geography.townships.queryOptions(), enabled: signedIn });
  // Nobody signed in: every page but the login page sends the person there first.
  useEffect(() => {
    if (me.isSuccess && me.data === null && path !== '/login') redirectToLogin();
  }, [me.isSuccess, me.data, path]);
  const approximate = townships.data?.some((tw) => tw.boundarySource === 'approximate') ?? false;
  const today = info.data?.today;
  const weeks = useMemo(() => (today ? weeksBetween(FIRST_WEEK, isoWeekOf(today)) : []), [today]);
  // The review's default week is the last one that has ended.
  const lastEndedWeek = today ? isoWeekOf(addDays(mondayOf(today), -1)) : '';
  const townshipMatch = /^\/township\/(\d{9})\/?$/.exec(path);
  const compoundCode = compoundCodeOf(path);
  const error = me.error ?? info.error ?? townships.error;

  // The wall screen has no shell: its own canvas fills the display.
  if (path === '/wall' && me.isSuccess && !signedIn && displayToken()) {
    return (
      <p className="message error" role="alert" data-testid="wall-bad-token">
        {t('wall.badToken')}
      </p>
    );
  }
  if (path === '/wall' && signedIn) {
    return (
      <Suspense fallback={<p className="message">{t('app.loading')}</p>}>
        <WallPage />
      </Suspense>
    );
  }

  let page;
  if (path === '/login') page = <LoginPage />;
  else if (mustChangePassword) page = <ChangePasswordPage required />;
  else if (!signedIn) page = null;
  else if (path === '/password') page = <ChangePasswordPage required={false} />;
  else if (path === '/')
    page =
      today && townships.data ? (
        <DashboardPage townships={townships.data} weeks={weeks} weekDate={(week) => weekValueDate(week, today)} />
      ) : null;
  else if (path === '/review')
    page = today ? (
      <ReviewPage weeks={weeks} defaultWeek={lastEndedWeek} weekDate={(week) => weekValueDate(week, today)} />
    ) : null;
  else if (townshipMatch)
    page = today ? <TownshipPage code={townshipMatch[1]!} weeks={weeks} defaultWeek={lastEndedWeek} /> : null;
  else if (path === '/admin' && hasAdminDuty(me.data)) page = <AdminPage />;
  else if (path === '/workbench')
    page =
      today && townships.data ? (
        <WorkbenchPage townships={townships.data} weeks={weeks} weekDate={(week) => weekValueDate(week, today)} />
      ) : null;
  else if (path === '/compare') page = today ? <ComparePage weeks={weeks} /> : null;
  else if (compoundCode !== null)
    page = today ? <CompoundPage key={compoundCode} code={compoundCode} today={today} /> : null;
  else page = <p className="message">{t('app.notFound')}</p>;

  return (
    <div className="shell">
      <header className="topbar">
        <h1>
          {t('app.title')} <span className="city">{cityName(info.data?.city, locale)}</span>
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
        <nav className="nav">
          <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
            {t('nav.map')}
          </Link>
          <Link href="/workbench" aria-current={path === '/workbench' ? 'page' : undefined}>
            {t('nav.workbench')}
          </Link>
          <Link
            href="/review"
            aria-current={
              path === '/review' || (townshipMatch && townshipMatch[1] !== me.data?.townshipCode) ? 'page' : undefined
            }
          >
            {t('nav.review')}
          </Link>
          <Link href="/compare" aria-current={path === '/compare' ? 'page' : undefined}>
            {t('nav.compare')}
          </Link>
          {me.data?.townshipCode && (
            <Link
              href={`/township/${me.data.townshipCode}`}
              aria-current={townshipMatch?.[1] === me.data.townshipCode ? 'page' : undefined}
              data-testid="nav-my-township"
            >
              {t('nav.myTownship')}
            </Link>
          )}
          {hasAdminDuty(me.data) && (
            <Link href="/admin" aria-current={path === '/admin' ? 'page' : undefined}>
              {t('nav.admin')}
            </Link>
          )}
        </nav>
        <span className="spacer" />
        {me.data && <UserMenu me={me.data} />}
        <button type="button" className="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('app.language')}
        </button>
      </header>
      <main>
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

/** `/compound/:code` → the code (URL-decoded; kept as written if the escape is malformed), or null for any other path. */
function compoundCodeOf(path: string): string | null {
  const match = /^\/compound\/([^/]+)\/?$/.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}
