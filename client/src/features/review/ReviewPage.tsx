/**
 * `/review`: the 晾晒榜 for a week — composite and per-indicator ranks with their change on last
 * week, the 红黑榜, gainers and fallers, the summary, the target tracker, and the weekly pack.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SidePanel } from '../../app/SidePanel.tsx';
import { trpc } from '../../app/trpc.ts';
import { formatIndicator } from '../../app/format.ts';
import { Link } from 'wouter';
import { hrefs, oneOf } from '../../app/routes.ts';
import { useUrlParam } from '../../app/useUrlState.ts';
import { useWeekOutside, WeekOutsideNotice } from '../time/WeekOutsideNotice.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { hasPermission, useMe } from '../auth/session.ts';
import { INDICATOR_ORDER, type IndicatorKey } from '../layers/choropleth.ts';
import { describeRules } from '../../../../shared/review/reviewRulesText.ts';
import { downloadPack } from './downloadPack.ts';
import { RankChange } from './RankChange.tsx';
import { SupervisionOutcome } from './SupervisionOutcome.tsx';
import { TargetTracker } from './TargetTracker.tsx';
import { WeekLife } from './WeekLife.tsx';
import { WeekSelect } from './WeekSelect.tsx';
import { shanghaiDateTime } from '../../../../shared/time/dates.ts';
import { BatchButton, SuperviseControls, useReviewSupervision } from '../supervision/ReviewSupervision.tsx';
import { blackListTopic, worstIndicator } from '../supervision/supervisionUi.ts';

const identity = (v: string) => v;
/** Below this width (a 1280 projector) 本周小结 starts folded, so the ranking's columns are not squeezed. */
const FOLD_SUMMARY_BELOW = 1300;

