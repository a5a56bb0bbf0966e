/**
 * 交办督办事项: one item for one township, prefilled from where the problem was seen — the
 * compounds (the township's lagging ones, those behind the topic ticked), the indicator, the
 * suggested task and deadline (supervision.suggestions, data/supervision-rules.ts) and the review
 * week. The analyst may change everything; the server checks it and answers in Chinese.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { suggestItem, type SupervisionTopic } from '../../../../shared/supervision/index.ts';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Field } from '../editing/editingShared.tsx';
import { indicatorOf, LAG_TOPIC } from './supervisionUi.ts';
import './supervision.css';

export interface IssueTarget {
  townshipCode: string;
  townshipName: string;
  topic: SupervisionTopic;
  /** The review week the item comes from (null: issued by hand, e.g. from the drill-through). */
  reviewWeek: string | null;
  /** The week whose lagging compounds are offered (usually the review week). */
  laggingWeek?: string | null;
  /** Compounds to offer and tick besides the lagging ones (e.g. those ticked in the drill-through). */
  compounds?: readonly { code: string; name: string }[];
  /** Ticked from the start; default: the lagging compounds whose reasons match the topic. */
  preselect?: readonly string[];
  sourceRef?: string | null;
}

export function IssueSupervisionDialog({
  target,
  onClose,
  onIssued,
}: {
  target: IssueTarget;
  onClose(): void;
  onIssued?(id: number): void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const info = useQuery(trpc.system.info.queryOptions());
  const suggestions = useQuery({ ...trpc.supervision.suggestions.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const week = target.laggingWeek ?? null;
  const township = useQuery({
    ...trpc.review.township.queryOptions({ code: target.townshipCode, week: week ?? '' }),
    enabled: week !== null,
  });
  const today = info.data?.today;
  const suggested = suggestions.data && today ? suggestItem(suggestions.data, target.topic, today) : null;
  if (!suggested || (week !== null && !township.data && !township.error)) {
    return (
      <Frame title={t('supervision.issue.title', { name: target.townshipName })} onClose={onClose}>
        <p className="message">{t('app.loading')}</p>
      </Frame>
    );
  }
  const lagging = township.data?.lagging ?? [];
  const options = [
    ...lagging.map((c) => ({
      code: c.code,
      name: c.name,
      why: c.reasonText.join(t('punct.list')),
      reasons: c.reasons,
    })),
    ...(target.compounds ?? [])
      .filter((c) => !lagging.some((l) => l.code === c.code))
      .map((c) => ({ code: c.code, name: c.name, why: '', reasons: [] })),
  ];
  const preselect = target.preselect ?? [
    ...lagging.filter((c) => c.reasons.some((r) => LAG_TOPIC[r] === target.topic)).map((c) => c.code),
    ...(target.compounds ?? []).map((c) => c.code),
  ];
  return (
    <IssueForm
      key={target.townshipCode + target.topic}
      target={target}
      suggested={suggested}
      options={options}
      preselect={preselect}
      onClose={onClose}
      onIssued={(id) => {
        void queryClient.invalidateQueries(trpc.supervision.pathFilter());
        onIssued?.(id);
      }}
    />
  );
}

function IssueForm({
  target,
  suggested,
  options,
  preselect,
  onClose,
  onIssued,
}: {
  target: IssueTarget;
  suggested: { problem: string; task: string; deadline: string };
  options: readonly { code: string; name: string; why: string }[];
  preselect: readonly string[];
  onClose(): void;
  onIssued(id: number): void;
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState(suggested.problem);
  const [task, setTask] = useState(suggested.task);
  const [deadline, setDeadline] = useState(suggested.deadline);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(preselect));
  const [localError, setLocalError] = useState<string | null>(null);
  const issue = useMutation(trpc.supervision.issue.mutationOptions({ onSuccess: (item) => onIssued(item.id) }));
  const compoundCodes = useMemo(() => options.map((o) => o.code).filter((c) => ticked.has(c)), [options, ticked]);
  const toggle = (code: string) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const submit = () => {
    if (task.trim() === '') return setLocalError(t('supervision.issue.needTask'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return setLocalError(t('supervision.issue.needDeadline'));
    setLocalError(null);
    issue.mutate({
      townshipCode: target.townshipCode,
      compoundCodes,
      indicator: indicatorOf(target.topic),
      problem,
      task,
      deadline,
      reviewWeek: target.reviewWeek,
      sourceRef: target.sourceRef ?? null,
    });
  };
  const done = issue.data;
  return (
    <Frame title={t('supervision.issue.title', { name: target.townshipName })} onClose={onClose}>
      {done ? (
        <div className="sv-done" role="status" data-testid="sv-issued">
          <p className="form-result ok">
            {t('supervision.issue.done', { id: done.id, name: done.townshipName, deadline: done.deadline })}
          </p>
          <p>
            <strong>{done.task}</strong>
          </p>
          <button type="button" className="button primary" onClick={onClose} autoFocus>
            {t('supervision.close')}
          </button>
        </div>
      ) : (
        <form
          className="edit-form sv-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          data-testid="sv-issue-form"
        >
          <Field label={t('supervision.field.problem')}>
            <input value={problem} onChange={(e) => setProblem(e.target.value)} data-testid="sv-problem" />
          </Field>
          <Field label={t('supervision.field.task')}>
            <textarea value={task} rows={3} onChange={(e) => setTask(e.target.value)} data-testid="sv-task" />
          </Field>
          <Field label={t('supervision.field.deadline')}>
            <input
              type="date"
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
              data-testid="sv-deadline"
            />
          </Field>
          {target.reviewWeek && (
            <p className="muted small sv-week">{t('supervision.issue.week', { week: target.reviewWeek })}</p>
          )}
          <fieldset className="sv-compounds">
            <legend>{t('supervision.field.compounds', { count: compoundCodes.length })}</legend>
            {options.length === 0 && <p className="muted small">{t('supervision.issue.noCompounds')}</p>}
            {options.map((o) => (
              <label key={o.code} className="check">
                <input type="checkbox" checked={ticked.has(o.code)} onChange={() => toggle(o.code)} />
                <span>
                  {o.name} {o.why && <span className="muted small">{o.why}</span>}
                </span>
              </label>
            ))}
          </fieldset>
          {(localError || issue.error) && (
            <p className="form-result error" role="alert" data-testid="sv-error">
              {localError ?? issue.error?.message}
            </p>
          )}
          <div className="sv-actions">
            <button type="submit" className="button primary" disabled={issue.isPending} data-testid="sv-submit">
              {issue.isPending ? t('app.loading') : t('supervision.issue.submit')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('supervision.cancel')}
            </button>
          </div>
        </form>
      )}
    </Frame>
  );
}

export function Frame({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const { t } = useI18n();
  // Escape closes the dialog wherever the focus is (on the page behind it too).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" role="presentation" onClick={onClose}>
      <div
        className="dialog sv-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onClick={(e) => e.stopPropagation()}
        data-testid="sv-dialog"
      >
        <header>
          <h2>{title}</h2>
          <button type="button" className="close" aria-label={t('card.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}
