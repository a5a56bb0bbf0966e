/**
 * 目标: for one indicator at a time, the goal that applies to the city and to each township today
 * (a township without its own follows the city's, and says so), with its value, deadline, source
 * (假设 labelled) and status; every target of the indicator, in force and retired, to change or
 * retire; a form to add one; and the change history.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey } from '../../../../shared/indicators/index.ts';
import { TargetEditor, type Editing } from './TargetEditor.tsx';
import { TargetHistory } from './TargetHistory.tsx';
import { formatTarget, statusText } from './targetFormat.ts';
import './adminTools.css';

type List = RouterOutputs['targets']['list'];

export function TargetsPanel() {
  const { t, locale } = useI18n();
  const [indicator, setIndicator] = useState<IndicatorKey>(INDICATOR_KEYS[0]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useQuery(trpc.targets.list.queryOptions());
  const data = list.data;
  return (
    <section className="panel admin-tools" data-testid="targets">
      <div className="page-bar">
        <h3>{t('targets.title')}</h3>
        <label className="select">
          {t('targets.indicator')}
          <select
            value={indicator}
            onChange={(e) => {
              setIndicator(e.target.value as IndicatorKey);
              setEditing(null);
            }}
            data-testid="targets-indicator"
          >
            {INDICATOR_KEYS.map((key) => (
              <option key={key} value={key}>
                {INDICATORS[key].names[locale].full}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={() => setEditing({ kind: 'add', indicator, townshipCode: null })}
          data-testid="target-add"
        >
          {t('targets.add')}
        </button>
        {data && <span className="muted small">{t('targets.asOf', { date: data.asOf })}</span>}
      </div>
      {list.error && <p className="error">{list.error.message}</p>}
      {editing && (
        <TargetEditor
          key={JSON.stringify(editing)}
          editing={editing}
          townships={(data?.scopes ?? []).filter((s) => s.townshipCode !== null && s.indicator === indicator)}
          onDone={() => setEditing(null)}
        />
      )}
      {data && (
        <div className="side-by-side">
          <Applicable data={data} indicator={indicator} onAdd={setEditing} />
          <AllTargets data={data} indicator={indicator} onEdit={setEditing} />
        </div>
      )}
      <TargetHistory />
    </section>
  );
}

function SourceTag({ source }: { source: 'published' | 'assumed' | null }) {
  const { t } = useI18n();
  if (source === null) return null;
  return <span className={`tag ${source}`}>{t(`targets.source.${source}`)}</span>;
}

function Applicable({ data, indicator, onAdd }: { data: List; indicator: IndicatorKey; onAdd: (e: Editing) => void }) {
  const { t } = useI18n();
  const rows = data.scopes.filter((s) => s.indicator === indicator);
  return (
    <div>
      <h4>{t('targets.applicable')}</h4>
      <table className="data" data-testid="targets-applicable">
        <thead>
          <tr>
            <th>{t('targets.scope')}</th>
            <th>{t('targets.value')}</th>
            <th>{t('targets.deadline')}</th>
            <th>{t('targets.source')}</th>
            <th>{t('targets.current')}</th>
            <th>{t('targets.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.townshipCode ?? 'city'} className={s.verdict.inherited ? 'inherited' : undefined}>
              <td>{s.name}</td>
              <td className="num">
                {formatTarget(indicator, s.verdict.target)}
                {s.verdict.inherited && <span className="muted small"> {t('targets.followsCity')}</span>}
              </td>
              <td>{s.verdict.deadline ?? '—'}</td>
              <td>
                <SourceTag source={s.verdict.source} />
              </td>
              <td className="num">{formatTarget(indicator, s.verdict.value)}</td>
              <td data-testid={`status-${s.townshipCode ?? 'city'}`}>{statusText(t, indicator, s.verdict.status)}</td>
              <td>
                {s.townshipCode !== null && s.verdict.inherited && (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => onAdd({ kind: 'add', indicator, townshipCode: s.townshipCode })}
                  >
                    {t('targets.own')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AllTargets({
  data,
  indicator,
  onEdit,
}: {
  data: List;
  indicator: IndicatorKey;
  onEdit: (e: Editing) => void;
}) {
  const { t } = useI18n();
  const names = new Map(data.scopes.map((s) => [s.townshipCode, s.name]));
  const rows = data.targets.filter((x) => x.indicator === indicator);
  return (
    <div>
      <h4>{t('targets.all')}</h4>
      <table className="data" data-testid="targets-all">
        <thead>
          <tr>
            <th>{t('targets.scope')}</th>
            <th>{t('targets.value')}</th>
            <th>{t('targets.deadline')}</th>
            <th>{t('targets.source')}</th>
            <th>{t('targets.note')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.id} className={x.retiredAt ? 'retired' : undefined}>
              <td>{names.get(x.townshipCode) ?? x.townshipCode}</td>
              <td className="num">{formatTarget(indicator, x.value)}</td>
              <td>{x.deadline}</td>
              <td>
                <SourceTag source={x.source} />
              </td>
              <td>{x.note}</td>
              <td>
                {x.retiredAt ? (
                  <span className="muted small">{t('targets.retired')}</span>
                ) : (
                  <>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => onEdit({ kind: 'change', target: x })}
                    >
                      {t('targets.change')}
                    </button>{' '}
                    <button
                      type="button"
                      className="button small"
                      onClick={() => onEdit({ kind: 'retire', target: x })}
                    >
                      {t('targets.retire')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
