/**
 * Adding, changing or retiring one target: the form (value typed in the indicator's display
 * unit), then — before saving — the effect on every scope whose goal or status changes as of
 * today, computed on the server (targets.preview; its refusal shows in Chinese). Saving refetches
 * every figure on screen: the dashboard judges by the new goal at once.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { INDICATORS, type IndicatorKey } from '../../../../shared/indicators/index.ts';
import { formatTarget, fromDisplay, statusText, toDisplay, unitOf } from './targetFormat.ts';

type Stored = RouterOutputs['targets']['list']['targets'][number];
type Scope = RouterOutputs['targets']['list']['scopes'][number];

export type Editing =
  | { kind: 'add'; indicator: IndicatorKey; townshipCode: string | null }
  | { kind: 'change'; target: Stored }
  | { kind: 'retire'; target: Stored };

export function TargetEditor({
  editing,
  townships,
  onDone,
}: {
  editing: Editing;
  townships: Scope[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const start = editing.kind === 'add' ? null : editing.target;
  const indicator = editing.kind === 'add' ? editing.indicator : editing.target.indicator;
  const [townshipCode, setTownshipCode] = useState(
    (editing.kind === 'add' ? editing.townshipCode : editing.target.townshipCode) ?? '',
  );
  const [value, setValue] = useState(start ? String(toDisplay(indicator, start.value)) : '');
  const [deadline, setDeadline] = useState(start?.deadline ?? '');
  const [source, setSource] = useState<'published' | 'assumed'>(start?.source ?? 'assumed');
  const [note, setNote] = useState(start?.note ?? '');

  const typed = value.trim() === '' ? Number.NaN : Number(value);
  const fields = {
    indicator,
    townshipCode: townshipCode || null,
    value: fromDisplay(indicator, typed),
    deadline,
    source,
    note,
  };
  const ready = editing.kind === 'retire' || (Number.isFinite(typed) && deadline !== '');
  const edit =
    editing.kind === 'retire'
      ? ({ kind: 'retire', id: editing.target.id } as const)
      : editing.kind === 'change'
        ? ({ kind: 'change', id: editing.target.id, fields } as const)
        : ({ kind: 'add', fields } as const);
  const preview = useQuery({
    ...trpc.targets.preview.queryOptions(edit),
    enabled: ready,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const onSuccess = async () => {
    await queryClient.invalidateQueries();
    onDone();
  };
  const add = useMutation(trpc.targets.add.mutationOptions({ onSuccess }));
  const change = useMutation(trpc.targets.change.mutationOptions({ onSuccess }));
  const retire = useMutation(trpc.targets.retire.mutationOptions({ onSuccess }));
  const saving = add.isPending || change.isPending || retire.isPending;
  const error = add.error ?? change.error ?? retire.error ?? (ready ? preview.error : null);
  const save = () => {
    if (editing.kind === 'retire') retire.mutate({ id: editing.target.id });
    else if (editing.kind === 'change') change.mutate({ id: editing.target.id, fields });
    else add.mutate({ fields });
  };
  const unit = unitOf(indicator);
  const name = INDICATORS[indicator].names['zh-CN'].short;

  return (
    <div className="panel" data-testid="target-editor">
      <h4>{t(`targets.editing.${editing.kind}`, { name })}</h4>
      {editing.kind !== 'retire' ? (
        <div className="filters">
          <label className="field">
            {t('targets.scope')}
            <select
              value={townshipCode}
              onChange={(e) => setTownshipCode(e.target.value)}
              disabled={editing.kind === 'change'}
              data-testid="target-scope"
            >
              <option value="">{t('targets.city')}</option>
              {townships.map((s) => (
                <option key={s.townshipCode} value={s.townshipCode ?? ''}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {unit.symbol === '%' ? t('targets.valuePercent') : t('targets.valuePer1000')}
            <input
              type="number"
              min={0}
              step="any"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              data-testid="target-value"
            />
          </label>
          <label className="field">
            {t('targets.deadline')}
            <input
              type="date"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
              data-testid="target-deadline"
            />
          </label>
          <label className="field">
            {t('targets.source')}
            <select value={source} onChange={(e) => setSource(e.target.value as 'published' | 'assumed')}>
              <option value="published">{t('targets.source.published')}</option>
              <option value="assumed">{t('targets.source.assumed')}</option>
            </select>
          </label>
          <label className="field">
            {t('targets.note')}
            <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} size={30} />
          </label>
        </div>
      ) : (
        <p>
          {t('targets.retireWhat', {
            value: formatTarget(indicator, editing.target.value),
            deadline: editing.target.deadline,
          })}
        </p>
      )}
      <h4>{t('targets.effect')}</h4>
      {!ready && <p className="muted">{t('targets.fillIn')}</p>}
      {ready && preview.data && <Effects indicator={indicator} effects={preview.data.effects} />}
      {error && (
        <p className="error" role="alert" data-testid="target-error">
          {error.message}
        </p>
      )}
      <div className="admin-form">
        <button
          type="button"
          className={editing.kind === 'retire' ? 'button danger' : 'button primary'}
          disabled={!ready || saving || !preview.data || preview.isError || preview.isFetching}
          onClick={save}
          data-testid="target-save"
        >
          {t(`targets.save.${editing.kind}`)}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('targets.cancel')}
        </button>
      </div>
    </div>
  );
}

function Effects({
  indicator,
  effects,
}: {
  indicator: IndicatorKey;
  effects: RouterOutputs['targets']['preview']['effects'];
}) {
  const { t } = useI18n();
  if (effects.length === 0) return <p className="muted">{t('targets.noEffect')}</p>;
  return (
    <table className="data diff" data-testid="target-effects">
      <thead>
        <tr>
          <th>{t('targets.scope')}</th>
          <th>{t('targets.value')}</th>
          <th>{t('targets.status')}</th>
        </tr>
      </thead>
      <tbody>
        {effects.map((e) => (
          <tr key={`${e.townshipCode}-${e.indicator}`}>
            <td>{e.name}</td>
            <td>
              {formatTarget(indicator, e.before.target)}
              {e.before.inherited ? t('targets.followsCityShort') : ''} → {formatTarget(indicator, e.after.target)}
              {e.after.inherited ? t('targets.followsCityShort') : ''}
            </td>
            <td className={e.statusChanged ? 'changed' : undefined}>
              {e.statusChanged
                ? `${statusText(t, indicator, e.before.status)} → ${statusText(t, indicator, e.after.status)}`
                : t('targets.statusSame', { status: statusText(t, indicator, e.after.status) })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
