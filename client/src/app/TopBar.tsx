/**
 * The shell's top bar: title, data badges, the page links, the signed-in person and the language.
 * On a phone (≤ 760 px wide, see app.css) the links, the person and the language fold into a
 * menu opened by one button, so the bar stays one line and nothing scrolls sideways.
 */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { hasAdminDuty, hasPermission, type Me } from '../features/auth/session.ts';
import { UserMenu } from '../features/auth/UserMenu.tsx';
import { InboxBadge, useInboxCount } from '../features/inbox/InboxBadge.tsx';
import { useI18n } from '../i18n/index.tsx';
import { hrefs, type Route } from './routes.ts';

export function TopBar({
  route,
  me,
  city,
  demo,
  approximate,
}: {
  route: Route;
  me: Me | null | undefined;
  city: string;
  demo: boolean;
  approximate: boolean;
}) {
  const { t, locale, setLocale } = useI18n();
  const [path] = useLocation();
  // The menu is open on the page it was opened on: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === path;
  const township = route.name === 'township' ? route.params.code : null;
  const current = (on: boolean) => (on ? ('page' as const) : undefined);
  const seesSupervision = hasPermission(me, 'supervise') || hasPermission(me, 'edit');
  // Not while the person must first change the password: every call but auth.* is refused then.
  const inbox = useInboxCount(seesSupervision && me?.mustChangePassword !== true);

  return (
    <header className="topbar">
      <h1>
        {t('app.title')} <span className="city">{city}</span>
      </h1>
      {demo && (
        <span className="badge badge-demo" title={t('app.demoBadgeHint')} data-testid="demo-badge">
          {t('app.demoBadge')}
        </span>
      )}
      {approximate && (
        <span className="badge badge-approx" title={t('app.approximateBoundariesHint')} data-testid="approx-badge">
          {t('app.approximateBoundaries')}
        </span>
      )}
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="topbar-menu"
        onClick={() => setOpenOn(menuOpen ? null : path)}
        data-testid="menu-toggle"
      >
        {menuOpen ? t('app.menuClose') : t('app.menu')}
        {!menuOpen && <InboxBadge count={inbox} testId="inbox-badge-menu" />}
      </button>
      <div id="topbar-menu" className={menuOpen ? 'topbar-menu open' : 'topbar-menu'}>
        <nav className="nav">
          <Link href={hrefs.dashboard()} aria-current={current(route.name === 'dashboard')}>
            {t('nav.map')}
          </Link>
          <Link href={hrefs.workbench()} aria-current={current(route.name === 'workbench')}>
            {t('nav.workbench')}
          </Link>
          <Link
            href={hrefs.review()}
            aria-current={current(route.name === 'review' || (township !== null && township !== me?.townshipCode))}
          >
            {t('nav.review')}
          </Link>
          <Link href={hrefs.compare()} aria-current={current(route.name === 'compare')}>
            {t('nav.compare')}
          </Link>
          {seesSupervision && (
            <Link
              href={hrefs.supervision()}
              aria-current={current(route.name === 'supervision')}
              data-testid="nav-supervision"
            >
              {t('nav.supervision')}
              <InboxBadge count={inbox} testId="inbox-badge" />
            </Link>
          )}
          {me?.townshipCode && (
            <Link
              href={hrefs.township(me.townshipCode)}
              aria-current={current(township === me.townshipCode)}
              data-testid="nav-my-township"
            >
              {t('nav.myTownship')}
            </Link>
          )}
          {hasAdminDuty(me) && (
            <Link href={hrefs.admin()} aria-current={current(route.name === 'admin')}>
              {t('nav.admin')}
            </Link>
          )}
        </nav>
        <span className="spacer" />
        {me && <UserMenu me={me} />}
        {/* The other language's own name ("中文", "English"), marked as that language. */}
        <button
          type="button"
          className="link"
          lang={locale === 'en' ? 'zh-CN' : 'en'}
          onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
        >
          {t('app.language')}
        </button>
      </div>
    </header>
  );
}
