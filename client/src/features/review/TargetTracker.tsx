/**
 * Target tracker: the city's weekly value against its goal, with the straight path from now to
 * the goal by its deadline and the projection at the trailing pace; and the 19 townships against
 * the goal line, coloured by status. Petitions read the right way round (down is good).
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RouterOutputs } from '../../app/trpc.ts';
import { formatIndicator, lowerIsBetter, unitOfKey } from '../../app/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { IndicatorKey } from '../layers/choropleth.ts';

type Series = RouterOutputs['metrics']['series'];
type Report = RouterOutputs['metrics']['report'];

export const STATUS_COLORS = {
  on_track: '#2fd39a',
  at_risk: '#ffb020',
  off_track: '#ff4d5e',
  none: '#7d8ba1',
} as const;
const scaleOf = (key: IndicatorKey) => unitOfKey(key).displayScale;

export function TargetTracker({
  indicator,
  series,
  report,
}: {
  indicator: IndicatorKey;
  series: Series;
  report: Report;
}) {
  const { t } = useI18n();
  const k = scaleOf(indicator);
  const city = report.city.indicators[indicator];
  const points: { week: string; value?: number | null; path?: number; projection?: number }[] = series.weeks
    .filter((w) => w.date <= report.asOf)
    .map((w, i) => ({
      week: w.week,
      value: series.city[indicator][i] === null ? null : series.city[indicator][i]! * k,
    }));
  if (city.value !== null && city.target !== null && city.deadline && city.deadline > report.asOf) {
    const last = points[points.length - 1];
    if (last) {
      last.path = city.value * k;
      last.projection = city.value * k;
    }
    points.push({
      week: city.deadline,
      path: city.target * k,
      ...(city.projectedDate && city.projectedDate <= city.deadline ? { projection: city.target * k } : {}),
    });
  }
  const bars = [...report.townships]
    .sort((a, b) => (a.indicators[indicator].rank ?? 99) - (b.indicators[indicator].rank ?? 99))
    .map((tw) => ({
      name: tw.name,
      value: (tw.indicators[indicator].value ?? 0) * k,
      status: (tw.indicators[indicator].status ?? 'none') as keyof typeof STATUS_COLORS,
    }));
  const unit = unitOfKey(indicator).symbol;
  return (
    <div className="tracker">
      <div className="chart">
        <h3>
          {t(`indicator.${indicator}`)} · {formatIndicator(indicator, city.value)} →{' '}
          {formatIndicator(indicator, city.target)}（{city.deadline}）
        </h3>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#213853" strokeDasharray="3 3" />
            <XAxis dataKey="week" tick={{ fill: '#8ea3bd', fontSize: 11 }} minTickGap={40} />
            <YAxis tick={{ fill: '#8ea3bd', fontSize: 11 }} unit={unit} domain={['auto', 'auto']} />
            <Tooltip contentStyle={{ background: '#0d1b2d', border: '1px solid #213853' }} />
            {city.target !== null && (
              <ReferenceLine
                y={city.target * k}
                stroke="#ffb020"
                strokeDasharray="6 4"
                label={{ value: t('tracker.goal'), fill: '#ffb020', fontSize: 11 }}
              />
            )}
            <Line
              type="monotone"
              dataKey="value"
              name={t('tracker.actual')}
              stroke="#3fc1ff"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              dataKey="path"
              name={t('tracker.path')}
              stroke="#ffb020"
              dot={false}
              strokeDasharray="2 4"
              connectNulls
              isAnimationActive={false}
            />
            <Line
              dataKey="projection"
              name={t('tracker.projection')}
              stroke="#2fd39a"
              dot={false}
              strokeDasharray="8 4"
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="chart">
        <h3>{t('tracker.townships')}</h3>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#213853" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="name"
              tick={{ fill: '#8ea3bd', fontSize: 10 }}
              interval={0}
              angle={-40}
              textAnchor="end"
              height={56}
            />
            <YAxis tick={{ fill: '#8ea3bd', fontSize: 11 }} unit={unit} />
            <Tooltip contentStyle={{ background: '#0d1b2d', border: '1px solid #213853' }} />
            {city.target !== null && <ReferenceLine y={city.target * k} stroke="#ffb020" strokeDasharray="6 4" />}
            <Bar dataKey="value" isAnimationActive={false}>
              {bars.map((b) => (
                <Cell key={b.name} fill={STATUS_COLORS[b.status]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
        <p className="status-legend small">
          {(['on_track', 'at_risk', 'off_track'] as const).map((s) => (
            <span key={s}>
              <span className="swatch" style={{ background: STATUS_COLORS[s] }} /> {t(`status.${s}`)}
            </span>
          ))}
          {lowerIsBetter(indicator) && <span className="muted">{t('tracker.lowerIsBetter')}</span>}
        </p>
      </div>
    </div>
  );
}
