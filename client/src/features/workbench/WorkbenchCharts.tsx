/**
 * Two charts of the compounds on screen: how many per township (click a bar to filter to that
 * township) and how they divide into the classes of the chosen coverage layer.
 */
import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/index.tsx';
import { legendFor, type CoverageLayer } from '../layers/coverageLayers.ts';
import type { WorkbenchRow } from './compoundColumns.ts';

const AXIS = { fill: '#8ea3bd', fontSize: 12 };
const TOOLTIP = {
  contentStyle: { background: '#0d1b2d', border: '1px solid #213853', color: '#e3ecf7' },
  cursor: { fill: 'rgba(63,193,255,0.08)' },
};

interface Props {
  rows: readonly WorkbenchRow[];
  layer: CoverageLayer;
  onTownship(code: string): void;
}

export function WorkbenchCharts({ rows, layer, onTownship }: Props) {
  const { t } = useI18n();
  const byTownship = new Map<string, { code: string; name: string; count: number }>();
  for (const r of rows) {
    const entry = byTownship.get(r.townshipCode) ?? { code: r.townshipCode, name: r.townshipName, count: 0 };
    entry.count += 1;
    byTownship.set(r.townshipCode, entry);
  }
  const townships = [...byTownship.values()].sort((a, b) => b.count - a.count);
  const classes = legendFor(layer, rows).map((c) => ({ ...c, name: t(c.label) }));
  return (
    <section className="workbench-charts" aria-label={t('workbench.charts')}>
      <figure>
        <figcaption>{t('workbench.chartTownships')}</figcaption>
        <ResponsiveContainer width="100%" height={Math.max(120, townships.length * 20 + 30)}>
          <BarChart data={townships} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
            <XAxis type="number" tick={AXIS} allowDecimals={false} />
            <YAxis type="category" dataKey="name" tick={AXIS} width={64} interval={0} />
            <Tooltip {...TOOLTIP} formatter={(v) => [v, t('workbench.compounds')]} />
            <Bar
              dataKey="count"
              fill="#3fc1ff"
              isAnimationActive={false}
              onClick={(d: { payload?: { code: string } }) => d.payload && onTownship(d.payload.code)}
              cursor="pointer"
            />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure>
        <figcaption>{t('workbench.chartClasses', { layer: t(`layer.${layer}`) })}</figcaption>
        <ResponsiveContainer width="100%" height={classes.length * 22 + 30}>
          <BarChart data={classes} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
            <XAxis type="number" tick={AXIS} allowDecimals={false} />
            <YAxis type="category" dataKey="name" tick={AXIS} width={110} interval={0} />
            <Tooltip {...TOOLTIP} formatter={(v) => [v, t('workbench.compounds')]} />
            <Bar dataKey="count" isAnimationActive={false}>
              {classes.map((c) => (
                <Cell key={c.id} fill={c.color} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </section>
  );
}
