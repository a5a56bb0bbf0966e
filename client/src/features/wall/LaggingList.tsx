/** A township's lagging compounds with their reasons, as many as fit; `count`: how many there are when `lagging` is only the first of them. */
import type { LaggingCompound, LagReason } from '../../../../shared/review/laggingCompounds.ts';
import { useI18n } from '../../i18n/index.tsx';
import { fitted } from './scenePanels.tsx';

export function LaggingList({
  lagging,
  count = lagging.length,
  columns,
}: {
  lagging: readonly LaggingCompound[];
  count?: number;
  columns: number;
}) {
  const { t } = useI18n();
  // One line per compound (reasons that do not fit are cut at the edge): twelve lines a column fit.
  const { shown, more } = fitted(lagging, 12 * columns, count);
  return (
    <section className="wall-panel wall-lagging" data-testid="wall-lagging">
      <h2>{count ? t('wall.lagging', { count }) : t('wall.noLagging')}</h2>
      <ol style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {shown.map((c) => (
          <li key={c.code}>
            <span className="name">{c.name}</span>
            <LagReasons reasons={c.reasons} />
          </li>
        ))}
        {more > 0 && <li className="more">{t('wall.moreLagging', { count: more })}</li>}
      </ol>
    </section>
  );
}

/** Why a compound lags, as the wall's coloured chips (30天未开会, 超期诉求…). */
export function LagReasons({ reasons }: { reasons: readonly LagReason[] }) {
  const { t } = useI18n();
  return (
    <span className="reasons">
      {reasons.map((r) => (
        <span key={r} className={`reason reason-${r}`}>
          {t(`wall.lag.${r}`)}
        </span>
      ))}
    </span>
  );
}
