/**
 * `/compound/:code?asOf=YYYY-MM-DD`: a compound's complete file — every record on one timeline,
 * newest first, grouped by year and filterable by kind — and its state on any past date, as the
 * server computes it (compounds.stateOn, the same row as the map and the export).
 */
import { CATEGORICAL } from '../../../../shared/colours/categorical.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { addDays, daysBetween, HISTORY_START, nextMonth } from '../../../../shared/time/dates.ts';
import { isPartyMajority } from '../../../../shared/indicators/committeeRate.ts';
import { Link } from 'wouter';
import { dayBetween, hrefs, parsedBy } from '../../app/routes.ts';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useUrlParam } from '../../app/useUrlState.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import {
  byYear,
  countByKind,
  monthlyActivity,
  parseKinds,
  RECORD_KINDS,
  serialiseKinds,
  timelineEntries,
  type RecordKind,
  type TimelineEntry,
} from './timeline.ts';
import { CompoundEvidence } from '../evidence/CompoundEvidence.tsx';
import './compoundPage.css';

/** Record kinds are categories, not verdicts (shared/colours/categorical.ts; the timeline's --kind colours match). */
const KIND_COLOURS = {
  meeting: CATEGORICAL.cyan.dark,
  issue: CATEGORICAL.pink.dark,
  petition: CATEGORICAL.violet.dark,
};

type State = RouterOutputs['compounds']['stateOn'];
type Compound = RouterOutputs['compounds']['history']['compound'];

const PARTY = {
  standalone: 'class.party.standalone',
  combined: 'class.party.combined',
  joint: 'class.party.joint',
} as const;
const ISSUE_STAGES = [
  ['openedOn', 'accepted'],
  ['dispatchedOn', 'dispatched'],
  ['inProgressOn', 'in_progress'],
  ['closedOn', 'closed'],
  ['revisitedOn', 'revisited'],
] as const;

/** `?show=meeting,issue`: the record kinds on the timeline (all when absent). */
const showSchema = parsedBy(parseKinds);

