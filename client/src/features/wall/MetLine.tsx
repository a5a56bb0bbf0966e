/** A scene whose indicator is met in the city and every township: one line, said large. */
import { formatIndicator } from '../../app/format.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { IndicatorKey } from '../layers/choropleth.ts';
import { place } from './scenePanels.tsx';
import type { Rect } from './wallCanvas.ts';

type Report = RouterOutputs['metrics']['report'];

export function MetLine({ indicator, report, slot }: { indicator: IndicatorKey; report: Report; slot: Rect }) {
  const { t } = useI18n();
  const r = report.city.indicators[indicator];
  return (
    <div className="wall-slot wall-met" style={place(slot)}>
      <p className="wall-met-line" data-testid="wall-met-line" data-indicator={indicator}>
        <span className="tick" aria-hidden="true">
          ✓
        </span>
        {t('wall.metEverywhere', {
          indicator: t(`indicator.${indicator}`),
          count: report.townships.length,
          value: formatIndicator(indicator, r.value),
          goal: formatIndicator(indicator, r.target),
        })}
      </p>
    </div>
  );
}
