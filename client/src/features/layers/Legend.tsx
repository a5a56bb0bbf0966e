import { useI18n } from '../../i18n/index.tsx';
import { RAMP_CSS, type ChoroplethMode, type IndicatorKey, type Shading } from './choropleth.ts';
import type { CoverageLayer, LegendEntry } from './coverageLayers.ts';
import { formatIndicator } from '../../app/format.ts';

interface Props {
  layer: CoverageLayer;
  entries: LegendEntry[];
  shading: { key: IndicatorKey; mode: ChoroplethMode; scale: Shading } | null;
}

export function Legend({ layer, entries, shading }: Props) {
  const { t } = useI18n();
  const total = entries.reduce((n, e) => n + e.count, 0);
  return (
    <section className="legend" aria-label={t('map.legend')} data-testid="legend">
      <header>
        <strong>{t(`layer.${layer}`)}</strong>
        <span className="muted" data-testid="legend-total">
          {t('map.compounds', { count: total })}
        </span>
      </header>
      <ul>
        {entries.map((e) => (
          <li key={e.id} className={e.count === 0 ? 'empty' : ''}>
            <span className="swatch" style={{ background: e.color }} />
            <span className="label">{t(e.label)}</span>
            <span className="count" data-testid={`legend-count-${e.id}`}>
              {e.count}
            </span>
          </li>
        ))}
      </ul>
      {layer === 'issues' && <p className="muted small">{t('layer.issuesDensity')}</p>}
      {shading && (
        <div className="ramp-legend">
          <span className="muted small">
            {t('choropleth.label')} · {t(`indicator.short.${shading.key}`)} · {t(`choropleth.mode.${shading.mode}`)}
          </span>
          <div className="ramp" style={{ background: RAMP_CSS }} />
          <div className="ramp-ends small">
            <span>
              {t('choropleth.worse')} {formatIndicator(shading.key, shading.scale.worst)}
            </span>
            <span>
              {formatIndicator(shading.key, shading.scale.best)} {t('choropleth.better')}
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