export function CompoundPage({ code, today }: { code: string; today: string }) {
  const { t } = useI18n();
  const asOfSchema = useMemo(() => dayBetween(HISTORY_START, today), [today]);
  const serialiseDate = useCallback((d: string) => (d === today ? null : d), [today]);
  const [asOf, setAsOf, badDate] = useUrlParam('asOf', asOfSchema, serialiseDate, today);
  const [kinds, setKinds, badKinds] = useUrlParam<RecordKind[]>('show', showSchema, serialiseKinds, [...RECORD_KINDS]);
  const history = useQuery(trpc.compounds.history.queryOptions({ code, complete: true }));
  const state = useQuery({
    ...trpc.compounds.stateOn.queryOptions({ code, asOf }),
    placeholderData: keepPreviousData,
    enabled: history.isSuccess,
  });
  // A link to a past date opens with that date's place on the timeline in view.
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current || !history.data) return;
    scrolled.current = true;
    if (asOf !== today) document.querySelector('[data-testid="timeline-marker"]')?.scrollIntoView({ block: 'center' });
  }, [history.data, asOf, today]);

  if (history.error) {
    return (
      <div className="page compound-page" data-testid="compound-page">
        <div className="compound-missing panel" role="alert" data-testid="compound-error">
          <h2>{t('compoundPage.notFound')}</h2>
          <p>{history.error.message}</p>
          <p>
            <Link href={hrefs.dashboard()}>← {t('compoundPage.backToMap')}</Link>
          </p>
        </div>
      </div>
    );
  }
  const h = history.data;
  if (!h) return <p className="message">{t('app.loading')}</p>;
  const c = h.compound;
  const entries = timelineEntries(h);
  const counts = countByKind(entries);
  const shown = entries.filter((e) => kinds.includes(e.kind));
  return (
    <div className="page compound-page" data-testid="compound-page">
      <div className="page-bar">
        <Link href={hrefs.dashboard({ compound: c.code })} className="button">
          ← {t('compoundPage.backToMap')}
        </Link>
        <h2>{c.name}</h2>
        {c.modelHomeSince && <span className="tag compound-model">{t('card.modelHome')}</span>}
        <span className="muted">
          <Link href={hrefs.township(c.townshipCode)}>{c.townshipName}</Link> · {c.community} · {c.code}
        </span>
      </div>
      {(badDate || badKinds) && (
        <p className="compound-notice" role="status" data-testid="invalid-url-notice">
          {badDate ? t('compoundPage.badDate', { today }) : t('app.invalidUrl')}
        </p>
      )}
      <Facts compound={c} t={t} />
      {/* Above the grid, not in its sticky side column: on a phone the timeline slides over that column. */}
      <CompoundEvidence compoundCode={c.code} townshipCode={c.townshipCode} />
      <div className="compound-grid">
        <div className="compound-side">
          <section
            className="panel compound-state"
            aria-labelledby="state-title"
            data-testid="compound-state"
            data-as-of={state.data && !state.isPlaceholderData ? state.data.asOf : ''}
          >
            <header>
              <h3 id="state-title">{t('compoundPage.stateTitle')}</h3>
              <label className="compound-date">
                <span>{t('compoundPage.date')}</span>
                <input
                  type="date"
                  value={asOf}
                  min={HISTORY_START}
                  max={today}
                  required
                  onChange={(e) => {
                    if (asOfSchema.safeParse(e.target.value).success) setAsOf(e.target.value);
                  }}
                  data-testid="state-date"
                />
              </label>
              {asOf !== today && (
                <button type="button" className="link small" onClick={() => setAsOf(today)}>
                  {t('compoundPage.today')}
                </button>
              )}
            </header>
            {state.error ? (
              <p className="message error" role="alert">
                {state.error.message}
              </p>
            ) : state.data ? (
              <StateFacts state={state.data} t={t} />
            ) : (
              <p className="muted">{t('app.loading')}</p>
            )}
          </section>
          <ActivityChart entries={entries} asOf={asOf} today={today} onPickDate={setAsOf} t={t} />
        </div>
        <section className="panel compound-timeline" aria-labelledby="timeline-title">
          <header>
            <h3 id="timeline-title">
              {t('compoundPage.timeline')}{' '}
              <span className="muted small" data-testid="timeline-count">
                {shown.length === entries.length
                  ? t('compoundPage.recordCount', { count: entries.length })
                  : t('compoundPage.shownCount', { shown: shown.length, count: entries.length })}
              </span>
            </h3>
            <fieldset className="kind-filter">
              <legend className="sr-only">{t('compoundPage.filter')}</legend>
              {RECORD_KINDS.map((kind) => (
                <label key={kind} className={`kind-chip kind-${kind}${kinds.includes(kind) ? ' on' : ''}`}>
                  <input
                    type="checkbox"
                    checked={kinds.includes(kind)}
                    onChange={() =>
                      setKinds(
                        kinds.includes(kind)
                          ? kinds.filter((k) => k !== kind)
                          : RECORD_KINDS.filter((k) => k === kind || kinds.includes(k)),
                      )
                    }
                    data-testid={`kind-${kind}`}
                  />
                  {t(`record.${kind}`)} <span className="count">{counts[kind]}</span>
                </label>
              ))}
            </fieldset>
          </header>
          <Timeline entries={shown} asOf={asOf} today={today} onPickDate={setAsOf} t={t} />
        </section>
      </div>
    </div>
  );
}

