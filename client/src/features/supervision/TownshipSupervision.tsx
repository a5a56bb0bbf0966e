/**
 * The township page's 督办事项: its open items, overdue first, each with its light, state, task,
 * compounds and deadline, and below them the last ones closed. Staff of the township answer
 * here; supervisors accept or return. One column on a phone (supervision.css).
 */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SupervisionItemCard } from './SupervisionItemCard.tsx';
import { WarningList } from './WarningList.tsx';
import './supervision.css';

/** Closed items shown under the open ones (the rest are on /supervision). */
const CLOSED_SHOWN = 5;

export function TownshipSupervision({ code }: { code: string }) {
  const { t } = useI18n();
  const list = useQuery(trpc.supervision.list.queryOptions({ townshipCode: code }));
  const items = list.data ?? [];
  const open = items.filter((i) => i.state !== 'closed');
  const closed = items
    .filter((i) => i.state === 'closed')
    .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))
    .slice(0, CLOSED_SHOWN);
  const overdue = open.filter((i) => i.overdue).length;
  return (
    <>
      <WarningList townshipCode={code} withStateFilter={false} />
      <section className="panel sv-section" data-testid="township-supervision">
        <h3>
          {t('supervision.townshipTitle', { open: open.length })}
          {overdue > 0 && (
            <span className="tag sv-state sv-state-overdue"> {t('supervision.overdueCount', { count: overdue })}</span>
          )}
        </h3>
        {list.error && (
          <p className="message error" role="alert">
            {list.error.message}
          </p>
        )}
        {list.data && open.length === 0 && <p className="muted">{t('supervision.noneOpen')}</p>}
        <ul className="sv-list">
          {open.map((item) => (
            <SupervisionItemCard key={item.id} item={item} showTownship={false} />
          ))}
        </ul>
        {closed.length > 0 && (
          <>
            <h4 className="muted">{t('supervision.recentlyClosed')}</h4>
            <ul className="sv-list">
              {closed.map((item) => (
                <SupervisionItemCard key={item.id} item={item} showTownship={false} />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
