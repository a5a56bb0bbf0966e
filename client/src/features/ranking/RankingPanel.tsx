/** The 19 townships ranked on the chosen indicator (direction-aware, ties share a rank). */
import type { RouterOutputs } from '../../app/trpc.ts';
import { formatIndicator, unitOfKey } from '../../app/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { IndicatorKey } from '../layers/choropleth.ts';

type Township = RouterOutputs['metrics']['report']['townships'][number];

interface Props {
  townships: readonly Township[];
  indicator: IndicatorKey;
  selected: string | null;
  onSelect(code: string): void;
}

export function RankingPanel({ townships, indicator, selected, onSelect }: Props) {
  const { t } = useI18n();
  const rows = [...townships].sort(
    (a, b) =>
      (a.indicators[indicator].rank ?? 99) - (b.indicators[indicator].rank ?? 99) || a.code.localeCompare(b.code),
  );
  const values = rows.map((r) => r.indicators[indicator].value ?? 0);
  // Bars of a rate are measured against 100 %; unbounded figures against the largest value.
  const max = Math.max(...values, unitOfKey(indicator).ceiling ?? 0);
  return (
    <section className="ranking" aria-label={t('ranking.title')}>
      <header>
        <h2>{t('ranking.title')}</h2>
        <span className="muted small">{t('ranking.by', { indicator: t(`indicator.short.${indicator}`) })}</span>
      </header>
      <ol data-testid="ranking">
        {rows.map((row) => {
          const r = row.indicators[indicator];
          return (
            <li key={row.code} className={selected === row.code ? 'selected' : ''}>
              <button type="button" onClick={() => onSelect(row.code)}>
                <span className="rank">{r.rank ?? '—'}</span>
                <span className="name">{row.name}</span>
                <span className="bar" aria-hidden="true">
                  <span
                    className={`status-${r.status ?? 'none'}`}
                    style={{ width: `${((r.value ?? 0) / (max || 1)) * 100}%` }}
                  />
                </span>
                <span className="value">{formatIndicator(indicator, r.value)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
