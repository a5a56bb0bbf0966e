/**
 * The legend over the wall's map on scenes whose side panels are not the legend (overview,
 * spotlight): what each dot's colour means, with the count in each class. Placed in the map
 * slot's lower-left corner, in canvas units (text ≥ 20 units).
 */
import { useI18n } from '../../i18n/index.tsx';
import type { CoverageLayer, LegendEntry } from '../layers/coverageLayers.ts';
import type { Rect } from './wallCanvas.ts';

export function WallMapLegend({
  layer,
  entries,
  map,
  scope,
}: {
  layer: CoverageLayer;
  entries: readonly LegendEntry[];
  /** The map slot, canvas units. */
  map: Rect;
  /** Whose compounds are counted: the city, or the spotlit township's name. */
  scope: string;
}) {
  const { t } = useI18n();
  const total = entries.reduce((n, e) => n + e.count, 0);
  const shown = entries.filter((e) => e.count > 0);
  return (
    <aside
      className="wall-map-legend"
      style={{ left: map.x + 16, top: map.y + map.height - 16, transform: 'translateY(-100%)' }}
      aria-label={t('map.legend')}
      data-testid="wall-map-legend"
    >
      <h3>
        {t(`layer.${layer}`)}{' '}
        <small data-testid="wall-map-legend-total">{t('wall.mapLegendTotal', { scope, count: total })}</small>
      </h3>
      <ul>
        {shown.map((e) => (
          <li key={e.id}>
            <span className="swatch" style={{ background: e.color }} />
            <span className="label">{t(e.label)}</span>
            <span className="count" data-testid={`wall-map-legend-count-${e.id}`}>
              {e.count}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
