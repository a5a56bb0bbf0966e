/** The 19 townships against the five goals: one row each, a status-coloured cell per indicator, the lagging first. */
import { formatIndicator } from '../../app/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { INDICATOR_ORDER } from '../layers/choropleth.ts';
import { byLag, type TownshipReport } from './laggingTownships.ts';

export function TownshipMatrix({ townships }: { townships: readonly TownshipReport[] }) {
  const { t } = useI18n();
  const rows = byLag(townships);
  return (
    <section className="wall-panel wall-matrix" data-testid="wall-matrix">
      <h2>
        {t('wall.matrix')} <small>{t('wall.matrixHint')}</small>
      </h2>
      <table>
        <thead>
          <tr>
            <th />
            {INDICATOR_ORDER.map((key) => (
              <th key={key}>{t(`wall.col.${key}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th>{row.name}</th>
              {INDICATOR_ORDER.map((key) => {
                const r = row.indicators[key];
                return (
                  <td key={key} className={`cell-${r.status ?? 'none'}`}>
                    {formatIndicator(key, r.value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
