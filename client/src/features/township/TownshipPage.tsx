/**
 * `/township/:code`: one township's week — its five indicators with their weekly history against
 * the city and the goal, its lagging compounds, what changed since last week, and its pack.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { trpc } from '../../app/trpc.ts';
import { formatDelta, formatIndicator, indicatorAxis, isImprovement, unitOfKey } from '../../app/format.ts';
import { Link } from 'wouter';
import { hrefs, oneOf } from '../../app/routes.ts';
import { useUrlParam } from '../../app/useUrlState.ts';
import { useI18n } from '../../i18n/index.tsx';
import { weekAxisLabel } from '../../../../shared/time/weekPickerLabels.ts';
import { canEditTownship, hasPermission, useMe } from '../auth/session.ts';
import { EditingPanel } from '../editing/EditingPanel.tsx';
import { EvidenceGallery } from '../evidence/EvidenceGallery.tsx';
import { maySeeEvidence } from '../evidence/maySeeEvidence.ts';
import { INDICATOR_ORDER } from '../layers/choropleth.ts';
import { downloadOnePager, downloadPack } from '../review/downloadPack.ts';
import { RankChange } from '../review/RankChange.tsx';
import { WeekLife } from '../review/WeekLife.tsx';
import { WeekSelect } from '../review/WeekSelect.tsx';
import { useWeekOutside, WeekOutsideNotice } from '../time/WeekOutsideNotice.tsx';
import { StatusBadge } from '../indicators/StatusBadge.tsx';
import { TownshipSupervision } from '../supervision/TownshipSupervision.tsx';
import { useIssueDialog } from '../supervision/useIssueDialog.tsx';
import { LAG_TOPIC } from '../supervision/supervisionUi.ts';

const identity = (v: string) => v;

export function TownshipPage({ code, weeks, defaultWeek }: { code: string; weeks: string[]; defaultWeek: string }) {
  const { t, locale } = useI18n();
  // Weeks up to the last one that has ended: the current week's review is not written yet.
  // The week in progress too: staff see what they recorded today (an issue closed today is not overdue there).
  const inProgress = weeks.at(-1);
  const [outside, dismissOutside] = useWeekOutside(weeks);
  const [week, setWeekParam] = useUrlParam(
    'week',
    oneOf(weeks.filter((w) => w <= defaultWeek || w === inProgress)),
    identity,
    defaultWeek,
  );
  const setWeek = (w: string) => {
    dismissOutside();
    setWeekParam(w);
  };
  const review = useQuery(trpc.review.township.queryOptions({ code, week }));
  const [packError, setPackError] = useState<string | null>(null);
  const [onePagerBusy, setOnePagerBusy] = useState(false);
  const me = useMe();
  const r = review.data;
  const issue = useIssueDialog(
    r ? { townshipCode: code, townshipName: r.name, reviewWeek: week, laggingWeek: week } : null,
  );
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const tickedLagging = r?.lagging.filter((c) => ticked.has(c.code)) ?? [];
  // An unknown code: say so, and offer nothing to export or print.
  const missing = review.isError && !r;
  return (
    <div className="page township-page" data-testid="township-page">
      <div className="page-bar">
        <Link href={hrefs.review({ week })} className="button">
          ← {t('review.title')}
        </Link>
        {/* Never the bare code: 加载中… until the name arrives, 未找到该镇街 for an unknown one. */}
        <h2 data-testid="township-title">{r ? r.name : missing ? t('township.notFound') : t('app.loading')}</h2>
        {r && (
          <span className="muted">
            {t('township.compositeRank', { rank: r.standing.composite.rank ?? '—', ranked: r.ranked })}{' '}
            <RankChange change={r.standing.composite.rankChange} />
          </span>
        )}
        {!missing && (
          <WeekSelect weeks={weeks} latest={defaultWeek} value={week} onChange={setWeek} inProgress={inProgress} />
        )}
        <WeekOutsideNotice outside={outside} shown={week} onPick={setWeek} onDismiss={dismissOutside} />
        {review.isFetching && r && (
          <span className="badge badge-approx" role="status" data-testid="township-updating">
            {t('township.updating')}
          </span>
        )}
        <span className="spacer" />
        {r && (hasPermission(me.data, 'export') || canEditTownship(me.data, code)) && (
          <button
            type="button"
            className="button primary"
            disabled={onePagerBusy}
            onClick={() => {
              setOnePagerBusy(true);
              downloadOnePager(week, code)
                .catch((e: Error) => setPackError(e.message))
                .finally(() => setOnePagerBusy(false));
            }}
            data-testid="one-pager"
          >
            {onePagerBusy ? t('township.onePagerBusy') : t('township.onePager')}
          </button>
        )}
        {r && (
          <button type="button" className="button" onClick={() => window.print()} data-testid="print-page">
            {t('township.print')}
          </button>
        )}
        {r && hasPermission(me.data, 'export') && (
          <>
            <button
              type="button"
              className="button"
              onClick={() => downloadPack(week, 'pdf', code).catch((e: Error) => setPackError(e.message))}
            >
              {t('review.exportPdf')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => downloadPack(week, 'xlsx', code).catch((e: Error) => setPackError(e.message))}
            >
              {t('review.exportXlsx')}
            </button>
          </>
        )}
      </div>
      {(review.error || packError) && (
        <p className="message error" role="alert">
          {review.error?.message ?? packError}
        </p>
      )}
      {r && <WeekLife board={r} />}
      {canEditTownship(me.data, code) && <EditingPanel townshipCode={code} />}
      {/* An unknown township has no evidence or supervision items to show, only the refusal above. */}
      {!missing && maySeeEvidence(me.data, code) && (
        <EvidenceGallery scope={{ townshipCode: code }} canRemove={canEditTownship(me.data, code)} />
      )}
      {!missing && <TownshipSupervision code={code} />}
      {issue.dialog}
      {r && (
        <>
          <ul className="sentences">
            {r.summary.map((s) => (
              <li key={s.text}>{s.text}</li>
            ))}
          </ul>
          <div className="small-multiples">
            {INDICATOR_ORDER.map((key) => {
              const ind = r.indicators[key];
              const k = unitOfKey(key).displayScale;
              const data = r.history.weeks.map((w, i) => ({
                week: w.week,
                township: r.history.township[key][i] === null ? null : r.history.township[key][i]! * k,
                city: r.history.city[key][i] === null ? null : r.history.city[key][i]! * k,
              }));
              const better = isImprovement(key, ind.delta);
              return (
                <section key={key} className="panel" data-testid={`history-${key}`}>
                  <h3>
                    {t(`indicator.${key}`)}
                    {issue.enabled && (
                      <button
                        type="button"
                        className="button sv-issue"
                        onClick={() => issue.open(key)}
                        data-testid={`sv-indicator-issue-${key}`}
                      >
                        {t('supervision.issueButton')}
                      </button>
                    )}
                  </h3>
                  <p>
                    <span className="big">{formatIndicator(key, ind.value)}</span>{' '}
                    <span className={`delta ${better === null ? '' : better ? 'good' : 'bad'}`}>
                      {formatDelta(key, ind.delta, locale)}
                    </span>{' '}
                    <StatusBadge indicator={key} status={ind.status} />{' '}
                    <span className="muted small">{t('card.township.rank', { rank: ind.rank ?? '—' })}</span>
                  </p>
                  {ind.reason && <p className="muted small">{ind.reason}</p>}
                  <ResponsiveContainer width="100%" height={130}>
                    <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
                      <CartesianGrid stroke="#213853" strokeDasharray="3 3" />
                      <XAxis
                        dataKey="week"
                        tick={{ fill: '#8ea3bd', fontSize: 10 }}
                        minTickGap={50}
                        tickFormatter={(w: string) => weekAxisLabel(w, locale)}
                      />
                      <YAxis
                        tick={{ fill: '#8ea3bd', fontSize: 10 }}
                        domain={indicatorAxis(key).domain}
                        unit={indicatorAxis(key).unit}
                      />
                      <Tooltip contentStyle={{ background: '#0d1b2d', border: '1px solid #213853' }} />
                      {ind.target !== null && (
                        <ReferenceLine y={ind.target * k} stroke="#e3ecf7" strokeDasharray="6 4" />
                      )}
                      <Line
                        dataKey="city"
                        name={t('township.city')}
                        stroke="#8ea3bd"
                        dot={false}
                        isAnimationActive={false}
                      />
                      <Line
                        dataKey="township"
                        name={r.name}
                        stroke="#3fc1ff"
                        dot={false}
                        strokeWidth={2}
                        isAnimationActive={false}
                      />
                    </LineChart>
                  </ResponsiveContainer>
                </section>
              );
            })}
          </div>
          <div className="two-columns">
            <section className="panel">
              <h3>
                {t('township.lagging', { count: r.lagging.length })}
                {issue.enabled && tickedLagging.length > 0 && (
                  <button
                    type="button"
                    className="button primary sv-issue"
                    onClick={() => issue.open(LAG_TOPIC[tickedLagging[0]!.reasons[0]!], { preselect: [...ticked] })}
                    data-testid="sv-lagging-issue"
                  >
                    {t('supervision.laggingIssue', { count: tickedLagging.length })}
                  </button>
                )}
              </h3>
              <table className="data" data-testid="lagging">
                <thead>
                  <tr>
                    {issue.enabled && <th aria-label={t('supervision.pick')} />}
                    <th>{t('drill.compound')}</th>
                    <th>{t('card.community')}</th>
                    <th>{t('drill.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.lagging.map((c) => (
                    <tr key={c.code}>
                      {issue.enabled && (
                        <td>
                          <input
                            type="checkbox"
                            checked={ticked.has(c.code)}
                            aria-label={`${t('supervision.pick')}${t('punct.colon')}${c.name}`}
                            onChange={() =>
                              setTicked((prev) => {
                                const next = new Set(prev);
                                if (next.has(c.code)) next.delete(c.code);
                                else next.add(c.code);
                                return next;
                              })
                            }
                            data-testid="sv-lagging-pick"
                          />
                        </td>
                      )}
                      <td>{c.name}</td>
                      <td>{c.community}</td>
                      <td>{c.reasonText.join(t('punct.list'))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="panel">
              <h3>{t('township.changes', { count: r.changes.length })}</h3>
              <ul className="changes">
                {r.changes.length === 0 && <li className="muted">{t('township.noChanges')}</li>}
                {r.changes.map((c) => (
                  <li key={c.code}>
                    <strong>{c.name}</strong>
                    {t('punct.colon')}
                    {c.changes.map((x) => x.text).join(t('punct.list'))}
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
