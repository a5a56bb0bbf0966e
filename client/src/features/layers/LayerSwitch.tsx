import { useI18n } from '../../i18n/index.tsx';
import { COVERAGE_LAYERS, type CoverageLayer } from './coverageLayers.ts';

export function LayerSwitch({ value, onChange }: { value: CoverageLayer; onChange(layer: CoverageLayer): void }) {
  const { t } = useI18n();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('layer.switch')}>
      {COVERAGE_LAYERS.map((layer) => (
        <button
          key={layer}
          type="button"
          role="radio"
          aria-checked={value === layer}
          className={value === layer ? 'active' : ''}
          data-testid={`layer-${layer}`}
          onClick={() => onChange(layer)}
        >
          {t(`layer.${layer}`)}
        </button>
      ))}
    </div>
  );
}
