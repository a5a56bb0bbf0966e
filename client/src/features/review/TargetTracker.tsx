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
import { STATUS_LEGEND_ORDER, statusColour } from '../../../../shared/colours/judgement.ts';
import { INDICATORS } from '../../../../shared/indicators/index.ts';
import type { RouterOutputs } from '../../app/trpc.ts';
import { formatIndicator, indicatorAxis, lowerIsBetter, unitOfKey } from '../../app/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { weekAxisLabel } from '../../../../shared/time/weekPickerLabels.ts';
import type { IndicatorKey } from '../layers/choropleth.ts';
import { statusMessage } from '../indicators/StatusBadge.tsx';

type Series = RouterOutputs['metrics']['series'];
type Report = RouterOutputs['metrics']['report'];

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
  const { t, locale } = useI18n();
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
      status: tw.indicators[indicator].status,
    }));
  const counts = new Map(STATUS_LEGEND_ORDER.map((s) => [s, bars.filter((b) => b.status === s).length]));
  // A standing rule is met or not (no pace): its legend has those two.
  const legend = STATUS_LEGEND_ORDER.filter(
    (s) => INDICATORS[indicator].goal === 'deadline' || s === 'met' || s === 'off_track',
  );
  const unit = unitOfKey(indicator).symbol;
  return (
    <div className="tracker">
      <div className="chart">
        <h3>
          {t(`indicator.${indicator}`)} · {formatIndicator(indicator, city.value)} →{' '}
          {formatIndicator(indicator, city.target)}
          {t('punct.paren', { text: city.deadline ?? '—' })}
        </h3>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#213853" strokeDasharray="3 3" />
            <XAxis
              dataKey="week"
              tick={{ fill: '#8ea3bd', fontSize: 11 }}
              minTickGap={40}
              tickFormatter={(w: string) => weekAxisLabel(w, locale)}
            />
            <YAxis tick={{ fill: '#8ea3bd', fontSize: 11 }} unit={unit} domain={indicatorAxis(indicator).domain} />
            <Tooltip contentStyle={{ background: '#0d1b2d', border: '1px solid #213853' }} />
            {city.target !== null && (
              <ReferenceLine
                y={city.target * k}
                stroke="#e3ecf7"
                strokeDasharray="6 4"
                label={{ value: t('tracker.goal'), fill: '#e3ecf7', fontSize: 11 }}
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
              stroke="#e3ecf7"
              dot={false}
              strokeDasharray="2 4"
              connectNulls
              isAnimationActive={false}
            />
            <Line
              dataKey="projection"
              name={t('tracker.projection')}
              stroke="#b7c4d6"
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
            {city.target !== null && <ReferenceLine y={city.target * k} stroke="#e3ecf7" strokeDasharray="6 4" />}
            <Bar dataKey="value" isAnimationActive={false}>
              {bars.map((b) => (
                <Cell key={b.name} fill={statusColour(b.status)} data-status={b.status ?? 'none'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
        <p className="status-legend small">
          {legend.map((s) => (
            <span key={s} data-testid={`tracker-legend-${s}`}>
              <span className="swatch" style={{ background: statusColour(s) }} /> {t(statusMessage(indicator, s))}{' '}
              {counts.get(s)}
            </span>
          ))}
          {lowerIsBetter(indicator) && <span className="muted">{t('tracker.lowerIsBetter')}</span>}
        </p>
      </div>
    </div>
  );
}
