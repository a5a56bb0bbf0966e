/** A township's lagging compounds with their reasons, as many as fit. */
import type { LaggingCompound, LagReason } from '../../../../shared/review/laggingCompounds.ts';
import { useI18n } from '../../i18n/index.tsx';

export function LaggingList({ lagging, columns }: { lagging: readonly LaggingCompound[]; columns: number }) {
  const { t } = useI18n();
  // One line per compound (reasons that do not fit are cut at the edge): twelve lines a column fit.
  const fit = 12 * columns;
  const shown = lagging.length > fit ? lagging.slice(0, fit - 1) : lagging;
  return (
    <section className="wall-panel wall-lagging" data-testid="wall-lagging">
      <h2>{lagging.length ? t('wall.lagging', { count: lagging.length }) : t('wall.noLagging')}</h2>
      <ol style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {shown.map((c) => (
          <li key={c.code}>
            <span className="name">{c.name}</span>
            <LagReasons reasons={c.reasons} />
          </li>
        ))}
        {shown.length < lagging.length && (
          <li className="more">{t('wall.moreLagging', { count: lagging.length - shown.length })}</li>
        )}
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
