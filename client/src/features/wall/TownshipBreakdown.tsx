/**
 * Each township's compounds split by the layer's classes, as stacked bars in one or more columns;
 * the lagging first: furthest from the layer's goal (the issues layer: most overdue issues).
 */
import { INDICATORS, shortfall } from '../../../../shared/indicators/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { TownshipClassCounts } from '../../../../shared/wall/wallCompounds.ts';
import { LAYER_CLASSES, type CoverageLayer } from '../layers/coverageLayers.ts';
import type { TownshipReport } from './laggingTownships.ts';
import { SCENE_INDICATOR } from './scenePlan.ts';

interface Props {
  layer: CoverageLayer;
  townships: readonly TownshipReport[];
  /** Each township's compounds counted per class (shared/wall/wallCompounds.ts). */
  counts: readonly TownshipClassCounts[];
  columns: number;
}

export function TownshipBreakdown({ layer, townships, counts, columns }: Props) {
  const { t } = useI18n();
  const classes = LAYER_CLASSES[layer];
  const byTownship = new Map(counts.map((c) => [c.code, c.classes[layer]]));
  const totalOf = (code: string) => Object.values(byTownship.get(code) ?? {}).reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...townships.map((tw) => totalOf(tw.code)));
  const key = SCENE_INDICATOR[layer];
  const lag = (tw: TownshipReport): number => {
    if (!key) return tw.secondary.overdueIssues;
    const r = tw.indicators[key];
    return r.value === null || r.target === null ? 0 : shortfall(INDICATORS[key], r.value, r.target);
  };
  const rows = [...townships].sort(
    (a, b) => lag(b) - lag(a) || totalOf(b.code) - totalOf(a.code) || a.code.localeCompare(b.code),
  );
  return (
    <section className="wall-panel wall-breakdown" data-testid="wall-breakdown">
      <h2>
        {t('wall.byTownship')} <small>{t(key ? 'wall.byTownshipGap' : 'wall.byTownshipOverdue')}</small>
      </h2>
      <ol
        style={{
          gridTemplateColumns: `repeat(${columns}, 1fr)`,
          gridTemplateRows: `repeat(${Math.ceil(rows.length / columns)}, auto)`,
        }}
      >
        {rows.map((tw) => (
          <li key={tw.code}>
            <span className="name">{tw.name}</span>
            <span className="bar" style={{ width: `${(totalOf(tw.code) / max) * 100}%` }}>
              {classes.map((c) => {
                const n = byTownship.get(tw.code)?.[c.id] ?? 0;
                return n ? <span key={c.id} style={{ flexGrow: n, background: c.color }} /> : null;
              })}
            </span>
            <span className="count">{totalOf(tw.code)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
