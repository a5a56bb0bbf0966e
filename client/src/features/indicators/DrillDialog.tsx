/** The compounds behind a rate: numerator, denominator, and why each is in or out. */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { IndicatorKey } from '../layers/choropleth.ts';

export function DrillDialog({ indicator, asOf, townshipCode, onClose }: { indicator: IndicatorKey; asOf: string; townshipCode: string | null; onClose(): void }) {
  const { t } = useI18n();
  const drill = useQuery(trpc.metrics.drill.queryOptions({ indicator, asOf, ...(townshipCode ? { townshipCode } : {}) }));
  return (
    <div className="dialog-backdrop" role="presentation" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t('drill.title', { indicator: t(`indicator.${indicator}`) })} onClick={(e) => e.stopPropagation()} data-testid="drill-dialog">
        <header>
          <h2>{t('drill.title', { indicator: t(`indicator.${indicator}`) })}</h2>
          <span className="muted">{drill.data ? `${drill.data.numerator} / ${drill.data.denominator}` : t('app.loading')}</span>
          <button type="button" className="close" aria-label={t('card.close')} onClick={onClose} autoFocus>
            ×
          </button>
        </header>
        <div className="dialog-body">
          <table className="data">
            <thead>
              <tr>
                <th>{t('drill.compound')}</th>
                <th>{t('drill.township')}</th>
                <th>{t('drill.numerator')}</th>
                <th>{t('drill.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {drill.data?.compounds.map((c) => (
                <tr key={c.code} className={c.inDenominator ? (c.inNumerator ? 'in' : '') : 'excluded'}>
                  <td>{c.name}</td>
                  <td>{c.townshipName}</td>
                  <td>{c.inDenominator ? (c.inNumerator ? '✓' : '') : t('drill.excluded')}</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
