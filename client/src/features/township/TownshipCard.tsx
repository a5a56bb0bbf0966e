/** A township's summary on the as-of day: its indicators, ranks and headline counts. */
import { Link } from 'wouter';
import { hrefs } from '../../app/routes.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import { formatDelta, formatIndicator, isImprovement } from '../../app/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SideCard } from '../compound/SideCard.tsx';
import { INDICATOR_ORDER } from '../layers/choropleth.ts';
import { StatusBadge } from '../indicators/StatusBadge.tsx';

type Township = RouterOutputs['metrics']['report']['townships'][number];

interface Props {
  township: Township;
  /** The week shown when not the current one: the township page opens on it. */
  week?: string | null;
  onClose(): void;
  onFit(): void;
}

export function TownshipCard({ township, week = null, onClose, onFit }: Props) {
  const { t, locale } = useI18n();
  return (
    <SideCard
      title={township.name}
      subtitle={`${t('card.township.compounds')} ${township.secondary.compounds} · ${t('card.township.households')} ${township.secondary.households.toLocaleString()}`}
      testId="township-card"
      onClose={onClose}
    >
      <table className="mini">
        <tbody>
          {INDICATOR_ORDER.map((key) => {
            const r = township.indicators[key];
            const better = isImprovement(key, r.delta);
            return (
              <tr key={key}>
                <th scope="row">{t(`indicator.short.${key}`)}</th>
                <td className="num">{formatIndicator(key, r.value)}</td>
                <td className={`num delta ${better === null ? '' : better ? 'good' : 'bad'}`}>
                  {formatDelta(key, r.delta, locale)}
                </td>
                <td className="num">{r.rank === null ? '—' : t('card.township.rank', { rank: r.rank })}</td>
                <td>
                  <StatusBadge indicator={key} status={r.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="card-actions">
        <button type="button" className="button" onClick={onFit}>
          {t('map.fitTownship')}
        </button>
        <Link className="button" href={hrefs.township(township.code, { week })} data-testid="township-card-page">
          {t('card.township.page')}
        </Link>
      </p>
    </SideCard>
  );
}