export function ReviewPage({ weeks, defaultWeek }: { weeks: string[]; defaultWeek: string }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const me = useMe();
  // Read before useUrlParam rewrites the address: a week outside the data is said, not silently reset.
  const [outside, dismissOutside] = useWeekOutside(weeks);
  const [week, setWeekParam] = useUrlParam('week', oneOf(weeks), identity, defaultWeek);
  const setWeek = (w: string) => {
    dismissOutside();
    setWeekParam(w);
  };
  const [indicator, setIndicator] = useUrlParam<IndicatorKey>(
    'indicator',
    oneOf(INDICATOR_ORDER),
    identity,
    'committeeRate',
  );
  const [packError, setPackError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const board = useQuery(trpc.review.board.queryOptions({ week }));
  // By week: its 上周 is last week as it was shown, as on the board.
  const report = useQuery(trpc.metrics.report.queryOptions({ week }));
  const series = useQuery(trpc.metrics.series.queryOptions({}));
  const sv = useReviewSupervision(week);
  const mark = useMutation(
    trpc.review.markReviewed.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );

  const pack = async (format: 'pdf' | 'xlsx') => {
    setBusy(format);
    setPackError(null);
    try {
      await downloadPack(week, format);
    } catch (error) {
      setPackError((error as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const b = board.data;
  return (
    <div className="page review" data-testid="review-page">
      <div className="page-bar">
        <h2>{t('review.title')}</h2>
        <WeekSelect weeks={weeks} latest={defaultWeek} value={week} onChange={setWeek} inProgress={weeks.at(-1)} />
        <WeekOutsideNotice outside={outside} shown={week} onPick={setWeek} onDismiss={dismissOutside} />
        {b && <span className="muted">{t('week.asOf', { date: b.asOf })}</span>}
        {b?.reviewed ? (
          <span className="badge badge-approx" data-testid="reviewed-stamp">
            {t('review.reviewedAt', { at: shanghaiDateTime(b.reviewed.reviewedAt) })}
          </span>
        ) : (
          hasPermission(me.data, 'business') && (
            <button
              type="button"
              className="button"
              disabled={mark.isPending || !b}
              onClick={() => mark.mutate({ week })}
            >
              {t('review.markReviewed')}
            </button>
          )
        )}
        <span className="spacer" />
        <BatchButton control={sv.control} onOpen={sv.openBatch} />
        {hasPermission(me.data, 'export') && (
          <>
            <button type="button" className="button" disabled={busy !== null} onClick={() => void pack('pdf')}>
              {busy === 'pdf' ? t('app.loading') : t('review.exportPdf')}
            </button>
            <button type="button" className="button" disabled={busy !== null} onClick={() => void pack('xlsx')}>
              {busy === 'xlsx' ? t('app.loading') : t('review.exportXlsx')}
            </button>
          </>
        )}
      </div>
      {(board.error || packError || mark.error) && (
        <p className="message error" role="alert">
          {board.error?.message ?? packError ?? mark.error?.message}
        </p>
      )}
      {b && <WeekLife board={b} />}
      {b && <SupervisionOutcome board={b} />}
      {!b ? (
        <p className="message">{t('app.loading')}</p>
      ) : (
        <div className="review-grid">
          <section className="panel board">
            <table className="data" data-testid="board">
              <thead>
                <tr>
                  <th>{t('ranking.rank')}</th>
                  <th>{t('review.change')}</th>
                  <th>{t('drill.township')}</th>
                  <th className="num">{t('review.composite')}</th>
                  {INDICATOR_ORDER.map((key) => (
                    <th key={key} className="num">
                      {t(`indicator.short.${key}`)}
                    </th>
                  ))}
                  <th className="num">{t('secondary.overdueIssues')}</th>
                  <th>{t('review.lists')}</th>
                  {sv.control.enabled && <th>{t('supervision.issueButton')}</th>}
                </tr>
              </thead>
              <tbody>
                {b.townships.map((tw) => (
                  <tr key={tw.code}>
                    <td className="num strong">{tw.composite.rank ?? '—'}</td>
                    <td>
                      <RankChange change={tw.composite.rankChange} />
                    </td>
                    <td>
                      <Link href={hrefs.township(tw.code, { week })}>{tw.name}</Link>
                    </td>
                    <td className="num strong">{tw.composite.score === null ? '—' : tw.composite.score.toFixed(1)}</td>
                    {INDICATOR_ORDER.map((key) => (
                      <td key={key} className="num">
                        {formatIndicator(key, tw.indicators[key].value)}{' '}
                        <span className="muted small">#{tw.indicators[key].rank ?? '—'}</span>{' '}
                        <RankChange change={tw.indicators[key].rankChange} />
                      </td>
                    ))}
                    <td className="num">{tw.overdueIssues}</td>
                    <td>
                      {tw.lists.map((l) => (
                        <span key={l} className={`tag tag-${l}`}>
                          {t(`review.${l}`)}
                        </span>
                      ))}
                    </td>
                    {sv.control.enabled && (
                      <td>
                        <SuperviseControls
                          control={sv.control}
                          code={tw.code}
                          name={tw.name}
                          topic={worstIndicator(tw.indicators)}
                          sourceRef={`board:${week}:${tw.code}`}
                          testId="sv-board-issue"
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">{t('review.compositeRule')}</p>
          </section>
          <SidePanel
            id="review-summary"
            side="right"
            className="panel side"
            title={t('review.summary')}
            foldBelowWidth={FOLD_SUMMARY_BELOW}
          >
            <h3>{t('review.summary')}</h3>
            <ul className="sentences" data-testid="summary">
              {b.summary.city.map((s) => (
                <li key={s.text}>{s.text}</li>
              ))}
            </ul>
            <div className="lists">
              {(['redList', 'blackList'] as const).map((list) => (
                <div key={list} className={`list ${list}`}>
                  <h3>{t(`review.${list}`)}</h3>
                  <ul>
                    {b[list].map((e) => (
                      <li key={e.code}>
                        <strong>{e.name}</strong> <span className="muted small">{e.reasons.join(t('punct.list'))}</span>
                        {list === 'blackList' && (
                          <SuperviseControls
                            control={sv.control}
                            code={e.code}
                            name={e.name}
                            topic={blackListTopic(e.rules, b.townships.find((tw) => tw.code === e.code)?.indicators)}
                            sourceRef={`blackList:${week}:${e.code}`}
                            testId="sv-black-issue"
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
            {(b.redWithheld ?? []).length > 0 && (
              <p className="muted small" data-testid="red-withheld">
                {t('review.redWithheld', { names: (b.redWithheld ?? []).map((e) => e.name).join(t('punct.names')) })}
              </p>
            )}
            <h3>{t('review.rules')}</h3>
            <ul className="sentences small" data-testid="list-rules">
              {describeRules(b.rules, locale).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <h3>{t('review.movers')}</h3>
            <ul className="movers">
              {b.movers.composite.gainers.map((m) => (
                <li key={`g${m.code}`}>
                  <RankChange change={m.rankChange} /> {m.name}
                </li>
              ))}
              {b.movers.composite.fallers.map((m) => (
                <li key={`f${m.code}`}>
                  <RankChange change={m.rankChange} /> {m.name}
                </li>
              ))}
            </ul>
          </SidePanel>
          <section className="panel tracker-panel">
            <div className="page-bar">
              <h3>{t('tracker.title')}</h3>
              <div className="segmented" role="radiogroup" aria-label={t('tracker.title')}>
                {INDICATOR_ORDER.map((key) => (
                  <button
                    key={key}
                    type="button"
                    role="radio"
                    aria-checked={indicator === key}
                    className={indicator === key ? 'active' : ''}
                    onClick={() => setIndicator(key)}
                  >
                    {t(`indicator.short.${key}`)}
                  </button>
                ))}
              </div>
            </div>
            {series.data && report.data ? (
              <TargetTracker indicator={indicator} series={series.data} report={report.data} />
            ) : (
              <p className="message">{t('app.loading')}</p>
            )}
          </section>
        </div>
      )}
      {sv.dialogs}
    </div>
  );
}
