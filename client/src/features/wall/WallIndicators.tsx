/** The five indicators as large tiles: value, goal, change on last week, status, progress to the goal. */
import { formatDelta, formatIndicator, isImprovement, lowerIsBetter } from '../../app/format.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { INDICATOR_ORDER } from '../layers/choropleth.ts';
import { StatusBadge } from '../indicators/StatusBadge.tsx';

type Indicators = RouterOutputs['metrics']['report']['city']['indicators'];

export function WallIndicators({
  title,
  indicators,
  testId,
}: {
  title: string;
  indicators: Indicators;
  testId: string;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="wall-panel wall-indicators" data-testid={testId}>
      <h2>{title}</h2>
      {INDICATOR_ORDER.map((key) => {
        const r = indicators[key];
        const better = isImprovement(key, r.delta);
        const progress =
          r.target !== null && r.value !== null && !lowerIsBetter(key)
            ? Math.min(100, (r.value / r.target) * 100)
            : null;
        return (
          <article
            key={key}
            className={`wall-tile status-edge-${r.status ?? 'none'}`}
            data-testid={`wall-tile-${key}`}
            data-status={r.status ?? 'none'}
          >
            <div className="wall-tile-head">
              <span className="wall-tile-name">{t(`indicator.${key}`)}</span>
              <StatusBadge indicator={key} status={r.status} className="wall-status-pill" />
            </div>
            <div className="wall-tile-body">
              <span className="wall-tile-value" data-testid={`wall-value-${key}`}>
                {formatIndicator(key, r.value)}
              </span>
              <span className="wall-tile-side">
                <span>
                  {r.target === null
                    ? t('wall.noGoal')
                    : t(r.targetSource === 'assumed' ? 'wall.goalAssumed' : 'wall.goal', {
                        goal: formatIndicator(key, r.target),
                      })}
                </span>
                <span className={`delta ${better === null ? '' : better ? 'good' : 'bad'}`}>
                  {t('wall.delta', { delta: formatDelta(key, r.delta, locale) })}
                </span>
              </span>
            </div>
            {progress !== null && (
              <span className="wall-progress" aria-hidden="true">
                <span className={`status-fill-${r.status ?? 'none'}`} style={{ width: `${progress}%` }} />
              </span>
            )}
          </article>
        );
      })}
    </section>
  );
}
