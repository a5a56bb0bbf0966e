/**
 * One supervision item as a card: light (colour and words), state, task, compounds and deadline;
 * on expand its compounds by name, the answer and its history (the events, oldest first); and the
 * moves this person may make from its state — the township's staff answer (反馈), a supervisor
 * accepts (销号) or returns (退回, with a reason). The server checks again and answers in Chinese.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { canMove } from '../../../../shared/supervision/index.ts';
import { weekLabel } from '../../../../shared/time/weeks.ts';
import { shanghaiDateTime } from '../../../../shared/time/dates.ts';
import { trpc, trpcClient } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useMe } from '../auth/session.ts';
import { EvidencePicker } from '../evidence/EvidencePicker.tsx';
import type { EvidenceFile } from '../evidence/prepareEvidence.ts';
import { AnswerEvidence, uploadAnswerEvidence } from './AnswerEvidence.tsx';
import { DeadlineLight, StateTag } from './DeadlineLight.tsx';
import { canAnswer, canSupervise, type SupervisionItem } from './supervisionUi.ts';

type Form = 'answer' | 'return' | null;

export function SupervisionItemCard({ item, showTownship }: { item: SupervisionItem; showTownship: boolean }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Form>(null);
  const [text, setText] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const refresh = (message: string) => {
    setForm(null);
    setText('');
    setFiles([]);
    setDone(message);
    void queryClient.invalidateQueries(trpc.supervision.pathFilter());
    void queryClient.invalidateQueries(trpc.inbox.pathFilter());
  };
  // The answer first, then its files (they need the item to be answered by this person's township).
  const answer = useMutation({
    mutationFn: async (input: { itemId: number; answer: string }) => {
      await trpcClient.supervision.answer.mutate(input);
      await uploadAnswerEvidence(input.itemId, files).catch((e: unknown) => {
        refresh(t('supervision.answered'));
        throw e;
      });
    },
    onSuccess: () => {
      refresh(t('supervision.answered'));
      void queryClient.invalidateQueries({ queryKey: trpc.attachments.list.pathKey() });
    },
  });
  const accept = useMutation(
    trpc.supervision.accept.mutationOptions({ onSuccess: () => refresh(t('supervision.accepted')) }),
  );
  const back = useMutation(
    trpc.supervision.return.mutationOptions({ onSuccess: () => refresh(t('supervision.returned')) }),
  );
  const error = answer.error ?? accept.error ?? back.error;
  const busy = answer.isPending || accept.isPending || back.isPending;
  const mayAnswer = canAnswer(me.data, item.townshipCode) && canMove(item.state, 'answer');
  const maySupervise = canSupervise(me.data) && canMove(item.state, 'accept');

  return (
    <li
      className={`sv-card sv-card-${item.light ?? 'closed'}`}
      data-testid="sv-item"
      data-item-id={item.id}
      data-state={item.state}
    >
      <div className="sv-head">
        <DeadlineLight item={item} />
        <StateTag item={item} />
        {showTownship && <strong className="sv-township">{item.townshipName}</strong>}
        <span className="muted small">
          {t('supervision.deadlineOn', { date: item.deadline })} · {item.week ? weekLabel(item.week, locale) : ''} ·{' '}
          {t(`supervision.source.${item.source}`)}
        </span>
      </div>
      <p className="sv-task">
        {item.problem && (
          <span className="muted">
            {item.problem}
            {t('punct.colon')}
          </span>
        )}
        {item.task}
        {item.compoundCodes.length > 0 && (
          <span className="muted small"> {t('supervision.compoundCount', { count: item.compoundCodes.length })}</span>
        )}
      </p>
      {item.state === 'returned' && item.returnedReason && (
        <p className="sv-returned small">{t('supervision.returnedBecause', { reason: item.returnedReason })}</p>
      )}
      {item.answer && (
        <p className="sv-answer small">
          {t('supervision.answerBy', { name: item.answeredByName ?? '' })}
          {item.answer}
        </p>
      )}
      <div className="sv-actions">
        <button
          type="button"
          className="button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          data-testid="sv-expand"
        >
          {open ? t('supervision.hideHistory') : t('supervision.showHistory')}
        </button>
        {mayAnswer && (
          <button type="button" className="button primary" onClick={() => setForm('answer')} data-testid="sv-answer">
            {t('supervision.answer')}
          </button>
        )}
        {maySupervise && (
          <>
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => accept.mutate({ itemId: item.id })}
              data-testid="sv-accept"
            >
              {t('supervision.accept')}
            </button>
            <button type="button" className="button" onClick={() => setForm('return')} data-testid="sv-return">
              {t('supervision.return')}
            </button>
          </>
        )}
      </div>
      {form && (
        <form
          className="edit-form sv-move-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (form === 'answer') answer.mutate({ itemId: item.id, answer: text });
            else back.mutate({ itemId: item.id, reason: text });
          }}
        >
          <label className="field">
            <span>{form === 'answer' ? t('supervision.answerLabel') : t('supervision.returnLabel')}</span>
            <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="sv-move-text" />
          </label>
          {form === 'answer' && <EvidencePicker files={files} onChange={setFiles} />}
          <div className="sv-actions">
            <button type="submit" className="button primary" disabled={busy} data-testid="sv-move-submit">
              {form === 'answer' ? t('supervision.answerSubmit') : t('supervision.returnSubmit')}
            </button>
            <button type="button" className="button" onClick={() => setForm(null)}>
              {t('supervision.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="form-result error" role="alert" data-testid="sv-error">
          {error.message}
        </p>
      )}
      {done && !error && (
        <p className="form-result ok" role="status" data-testid="sv-done">
          {done}
        </p>
      )}
      {open && <ItemHistory itemId={item.id} />}
      {open && <AnswerEvidence itemId={item.id} townshipCode={item.townshipCode} />}
    </li>
  );
}

function ItemHistory({ itemId }: { itemId: number }) {
  const { t } = useI18n();
  const detail = useQuery(trpc.supervision.get.queryOptions({ itemId }));
  const d = detail.data;
  if (!d) return <p className="muted small">{detail.error?.message ?? t('app.loading')}</p>;
  return (
    <div className="sv-history" data-testid="sv-history">
      {d.compounds.length > 0 && (
        <p className="small">
          {t('supervision.compounds')}
          {t('punct.colon')}
          {d.compounds.map((c) => c.name).join(t('punct.names'))}
        </p>
      )}
      <ol>
        {d.events.map((e) => (
          <li key={e.id}>
            <span className="muted small">{shanghaiDateTime(e.at)}</span> {e.actorName}{' '}
            <strong>{t(`supervision.event.${e.fromState === null ? 'issued' : e.toState}`)}</strong>
            {e.text && (
              <span>
                {t('punct.colon')}
                {e.text}
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
