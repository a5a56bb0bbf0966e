/** The five 四升一降 indicators for the city or a township: value, goal, change on last week, status. */
import type { RouterOutputs } from '../../app/trpc.ts';
import { formatDelta, formatIndicator, isImprovement, lowerIsBetter } from '../../app/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { INDICATOR_ORDER, type IndicatorKey } from '../layers/choropleth.ts';
import { StatusBadge } from './StatusBadge.tsx';

type Indicators = RouterOutputs['metrics']['report']['city']['indicators'];

interface Props {
  indicators: Indicators;
  /** The section's name when not the city's ("陈埭镇 · 四升一降"). */
  label?: string | undefined;
  selected: IndicatorKey;
  onSelect(key: IndicatorKey): void;
  onDrill(key: IndicatorKey): void;
}

export function IndicatorTiles({ indicators, label, selected, onSelect, onDrill }: Props) {
  const { t, locale } = useI18n();
  return (
    <section className="tiles" aria-label={label ?? t('indicators.title')}>
      {INDICATOR_ORDER.map((key) => {
        const r = indicators[key];
        const better = isImprovement(key, r.delta);
        return (
          <article
            key={key}
            className={`tile status-edge-${r.status ?? 'none'} ${selected === key ? 'selected' : ''}`}
            data-testid={`tile-${key}`}
            data-status={r.status ?? 'none'}
          >
            <button type="button" className="tile-main" onClick={() => onSelect(key)} aria-pressed={selected === key}>
              <span className="tile-name">{t(`indicator.${key}`)}</span>
              <span className="tile-value" data-testid={`tile-value-${key}`}>
                {formatIndicator(key, r.value)}
              </span>
              <span className="tile-meta">
                <span className={`delta ${better === null ? '' : better ? 'good' : 'bad'}`}>
                  {t('indicator.delta', { delta: formatDelta(key, r.delta, locale) })}
                </span>
                <StatusBadge indicator={key} status={r.status} />
              </span>
              <span className="tile-goal muted">
                {r.target === null
                  ? t('indicator.noGoal')
                  : t(r.targetSource === 'assumed' ? 'indicator.goalAssumed' : 'indicator.goal', {
                      goal: formatIndicator(key, r.target),
                      deadline: r.deadline ?? '',
                    })}
              </span>
              {r.target !== null && r.value !== null && !lowerIsBetter(key) && (
                <span className="progress" aria-hidden="true">
                  <span
                    className={`status-fill-${r.status ?? 'none'}`}
                    style={{ width: `${Math.min(100, (r.value / r.target) * 100)}%` }}
                  />
                </span>
              )}
            </button>
            <button type="button" className="link small" onClick={() => onDrill(key)}>
              {t('indicator.fraction', { numerator: r.numerator, denominator: r.denominator })} ·{' '}
              {t('indicators.drill')}
            </button>
          </article>
        );
      })}
    </section>
  );
}
