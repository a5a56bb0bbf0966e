/** The five indicators of the compounds on screen (filters and drawn selection), as if they were a township. */
import { selectionIndicators } from '../../../../shared/workbench/selectionIndicators.ts';
import { formatIndicator } from '../../app/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { INDICATOR_ORDER, type IndicatorKey } from '../layers/choropleth.ts';
import type { WorkbenchRow } from './compoundColumns.ts';

export function SelectionIndicators({
  rows,
  onDrill,
}: {
  rows: readonly WorkbenchRow[];
  onDrill(key: IndicatorKey): void;
}) {
  const { t, locale } = useI18n();
  const values = selectionIndicators(rows);
  return (
    <section
      className="selection-indicators"
      aria-label={t('workbench.selectionIndicators')}
      data-testid="selection-indicators"
    >
      {INDICATOR_ORDER.map((key) => {
        const v = values[key];
        return (
          <button
            key={key}
            type="button"
            className="mini-tile"
            onClick={() => onDrill(key)}
            title={v.reason ? (locale === 'zh-CN' ? v.reason : t('selection.noValue')) : t('indicators.drill')}
            data-testid={`sel-${key}`}
            data-numerator={v.numerator}
            data-denominator={v.denominator}
          >
            <span className="tile-name">{t(`indicator.short.${key}`)}</span>
            <span className="mini-value">{formatIndicator(key, v.value)}</span>
            <span className="muted small">
              {t('indicator.fraction', { numerator: v.numerator, denominator: v.denominator })}
            </span>
          </button>
        );
      })}
    </section>
  );
}