function Facts({ compound: c, t }: { compound: Compound; t: Translate }) {
  const facts: [string, string][] = [
    [t('card.households'), c.households.toLocaleString()],
    [t('card.buildings'), c.buildings === null || c.buildings === undefined ? '—' : String(c.buildings)],
    [t('card.yearBuilt'), c.yearBuilt === null || c.yearBuilt === undefined ? '—' : String(c.yearBuilt)],
    [t('card.kind'), t(`kind.${c.kind}`)],
    [t('compoundPage.listedOn'), c.listedOn],
    [t('compoundPage.address'), c.address || '—'],
  ];
  return (
    <dl className="compound-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function StateFacts({ state: s, t }: { state: State; t: Translate }) {
  if (!s.status) {
    return (
      <p className="compound-unlisted" data-testid="state-unlisted">
        {t('compoundPage.notListed', { date: s.asOf, listedOn: s.listedOn })}
      </p>
    );
  }
  const st = s.status;
  return (
    <dl className="state-facts" data-testid="state-facts">
      <dt>{t('card.partyOrg')}</dt>
      <dd data-testid="state-party" data-value={st.partyOrgType ?? ''}>
        {s.partyOrganisation ? (
          <>
            <strong>{t(PARTY[s.partyOrganisation.type])}</strong> {s.partyOrganisation.name}
            <small>{t('card.since', { date: s.partyOrganisation.establishedOn })}</small>
          </>
        ) : (
          <span className="state-none">{t('class.party.none')}</span>
        )}
      </dd>
      <dt>{t('card.committee')}</dt>
      <dd
        data-testid="state-committee"
        data-value={st.committeeInOffice ? (st.committeePartyMajority ? 'partyMajority' : 'inOffice') : ''}
      >
        {s.committee ? (
          <>
            <strong>
              {t(st.committeePartyMajority ? 'class.committee.partyMajority' : 'class.committee.inOffice')}
            </strong>{' '}
            {t('card.members', { members: s.committee.members, party: s.committee.partyMembers })}
            {s.committee.chairIsPartySecretary && (
              <span className="tag compound-model">{t('secondary.chairIsSecretary')}</span>
            )}
            <small>
              {t('card.since', { date: s.committee.formedOn })} ·{' '}
              {t('compoundPage.termEnd', { date: s.committee.termEnd })}
            </small>
          </>
        ) : (
          <span className="state-none">{t('class.committee.none')}</span>
        )}
      </dd>
      <dt>{t('card.property')}</dt>
      <dd data-testid="state-property" data-value={st.propertyCompany ?? ''}>
        {s.contract ? (
          <>
            <strong>{s.contract.company}</strong>
            <small>{t('card.since', { date: s.contract.startOn })}</small>
          </>
        ) : (
          <span className="state-none">{t('card.noProperty')}</span>
        )}
      </dd>
      <dt>{t('card.rating')}</dt>
      <dd data-testid="state-rating" data-value={st.rating ?? ''}>
        {st.rating && s.evaluation ? (
          <>
            <strong className={`rating rating-${st.rating}`}>{t(`class.rating.${st.rating}`)}</strong>{' '}
            {t('compoundPage.score', { score: s.evaluation.score })}
            <small>{t('compoundPage.evaluatedOn', { date: s.evaluation.evaluatedOn })}</small>
          </>
        ) : (
          <span className="state-none">
            {t(st.propertyManaged ? 'class.rating.notEvaluated' : 'class.rating.unmanaged')}
          </span>
        )}
      </dd>
      <dt>{t('card.lastMeeting')}</dt>
      <dd data-testid="state-meeting" data-value={st.lastMeetingDate ?? ''}>
        {s.lastMeeting ? (
          <>
            <strong>{s.lastMeeting.heldOn}</strong>{' '}
            {t('compoundPage.daysAgo', { days: daysBetween(s.lastMeeting.heldOn, s.asOf) })}
            <small>{s.lastMeeting.topics || '—'}</small>
          </>
        ) : (
          <span className="state-none">{t('card.none')}</span>
        )}
      </dd>
      <dt>{t('card.issues')}</dt>
      <dd data-testid="state-issues" data-value={`${st.openIssues}/${st.overdueIssues}`}>
        <strong className={st.overdueIssues > 0 ? 'state-bad' : ''}>
          {t('card.openIssues', { open: st.openIssues, overdue: st.overdueIssues })}
        </strong>
        {s.openIssues.length > 0 && (
          <ul className="open-issues">
            {s.openIssues.map((i) => (
              <li key={i.id} className={i.overdue ? 'overdue' : ''}>
                <span>{t(`issue.category.${i.category}`)}</span> <span className="muted">{i.summary}</span>
                <small>
                  {t('compoundPage.openedOn', { date: i.openedOn })} · {t(`issueStatus.${i.statusOnDate}`)} ·{' '}
                  {t('compoundPage.dueOn', { date: i.dueOn })}
                  {i.overdue && <span className="tag tag-red">{t('compoundPage.overdue')}</span>}
                </small>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

/** Meetings, resident issues and petitions per month over the whole history; a click picks the month's last day. */
function ActivityChart({
  entries,
  asOf,
  today,
  onPickDate,
  t,
}: {
  entries: TimelineEntry[];
  asOf: string;
  today: string;
  onPickDate(date: string): void;
  t: Translate;
}) {
  const data = monthlyActivity(entries, HISTORY_START, today);
  const pick = (month: string | undefined) => {
    if (!month) return;
    const last = addDays(`${nextMonth(month)}-01`, -1);
    onPickDate(last < today ? last : today);
  };
  return (
    <section className="panel compound-activity" aria-labelledby="activity-title">
      <h3 id="activity-title">
        {t('compoundPage.activity')} <span className="muted small">{t('compoundPage.activityHint')}</span>
      </h3>
      <ResponsiveContainer width="100%" height={170}>
        <BarChart
          data={data}
          margin={{ top: 6, right: 6, bottom: 0, left: -24 }}
          onClick={(e) => pick(typeof e?.activeLabel === 'string' ? e.activeLabel : undefined)}
        >
          <CartesianGrid stroke="#213853" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fill: '#8ea3bd', fontSize: 10 }} minTickGap={24} />
          <YAxis tick={{ fill: '#8ea3bd', fontSize: 10 }} allowDecimals={false} />
          <Tooltip
            contentStyle={{ background: '#0d1b2d', border: '1px solid #213853' }}
            labelStyle={{ color: '#e3ecf7' }}
            cursor={{ fill: 'rgba(63, 193, 255, 0.08)' }}
          />
          <ReferenceLine x={asOf.slice(0, 7)} stroke="#e3ecf7" strokeWidth={2} />
          {(['meeting', 'issue', 'petition'] as const).map((kind) => (
            <Bar
              key={kind}
              dataKey={kind}
              name={t(`record.${kind}`)}
              stackId="a"
              fill={KIND_COLOURS[kind]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <p className="activity-legend small">
        {(['meeting', 'issue', 'petition'] as const).map((kind) => (
          <span key={kind}>
            <span className={`swatch kind-${kind}`} /> {t(`record.${kind}`)}
          </span>
        ))}
        <span>
          <span className="swatch marker" /> {t('compoundPage.chosenDate')}
        </span>
      </p>
    </section>
  );
}

function Timeline({
  entries,
  asOf,
  today,
  onPickDate,
  t,
}: {
  entries: TimelineEntry[];
  asOf: string;
  today: string;
  onPickDate(date: string): void;
  t: Translate;
}) {
  if (entries.length === 0) return <p className="muted">{t('compoundPage.noRecords')}</p>;
  const markerAt = entries.findIndex((e) => e.date <= asOf);
  return (
    <div className="timeline-years" data-testid="timeline">
      {byYear(entries).map((group) => (
        <section key={group.year} className="timeline-year">
          <h4>
            {t('compoundPage.year', { year: group.year })}{' '}
            <span className="muted small">{t('compoundPage.recordCount', { count: group.entries.length })}</span>
          </h4>
          <ol>
            {group.entries.map((e) => (
              <TimelineItem
                key={`${e.kind}-${e.id}`}
                entry={e}
                after={e.date > asOf}
                marker={entries[markerAt] === e ? asOf : null}
                today={today}
                onPickDate={onPickDate}
                t={t}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function TimelineItem({
  entry: e,
  after,
  marker,
  today,
  onPickDate,
  t,
}: {
  entry: TimelineEntry;
  after: boolean;
  marker: string | null;
  today: string;
  onPickDate(date: string): void;
  t: Translate;
}) {
  return (
    <>
      {marker && (
        <li className="timeline-marker" data-testid="timeline-marker">
          <span>{t('compoundPage.marker', { date: marker })}</span>
        </li>
      )}
      <li
        className={`timeline-entry kind-${e.kind}${after ? ' after' : ''}`}
        data-kind={e.kind}
        data-testid="timeline-entry"
      >
        <button
          type="button"
          className="entry-date"
          title={t('compoundPage.pickDate')}
          onClick={() => onPickDate(e.date)}
        >
          {e.date}
        </button>
        <span className="entry-kind">{t(`record.${e.kind}`)}</span>
        <div className="entry-body">{entryText(e, today, t)}</div>
      </li>
    </>
  );
}

function entryText(e: TimelineEntry, today: string, t: Translate) {
  switch (e.kind) {
    case 'party': {
      const r = e.record;
      return (
        <>
          <strong>{r.name}</strong>
          {t('punct.paren', { text: t(PARTY[r.type]) })}
          <small>
            {r.dissolvedOn ? t('compoundPage.dissolvedOn', { date: r.dissolvedOn }) : t('compoundPage.inForce')}
          </small>
        </>
      );
    }
    case 'committee': {
      const r = e.record;
      return (
        <>
          <strong>{t('compoundPage.committeeFormed')}</strong>{' '}
          {t('card.members', { members: r.members, party: r.partyMembers })}
          {isPartyMajority(r.members, r.partyMembers) && (
            <span className="tag tag-red">{t('compoundPage.partyMajority')}</span>
          )}
          {r.chairIsPartySecretary && <span className="tag compound-model">{t('secondary.chairIsSecretary')}</span>}
          <small>
            {r.endedOn
              ? t('compoundPage.endedEarly', { date: r.endedOn, termEnd: r.termEnd })
              : t('compoundPage.termEnd', { date: r.termEnd })}
          </small>
        </>
      );
    }
    case 'property': {
      const r = e.record;
      return (
        <>
          <strong>{r.company}</strong> {t('compoundPage.contract')}
          <small>{r.endOn ? t('compoundPage.contractEnded', { date: r.endOn }) : t('compoundPage.inForce')}</small>
        </>
      );
    }
    case 'evaluation': {
      const r = e.record;
      return (
        <>
          <strong className={`rating rating-${r.rating}`}>{t(`class.rating.${r.rating}`)}</strong>{' '}
          {t('compoundPage.score', { score: r.score })}
          <small>{t('compoundPage.safetyScore', { score: r.safetyScore })}</small>
        </>
      );
    }
    case 'meeting': {
      const r = e.record;
      return (
        <>
          <strong>{r.topics || '—'}</strong>
          <small>{t('compoundPage.meetingFacts', { attendees: r.attendees, resolved: r.problemsResolved })}</small>
        </>
      );
    }
    case 'issue': {
      const r = e.record;
      // Overdue once open past its due day; an issue is open up to the day before it was closed.
      const overdue = (r.closedOn ? addDays(r.closedOn, -1) : today) > r.dueOn;
      const short = (date: string) => (date.slice(0, 4) === r.openedOn.slice(0, 4) ? date.slice(5) : date);
      return (
        <>
          <strong>{t(`issue.category.${r.category}`)}</strong> {r.summary}{' '}
          <span className="muted">· {t(`issue.channel.${r.channel}`)}</span>
          <span className="issue-moves">
            {ISSUE_STAGES.map(([field, stage]) =>
              r[field] ? (
                <span key={stage} className={`move move-${stage}`}>
                  {t(`issueStatus.${stage}`)} <time>{short(r[field]!)}</time>
                </span>
              ) : null,
            )}
            <span className={`move due${overdue ? ' late' : ''}`}>
              {t('compoundPage.dueOn', { date: short(r.dueOn) })}
            </span>
          </span>
        </>
      );
    }
    case 'petition': {
      const r = e.record;
      return (
        <>
          <strong>{t(`petition.kind.${r.kind}`)}</strong> {t(`issue.category.${r.category}`)}
          <small>
            {r.resolvedOn ? t('compoundPage.resolvedOn', { date: r.resolvedOn }) : t('compoundPage.unresolved')}
          </small>
        </>
      );
    }
  }
}
