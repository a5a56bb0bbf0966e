/**
 * `/supervision`: every supervision item with filters (township, state incl. 逾期, week, source),
 * overdue first, counts per state at the top, and the moves each person may make. Township staff
 * see their own township's items unless they choose another. Below: the early warnings (预警).
 */
import { useQuery } from '@tanstack/react-query';
import {
  SUPERVISION_SOURCES,
  SUPERVISION_STATES,
  type SupervisionSource,
  type SupervisionState,
} from '../../../../shared/supervision/index.ts';
import { trpc } from '../../app/trpc.ts';
import { z } from 'zod';
import { oneOf, townshipCodeSchema } from '../../app/routes.ts';
import { useUrlParam } from '../../app/useUrlState.ts';
import { WeekPicker } from '../time/WeekPicker.tsx';
import { useWeekOutside, WeekOutsideNotice } from '../time/WeekOutsideNotice.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useMe } from '../auth/session.ts';
import { SupervisionItemCard } from './SupervisionItemCard.tsx';
import { WarningList } from './WarningList.tsx';
import { openFirst } from './supervisionUi.ts';
import './supervision.css';

type StateFilter = SupervisionState | 'overdue' | 'all';
const STATE_FILTERS: readonly StateFilter[] = ['all', 'overdue', ...SUPERVISION_STATES];
const identity = (v: string) => v;

export function SupervisionPage({ weeks }: { weeks: string[] }) {
  const { t } = useI18n();
  const me = useMe();
  const townships = useQuery(trpc.geography.townships.queryOptions());
  const own = me.data?.role === 'township_staff' ? (me.data.townshipCode ?? 'all') : 'all';
  const [township, setTownship] = useUrlParam<string>(
    'township',
    z.union([z.literal('all'), townshipCodeSchema]),
    identity,
    own,
  );
  const [state, setState] = useUrlParam<StateFilter>('state', oneOf(STATE_FILTERS), identity, 'all');
  const [outside, dismissOutside] = useWeekOutside(weeks, 'week', ['all']);
  const [week, setWeekParam] = useUrlParam('week', oneOf(['all', ...weeks]), identity, 'all');
  const setWeek = (w: string) => {
    dismissOutside();
    setWeekParam(w);
  };
  const [source, setSource] = useUrlParam<SupervisionSource | 'all'>(
    'source',
    oneOf(['all', ...SUPERVISION_SOURCES] as const),
    identity,
    'all',
  );
  const base = {
    ...(township !== 'all' ? { townshipCode: township } : {}),
    ...(week !== 'all' ? { week } : {}),
    ...(source !== 'all' ? { source } : {}),
  };
  // The counts are of everything the other filters leave; the list also filters by state.
  const all = useQuery(trpc.supervision.list.queryOptions(base));
  const items = openFirst(all.data ?? []).filter(
    (i) => state === 'all' || (state === 'overdue' ? i.overdue : i.state === state),
  );
  const count = (s: StateFilter) =>
    (all.data ?? []).filter((i) => s === 'all' || (s === 'overdue' ? i.overdue : i.state === s)).length;

  return (
    <div className="page supervision-page" data-testid="supervision-page">
      <div className="page-bar">
        <h2>{t('supervision.pageTitle')}</h2>
        <label className="select">
          <span>{t('drill.township')}</span>
          <select value={township} onChange={(e) => setTownship(e.target.value)} data-testid="sv-filter-township">
            <option value="all">{t('supervision.filter.all')}</option>
            {(townships.data ?? []).map((tw) => (
              <option key={tw.code} value={tw.code}>
                {tw.name}
              </option>
            ))}
          </select>
        </label>
        <WeekPicker
          caption={t('supervision.filter.week')}
          weeks={weeks}
          value={week === 'all' ? null : week}
          onChange={(w) => setWeek(w ?? 'all')}
          allowAll
          testId="sv-filter-week"
        />
        <WeekOutsideNotice
          outside={outside}
          shown={week === 'all' ? null : week}
          onPick={setWeek}
          onDismiss={dismissOutside}
        />
        <label className="select">
          <span>{t('supervision.filter.source')}</span>
          <select
            value={source}
            onChange={(e) => setSource(e.target.value as SupervisionSource | 'all')}
            data-testid="sv-filter-source"
          >
            <option value="all">{t('supervision.filter.all')}</option>
            {SUPERVISION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`supervision.source.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="segmented sv-counts" role="radiogroup" aria-label={t('supervision.filter.state')}>
        {STATE_FILTERS.map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={state === s}
            className={state === s ? `active sv-count-${s}` : `sv-count-${s}`}
            onClick={() => setState(s)}
            data-testid={`sv-count-${s}`}
          >
            {s === 'all' ? t('supervision.filter.all') : t(`supervision.state.${s}`)} <strong>{count(s)}</strong>
          </button>
        ))}
      </div>
      {all.error && (
        <p className="message error" role="alert">
          {all.error.message}
        </p>
      )}
      {all.data && items.length === 0 && <p className="message">{t('supervision.none')}</p>}
      <ul className="sv-list">
        {items.map((item) => (
          <SupervisionItemCard key={item.id} item={item} showTownship />
        ))}
      </ul>
      <WarningList {...(township !== 'all' ? { townshipCode: township } : {})} withStateFilter />
    </div>
  );
}
