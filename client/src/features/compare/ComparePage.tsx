/**
 * `/compare?t=CODE,CODE[,CODE,CODE]&from=YYYY-Www`: two to four townships side by side over time —
 * one chart per indicator (each township's weekly series, the city dashed, the goal as a line)
 * and a table of the latest values with their week-on-week change and rank among the 19.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CATEGORICAL } from '../../../../shared/colours/categorical.ts';
import { bestOf, INDICATORS } from '../../../../shared/indicators/index.ts';
import { statusMessage } from '../indicators/StatusBadge.tsx';
import { formatDelta, formatIndicator, isImprovement, lowerIsBetter, unitOfKey } from '../../app/format.ts';
import { Link } from 'wouter';
import { hrefs } from '../../app/routes.ts';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { writeParams } from '../../app/useUrlState.ts';
import { WeekPicker } from '../time/WeekPicker.tsx';
import { useWeekOutside, WeekOutsideNotice } from '../time/WeekOutsideNotice.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { weekAxisLabel } from '../../../../shared/time/weekPickerLabels.ts';
import { INDICATOR_ORDER, type IndicatorKey } from '../layers/choropleth.ts';
import {
  compareParams,
  MAX_TOWNSHIPS,
  MIN_TOWNSHIPS,
  parseCompareView,
  toggleTownship,
  type CompareView,
} from './compareUrl.ts';
import './compare.css';

type Series = RouterOutputs['metrics']['series'];
type Report = RouterOutputs['metrics']['report'];

/** One colour per chosen township, in the order chosen; amber stays the goal's, grey the city's. */
/** Which township is which: categories, so the categorical palette (never a verdict colour). */
export const TOWNSHIP_COLORS = [
  CATEGORICAL.blue.dark,
  CATEGORICAL.pink.dark,
  CATEGORICAL.violet.dark,
  CATEGORICAL.cyan.dark,
] as const;
/** The goal line is a reference, not a verdict: plain ink. */
const GOAL = '#e3ecf7';
const CITY = '#8ea3bd';
const scaleOf = (key: IndicatorKey) => unitOfKey(key).displayScale;

export function ComparePage({ weeks }: { weeks: string[] }) {
  const { t } = useI18n();
  const townships = useQuery(trpc.geography.townships.queryOptions());
  const codes = useMemo(() => townships.data?.map((tw) => tw.code) ?? [], [townships.data]);
  return townships.data ? (
    <CompareBoard key={codes.join()} townshipList={townships.data} weeks={weeks} />
  ) : (
    <p className="message">
      {townships.error ? t('app.loadError', { message: townships.error.message }) : t('app.loading')}
    </p>
  );
}

