/**
 * Early warnings (预警) on screen: a township's open ones on its page, and the department's list on
 * /supervision (by the page's township filter and a state of its own). Each shows the rule, the
 * details sentence, the compound and the day it was raised (Asia/Shanghai); a supervisor turns an
 * open one into a supervision item in one click (转为督办, the rule's suggested task and deadline)
 * or dismisses it with a reason (忽略). The server checks the permission again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { WARNING_STATES, type WarningState } from '../../../../shared/supervision/warnings.ts';
import { shanghaiDateTime } from '../../../../shared/time/dates.ts';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useMe } from '../auth/session.ts';
import { canSupervise } from './supervisionUi.ts';

type Warning = RouterOutputs['warnings']['list'][number];

/** The department's list shows this many; the township page shows every open one. */
const LIST_LIMIT = 200;

export function WarningList({ townshipCode, withStateFilter }: { townshipCode?: string; withStateFilter: boolean }) {
  const { t } = useI18n();
  const [state, setState] = useState<WarningState | 'all'>('open');
  const list = useQuery(
    trpc.warnings.list.queryOptions({
      ...(townshipCode ? { townshipCode } : {}),
      ...(state !== 'all' ? { state } : {}),
      limit: LIST_LIMIT,
    }),
  );
  const warnings = list.data ?? [];
  // On a township page with nothing open the section says nothing at all.
  if (!withStateFilter && list.data && warnings.length === 0) return null;
  return (
    <section className="panel sv-section" data-testid="warning-list">
      <div className="sv-warning-bar">
        <h3>{t('warning.title', { count: warnings.length })}</h3>
        {withStateFilter && (
          <label className="select">
            <span>{t('supervision.filter.state')}</span>
            <select
              value={state}
              onChange={(e) => setState(e.target.value as WarningState | 'all')}
              data-testid="warning-filter-state"
            >
              <option value="all">{t('supervision.filter.all')}</option>
              {WARNING_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`warning.state.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {list.error && (
        <p className="message error" role="alert">
          {list.error.message}
        </p>
      )}
      {list.data && warnings.length === 0 && <p className="muted">{t('warning.none')}</p>}
      <ul className="sv-list">
        {warnings.map((w) => (
          <WarningCard key={w.id} warning={w} showTownship={!townshipCode} />
        ))}
      </ul>
    </section>
  );
}

function WarningCard({ warning: w, showTownship }: { warning: Warning; showTownship: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const refresh = (message: string) => {
    setDismissing(false);
    setDone(message);
    void queryClient.invalidateQueries(trpc.warnings.pathFilter());
    void queryClient.invalidateQueries(trpc.supervision.pathFilter());
    void queryClient.invalidateQueries(trpc.inbox.pathFilter());
  };
  const toItem = useMutation(
    trpc.warnings.toItem.mutationOptions({
      onSuccess: (item) => refresh(t('warning.issued', { id: item.id, deadline: item.deadline })),
    }),
  );
  const dismiss = useMutation(
    trpc.warnings.dismiss.mutationOptions({ onSuccess: () => refresh(t('warning.dismissed')) }),
  );
  const error = toItem.error ?? dismiss.error;
  const busy = toItem.isPending || dismiss.isPending;
  const mayAct = canSupervise(me.data) && w.state === 'open';
  const raised = shanghaiDateTime(w.raisedAt).slice(0, 10);
  return (
    <li className="sv-card sv-warning" data-testid="warning-item" data-warning-id={w.id} data-state={w.state}>
      <div className="sv-head">
        <span className={`tag sv-warning-state sv-warning-${w.state}`}>{t(`warning.state.${w.state}`)}</span>
        {showTownship && <strong className="sv-township">{w.townshipName}</strong>}
        <strong>{w.ruleLabel}</strong>
        <span className="muted small">{t('warning.raisedOn', { date: raised })}</span>
      </div>
      <p className="sv-task">
        {w.compoundName && (
          <span className="muted">
            {w.compoundName}
            {t('punct.colon')}
          </span>
        )}
        {w.details}
      </p>
      {w.state === 'dismissed' && w.dismissedReason && (
        <p className="small muted">{t('warning.dismissedBecause', { reason: w.dismissedReason })}</p>
      )}
      {w.state === 'issued' && w.itemId !== null && (
        <p className="small muted">{t('warning.issuedAs', { id: w.itemId })}</p>
      )}
      {mayAct && (
        <div className="sv-actions">
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => toItem.mutate({ warningId: w.id })}
            data-testid="warning-to-item"
          >
            {t('warning.toItem')}
          </button>
          <button type="button" className="button" onClick={() => setDismissing(true)} data-testid="warning-dismiss">
            {t('warning.dismiss')}
          </button>
        </div>
      )}
      {dismissing && (
        <form
          className="edit-form sv-move-form"
          onSubmit={(e) => {
            e.preventDefault();
            dismiss.mutate({ warningId: w.id, reason });
          }}
        >
          <label className="field">
            <span>{t('warning.dismissReason')}</span>
            <textarea
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="warning-reason"
            />
          </label>
          <div className="sv-actions">
            <button type="submit" className="button primary" disabled={busy} data-testid="warning-dismiss-submit">
              {t('warning.dismissSubmit')}
            </button>
            <button type="button" className="button" onClick={() => setDismissing(false)}>
              {t('supervision.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="form-result error" role="alert" data-testid="warning-error">
          {error.message}
        </p>
      )}
      {done && !error && (
        <p className="form-result ok" role="status" data-testid="warning-done">
          {done}
        </p>
      )}
    </li>
  );
}
