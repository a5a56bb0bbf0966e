/** The compounds behind a rate: numerator, denominator, and why each is in or out. */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { IndicatorKey } from '../layers/choropleth.ts';

export interface DrillData {
  numerator: number;
  denominator: number;
  compounds: readonly {
    code: string;
    name: string;
    townshipName: string;
    inDenominator: boolean;
    inNumerator: boolean;
    reason: string;
  }[];
}

/** The engine's drill-through for a township or the city. */
export function DrillDialog({
  indicator,
  asOf,
  townshipCode,
  onClose,
}: {
  indicator: IndicatorKey;
  asOf: string;
  townshipCode: string | null;
  onClose(): void;
}) {
  const drill = useQuery(
    trpc.metrics.drill.queryOptions({ indicator, asOf, ...(townshipCode ? { townshipCode } : {}) }),
  );
  return <DrillDialogView indicator={indicator} data={drill.data} onClose={onClose} />;
}

export function DrillDialogView({
  indicator,
  data,
  onClose,
}: {
  indicator: IndicatorKey;
  data: DrillData | undefined;
  onClose(): void;
}) {
  const { t } = useI18n();
  const title = t('drill.title', { indicator: t(`indicator.${indicator}`) });
  return (
    <div
      className="dialog-backdrop"
      role="presentation"
      onClick={onClose}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onClick={(e) => e.stopPropagation()}
        data-testid="drill-dialog"
      >
        <header>
          <h2>{title}</h2>
          <span className="muted" data-testid="drill-fraction">
            {data ? `${data.numerator} / ${data.denominator}` : t('app.loading')}
          </span>
          <button type="button" className="close" aria-label={t('card.close')} onClick={onClose} autoFocus>
            ×
          </button>
        </header>
        <div className="dialog-body">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('drill.compound')}</th>
                <th scope="col">{t('drill.township')}</th>
                <th scope="col">{t('drill.numerator')}</th>
                <th scope="col">{t('drill.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {data?.compounds.map((c) => (
                <tr
                  key={c.code}
                  className={c.inDenominator ? (c.inNumerator ? 'in' : '') : 'excluded'}
                  data-code={c.code}
                  data-in-numerator={c.inNumerator}
                  data-in-denominator={c.inDenominator}
                >
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