function CompareBoard({ townshipList, weeks }: { townshipList: { code: string; name: string }[]; weeks: string[] }) {
  const { t } = useI18n();
  const firstWeek = weeks[0] ?? '';
  const [initial] = useState(() =>
    parseCompareView(window.location.search, { townshipCodes: townshipList.map((tw) => tw.code), weeks }),
  );
  const [view, setView] = useState<CompareView>({ townships: initial.townships, from: initial.from });
  const [notice, setNotice] = useState(initial.invalid);
  const [outside, dismissOutside] = useWeekOutside(weeks, 'from');
  useEffect(() => writeParams(compareParams(view, firstWeek)), [view, firstWeek]);

  const ready = view.townships.length >= MIN_TOWNSHIPS;
  const series = useQuery({ ...trpc.metrics.series.queryOptions({}), enabled: ready });
  // The week in progress against last week as it was shown (as the review and the wall compare).
  const report = useQuery({ ...trpc.metrics.report.queryOptions({ week: weeks.at(-1) }), enabled: ready });
  const names = new Map(townshipList.map((tw) => [tw.code, tw.name]));
  const chosen = view.townships.map((code, i) => ({ code, name: names.get(code) ?? code, color: TOWNSHIP_COLORS[i]! }));
  const error = series.error ?? report.error;

  return (
    <div className="page compare-page" data-testid="compare-page">
      <div className="page-bar">
        <h2>{t('compare.title')}</h2>
        <span className="muted">{t('compare.subtitle')}</span>
        <span className="spacer" />
        <WeekPicker
          caption={t('compare.from')}
          weeks={weeks}
          value={view.from}
          onChange={(from) => {
            dismissOutside();
            if (from) setView({ ...view, from });
          }}
          testId="compare-from"
        />
        <WeekOutsideNotice
          outside={outside}
          shown={view.from}
          onPick={(from) => {
            dismissOutside();
            setView({ ...view, from });
          }}
          onDismiss={dismissOutside}
        />
      </div>
      {notice && (
        <p className="compare-notice" role="status" data-testid="invalid-url-notice">
          <span>{t('compare.invalidUrl')}</span>
          <button type="button" className="close" aria-label={t('card.close')} onClick={() => setNotice(false)}>
            ×
          </button>
        </p>
      )}
      <fieldset className="compare-picker panel" data-testid="compare-picker">
        <legend>
          {t('compare.pick', { min: MIN_TOWNSHIPS, max: MAX_TOWNSHIPS })}{' '}
          <span className="muted small" aria-live="polite">
            {t('compare.chosen', { count: view.townships.length, max: MAX_TOWNSHIPS })}
          </span>
          {view.townships.length > 0 && (
            <button
              type="button"
              className="link small compare-clear"
              onClick={() => setView({ ...view, townships: [] })}
            >
              {t('compare.clear')}
            </button>
          )}
        </legend>
        <div className="compare-chips">
          {townshipList.map((tw) => {
            const slot = view.townships.indexOf(tw.code);
            const full = slot < 0 && view.townships.length >= MAX_TOWNSHIPS;
            return (
              <label
                key={tw.code}
                className={`compare-chip${slot >= 0 ? ' on' : ''}${full ? ' full' : ''}`}
                style={slot >= 0 ? { borderColor: TOWNSHIP_COLORS[slot] } : undefined}
              >
                <input
                  type="checkbox"
                  checked={slot >= 0}
                  disabled={full}
                  onChange={() => setView({ ...view, townships: toggleTownship(view.townships, tw.code) })}
                  data-testid={`pick-${tw.code}`}
                />
                {slot >= 0 && (
                  <span className="swatch" style={{ background: TOWNSHIP_COLORS[slot] }} aria-hidden="true" />
                )}
                {tw.name}
              </label>
            );
          })}
        </div>
      </fieldset>

      {!ready ? (
        <div className="compare-empty" data-testid="compare-prompt">
          <p className="compare-empty-title">{t('compare.prompt', { min: MIN_TOWNSHIPS, max: MAX_TOWNSHIPS })}</p>
          <p className="muted">{t('compare.promptHint')}</p>
        </div>
      ) : error ? (
        <p className="message error" role="alert">
          {t('app.loadError', { message: error.message })}
        </p>
      ) : !series.data || !report.data ? (
        <p className="message">{t('app.loading')}</p>
      ) : (
        <>
          <ul className="compare-legend" aria-label={t('map.legend')}>
            {chosen.map((c) => (
              <li key={c.code}>
                <span className="line" style={{ background: c.color }} />
                <Link href={hrefs.township(c.code)}>{c.name}</Link>
              </li>
            ))}
            <li>
              <span className="line dashed" style={{ color: CITY }} />
              {t('township.city')}
            </li>
            <li>
              <span className="line dashed" style={{ color: GOAL }} />
              {t('tracker.goal')}
            </li>
            <li className="muted small">{t('week.asOf', { date: report.data.asOf })}</li>
          </ul>
          <div className="compare-charts">
            {INDICATOR_ORDER.map((key) => (
              <IndicatorChart
                key={key}
                indicator={key}
                series={series.data}
                report={report.data}
                chosen={chosen}
                from={view.from}
              />
            ))}
          </div>
          <LatestTable report={report.data} chosen={chosen} />
        </>
      )}
    </div>
  );
}

