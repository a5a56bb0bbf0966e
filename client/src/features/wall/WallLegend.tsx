/** A coverage layer's legend, large: each class with its colour, count and share. */
import { useI18n } from '../../i18n/index.tsx';
import type { LegendEntry } from '../layers/coverageLayers.ts';

export interface LegendFact {
  label: string;
  value: string;
  /** Smaller, after the value (e.g. "/ 346"). */
  extra?: string;
  tone?: 'bad';
}

/** `facts`: the layer's headline figures, shown large under the classes. */
export function WallLegend({
  title,
  entries,
  facts,
}: {
  title: string;
  entries: readonly LegendEntry[];
  facts: readonly LegendFact[];
}) {
  const { t } = useI18n();
  const total = entries.reduce((n, e) => n + e.count, 0);
  return (
    <section className="wall-panel wall-legend" data-testid="wall-legend">
      <h2>
        {title} <small data-testid="wall-legend-total">{t('wall.legendTotal', { count: total })}</small>
      </h2>
      <ul>
        {entries.map((e) => (
          <li key={e.id} className={e.count === 0 ? 'empty' : ''}>
            <span className="swatch" style={{ background: e.color }} />
            <span className="label">{t(e.label)}</span>
            <span className="count" data-testid={`wall-legend-count-${e.id}`}>
              {e.count}
            </span>
            <span className="share">{total ? `${((e.count / total) * 100).toFixed(0)}%` : '—'}</span>
          </li>
        ))}
      </ul>
      <dl className="wall-legend-facts">
        {facts.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd className={f.tone ?? ''}>
              {f.value}
              {f.extra && <small> {f.extra}</small>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
