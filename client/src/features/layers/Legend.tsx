import { useI18n } from '../../i18n/index.tsx';
import { MET_CSS, SHORTFALL_CSS, type ChoroplethMode, type IndicatorKey, type Shading } from './choropleth.ts';
import type { CoverageLayer, LegendEntry } from './coverageLayers.ts';
import { formatIndicator } from '../../app/format.ts';

interface Props {
  layer: CoverageLayer;
  entries: LegendEntry[];
  shading: { key: IndicatorKey; mode: ChoroplethMode; scale: Shading } | null;
  /** Compounds drawn faint for context (the workbench's filtered-out ones): counted apart. */
  others?: number;
  /** The compounds have not arrived yet: say so rather than "0 个小区". */
  loading?: boolean;
  /** A large city's map shows compounds counted by township or grid cell: the total, and no per-class counts. */
  aggregated?: { kind: 'townships' | 'cells'; total: number } | null;
}

/** The legend's total: 加载中… until the compounds arrive, then how many there are. */
export function legendTotal(
  entries: readonly Pick<LegendEntry, 'count'>[],
  loading: boolean,
): { key: 'map.loading' } | { key: 'map.compounds'; count: number } {
  return loading ? { key: 'map.loading' } : { key: 'map.compounds', count: entries.reduce((n, e) => n + e.count, 0) };
}

export function Legend({ layer, entries, shading, others, loading = false, aggregated = null }: Props) {
  const { t } = useI18n();
  const total = aggregated ? { key: 'map.compounds' as const, count: aggregated.total } : legendTotal(entries, loading);
  return (
    <section className="legend" aria-label={t('map.legend')} data-testid="legend">
      <header>
        <strong>{t(`layer.${layer}`)}</strong>
        <span className="muted" data-testid="legend-total">
          {total.key === 'map.loading' ? t(total.key) : t(total.key, { count: total.count })}
        </span>
      </header>
      <ul>
        {entries.map((e) => (
          <li key={e.id} className={e.count === 0 ? 'empty' : ''}>
            <span className="swatch" style={{ background: e.color }} />
            <span className="label">{t(e.label)}</span>
            <span className="count" data-testid={`legend-count-${e.id}`}>
              {loading || aggregated ? '' : e.count}
            </span>
          </li>
        ))}
        {others !== undefined && others > 0 && (
          <li className="others">
            <span className="swatch faint" />
            <span className="label">{t('map.others')}</span>
            <span className="count" data-testid="legend-count-others">
              {others}
            </span>
          </li>
        )}
      </ul>
      {aggregated && (
        <p className="muted small" data-testid="legend-aggregated">
          {t(`map.aggregated.${aggregated.kind}`)}
        </p>
      )}
      {layer === 'issues' && <p className="muted small">{t('layer.issuesDensity')}</p>}
      {shading && (
        <div className="ramp-legend">
          <span className="muted small">
            {t('choropleth.label')} · {t(`indicator.short.${shading.key}`)} · {t(`choropleth.mode.${shading.mode}`)}
          </span>
          <div className="ramp-row">
            <div className="ramp" style={{ background: SHORTFALL_CSS }} />
            <span className="swatch" style={{ background: MET_CSS }} />
          </div>
          <div className="ramp-ends small">
            <span>
              {t('choropleth.worse')} {formatIndicator(shading.key, shading.scale.worst)}
            </span>
            <span>
              {t('choropleth.goal')} {formatIndicator(shading.key, shading.scale.best)}
            </span>
          </div>
          <ul className="small" data-testid="shading-counts">
            <li>
              <span className="swatch" style={{ background: MET_CSS }} />
              <span className="label">{t('choropleth.met')}</span>
              <span className="count" data-testid="shading-count-met">
                {shading.scale.counts.met}
              </span>
            </li>
            <li>
              <span className="swatch ramp-swatch" style={{ background: SHORTFALL_CSS }} />
              <span className="label">{t('choropleth.short')}</span>
              <span className="count" data-testid="shading-count-short">
                {shading.scale.counts.short}
              </span>
            </li>
            {shading.scale.counts.none > 0 && (
              <li>
                <span className="swatch" />
                <span className="label">{t('choropleth.noValue')}</span>
                <span className="count" data-testid="shading-count-none">
                  {shading.scale.counts.none}
                </span>
              </li>
            )}
          </ul>
        </div>
      )}
    </section>
  );
}
