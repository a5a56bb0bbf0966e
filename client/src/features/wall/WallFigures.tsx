/** Wide walls only: the secondary figures, and the townships needing attention. */
import { formatIndicator } from '../../app/format.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { INDICATOR_ORDER } from '../layers/choropleth.ts';
import { statusCounts, type TownshipReport } from './laggingTownships.ts';

type Secondary = RouterOutputs['metrics']['report']['city']['secondary'];

export function WallFigures({ figures }: { figures: Secondary }) {
  const { t } = useI18n();
  const items: [string, number, string?][] = [
    [t('wall.figure.partyMajority'), figures.partyMajorityCommittees, `/ ${figures.committeesInOffice}`],
    [t('wall.figure.chairIsSecretary'), figures.chairIsSecretary],
    [t('wall.figure.openIssues'), figures.openIssues],
    [t('wall.figure.overdueIssues'), figures.overdueIssues],
    [t('wall.figure.modelHomes'), figures.modelHomes],
    [t('wall.figure.managed'), figures.managed],
  ];
  return (
    <section className="wall-panel wall-figures" data-testid="wall-figures">
      <h2>{t('wall.figures')}</h2>
      <dl>
        {items.map(([label, value, extra]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              {value}
              {extra && <small> {extra}</small>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function WallAttention({ townships }: { townships: readonly TownshipReport[] }) {
  const { t } = useI18n();
  const rows = townships.filter((tw) => statusCounts(tw).offTrack > 0);
  return (
    <section className="wall-panel wall-attention" data-testid="wall-attention">
      <h2>{t('wall.attention')}</h2>
      {rows.length === 0 && <p>{t('wall.attentionNone')}</p>}
      <ol>
        {rows.slice(0, 9).map((tw) => (
          <li key={tw.code}>
            <span className="name">{tw.name}</span>
            <span className="reasons">
              {INDICATOR_ORDER.filter((k) => tw.indicators[k].status === 'off_track').map((k) => (
                <span key={k} className="reason">
                  {t(`indicator.short.${k}`)} {formatIndicator(k, tw.indicators[k].value)}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
