/** A township's summary on the as-of day: its indicators, ranks and headline counts. */
import type { RouterOutputs } from '../../app/trpc.ts';
import { formatDelta, formatIndicator, isImprovement } from '../../app/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SideCard } from '../compound/SideCard.tsx';
import { INDICATOR_ORDER } from '../layers/choropleth.ts';
import { StatusBadge } from '../indicators/StatusBadge.tsx';

type Township = RouterOutputs['metrics']['report']['townships'][number];

export function TownshipCard({ township, onClose, onFit }: { township: Township; onClose(): void; onFit(): void }) {
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
      <button type="button" className="button" onClick={onFit}>
        {t('map.fitTownship')}
      </button>
    </SideCard>
  );
}