function IndicatorChart({
  indicator,
  series,
  report,
  chosen,
  from,
}: {
  indicator: IndicatorKey;
  series: Series;
  report: Report;
  chosen: { code: string; name: string; color: string }[];
  from: string;
}) {
  const { t, locale } = useI18n();
  const k = scaleOf(indicator);
  const goal = report.city.indicators[indicator];
  const byCode = new Map(series.townships.map((tw) => [tw.code, tw.values[indicator]]));
  const data = series.weeks.flatMap((w, i) => {
    if (w.week < from) return [];
    const row: Record<string, string | number | null> = { week: w.week, city: scaled(series.city[indicator][i], k) };
    for (const c of chosen) row[c.code] = scaled(byCode.get(c.code)?.[i], k);
    return [row];
  });
  const unit = unitOfKey(indicator).symbol;
  const format = (value: unknown) => (typeof value === 'number' ? formatIndicator(indicator, value / k) : '—');
  return (
    <section className="panel compare-chart" data-testid={`compare-chart-${indicator}`}>
      <h3>
        {t(`indicator.${indicator}`)}
        {goal.target !== null && (
          <span className="muted small">
            {' '}
            ·{' '}
            {t(goal.targetSource === 'assumed' ? 'indicator.goalAssumed' : 'indicator.goal', {
              goal: formatIndicator(indicator, goal.target),
              deadline: goal.deadline ?? '',
            })}
          </span>
        )}
      </h3>
      <ResponsiveContainer width="100%" height={190}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="#213853" strokeDasharray="3 3" />
          <XAxis
            dataKey="week"
            tick={{ fill: '#8ea3bd', fontSize: 11 }}
            minTickGap={48}
            tickFormatter={(w: string) => weekAxisLabel(w, locale)}
          />
          <YAxis
            tick={{ fill: '#8ea3bd', fontSize: 11 }}
            unit={unit}
            domain={domainOf(indicator)}
            width={52}
            allowDataOverflow={false}
          />
          <Tooltip
            contentStyle={{ background: '#0d1b2d', border: '1px solid #213853' }}
            labelStyle={{ color: '#e3ecf7' }}
            formatter={(value) => format(value)}
          />
          {goal.target !== null && (
            <ReferenceLine
              y={goal.target * k}
              stroke={GOAL}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{ value: t('tracker.goal'), fill: GOAL, fontSize: 11, position: 'insideTopLeft' }}
            />
          )}
          <Line
            dataKey="city"
            name={t('township.city')}
            stroke={CITY}
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
          />
          {chosen.map((c) => (
            <Line
              key={c.code}
              dataKey={c.code}
              name={c.name}
              stroke={c.color}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      {lowerIsBetter(indicator) && <p className="muted small compare-note">{t('tracker.lowerIsBetter')}</p>}
    </section>
  );
}

/** Rates on a percent axis from a round ten below the lowest value to 100 %; unbounded figures from 0. */
function domainOf(indicator: IndicatorKey): [number | ((min: number) => number), number | 'auto'] {
  const unit = unitOfKey(indicator);
  return unit.ceiling === null
    ? [0, 'auto']
    : [(min: number) => Math.max(0, Math.floor(min / 10) * 10), unit.ceiling * unit.displayScale];
}

function scaled(value: number | null | undefined, k: number): number | null {
  return value === null || value === undefined ? null : value * k;
}

function LatestTable({ report, chosen }: { report: Report; chosen: { code: string; name: string; color: string }[] }) {
  const { t, locale } = useI18n();
  const rows = new Map(report.townships.map((tw) => [tw.code, tw]));
  return (
    <section className="panel compare-table-panel">
      <h3>
        {t('compare.latest')} <span className="muted small">{t('week.asOf', { date: report.asOf })}</span>
      </h3>
      <table className="data compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th rowSpan={2}>{t('compare.indicator')}</th>
            {chosen.map((c) => (
              <th key={c.code} colSpan={3} className="group">
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                {c.name}
              </th>
            ))}
            <th colSpan={2} className="group city">
              {t('township.city')}
            </th>
            <th rowSpan={2} className="num">
              {t('tracker.goal')}
            </th>
          </tr>
          <tr>
            {chosen.map((c) => [
              <th key={`${c.code}v`} className="num">
                {t('compare.value')}
              </th>,
              <th key={`${c.code}d`} className="num">
                {t('compare.delta')}
              </th>,
              <th key={`${c.code}r`} className="num">
                {t('ranking.rank')}
              </th>,
            ])}
            <th className="num">{t('compare.value')}</th>
            <th className="num">{t('compare.delta')}</th>
          </tr>
        </thead>
        <tbody>
          {INDICATOR_ORDER.map((key) => {
            const values = chosen
              .map((c) => rows.get(c.code)?.indicators[key].value ?? null)
              .filter((v): v is number => v !== null);
            const best = bestOf(INDICATORS[key], values);
            const city = report.city.indicators[key];
            return (
              <tr key={key} data-testid={`compare-row-${key}`}>
                <th scope="row">{t(`indicator.short.${key}`)}</th>
                {chosen.map((c) => {
                  const ind = rows.get(c.code)?.indicators[key];
                  const better = isImprovement(key, ind?.delta);
                  return [
                    <td
                      key={`${c.code}v`}
                      className={`num value${ind?.value !== null && ind?.value === best && chosen.length > 1 ? ' best' : ''}`}
                      data-testid={`latest-${c.code}-${key}`}
                      data-status={ind?.status ?? 'none'}
                      title={ind?.status ? t(statusMessage(key, ind.status)) : undefined}
                    >
                      {formatIndicator(key, ind?.value)}
                    </td>,
                    <td
                      key={`${c.code}d`}
                      className={`num delta ${better === null ? '' : better ? 'good' : 'bad'}`}
                      data-testid={`delta-${c.code}-${key}`}
                    >
                      {formatDelta(key, ind?.delta, locale)}
                    </td>,
                    <td key={`${c.code}r`} className="num rank" data-testid={`rank-${c.code}-${key}`}>
                      {ind?.rank ?? '—'}
                    </td>,
                  ];
                })}
                <td className="num city">{formatIndicator(key, city.value)}</td>
                <td className="num city">{formatDelta(key, city.delta, locale)}</td>
                <td className="num muted">{formatIndicator(key, city.target)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">{t('compare.tableNote', { count: report.townships.length })}</p>
    </section>
  );
}
