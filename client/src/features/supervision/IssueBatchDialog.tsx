/**
 * 批量交办: during the review meeting, one item per ticked township in one go (supervision.
 * issueBatch: all or nothing, a refusal names 第N项). Each row is prefilled with the suggestion
 * for what the township is ticked for and may be changed before issuing.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { suggestItem, type SupervisionTopic } from '../../../../shared/supervision/index.ts';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Frame } from './IssueSupervisionDialog.tsx';
import { indicatorOf } from './supervisionUi.ts';

export interface BatchEntry {
  townshipCode: string;
  townshipName: string;
  topic: SupervisionTopic;
}

interface Row extends BatchEntry {
  problem: string;
  task: string;
  deadline: string;
}

export function IssueBatchDialog({
  entries,
  reviewWeek,
  onClose,
  onIssued,
}: {
  entries: readonly BatchEntry[];
  reviewWeek: string;
  onClose(): void;
  onIssued(): void;
}) {
  const { t } = useI18n();
  const info = useQuery(trpc.system.info.queryOptions());
  const suggestions = useQuery({ ...trpc.supervision.suggestions.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const today = info.data?.today;
  const title = t('supervision.batch.title', { count: entries.length, week: reviewWeek });
  if (!today || !suggestions.data)
    return (
      <Frame title={title} onClose={onClose}>
        <p className="message">{t('app.loading')}</p>
      </Frame>
    );
  const rows = entries.map((e) => ({ ...e, ...suggestItem(suggestions.data, e.topic, today) }));
  return (
    <Frame title={title} onClose={onClose}>
      <BatchForm initial={rows} reviewWeek={reviewWeek} onClose={onClose} onIssued={onIssued} />
    </Frame>
  );
}

function BatchForm({
  initial,
  reviewWeek,
  onClose,
  onIssued,
}: {
  initial: readonly Row[];
  reviewWeek: string;
  onClose(): void;
  onIssued(): void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => [...initial]);
  const batch = useMutation(
    trpc.supervision.issueBatch.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.supervision.pathFilter());
        onIssued();
      },
    }),
  );
  const edit = (i: number, patch: Partial<Row>) =>
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  if (batch.data)
    return (
      <div className="sv-done" role="status" data-testid="sv-batch-done">
        <p className="form-result ok">{t('supervision.batch.done', { count: batch.data.length })}</p>
        <ul>
          {batch.data.map((item) => (
            <li key={item.id}>
              {item.townshipName}：{item.task}（{item.deadline}）
            </li>
          ))}
        </ul>
        <button type="button" className="button primary" onClick={onClose} autoFocus>
          {t('supervision.close')}
        </button>
      </div>
    );
  return (
    <form
      className="sv-batch"
      onSubmit={(e) => {
        e.preventDefault();
        batch.mutate({
          items: rows.map((r) => ({
            townshipCode: r.townshipCode,
            indicator: indicatorOf(r.topic),
            problem: r.problem,
            task: r.task,
            deadline: r.deadline,
            reviewWeek,
          })),
        });
      }}
      data-testid="sv-batch-form"
    >
      <table className="data">
        <thead>
          <tr>
            <th>{t('drill.township')}</th>
            <th>{t('supervision.field.problem')}</th>
            <th>{t('supervision.field.task')}</th>
            <th>{t('supervision.field.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.townshipCode}>
              <td>{r.townshipName}</td>
              <td>
                <input
                  value={r.problem}
                  aria-label={t('supervision.field.problem')}
                  onChange={(e) => edit(i, { problem: e.target.value })}
                />
              </td>
              <td>
                <input
                  value={r.task}
                  aria-label={t('supervision.field.task')}
                  onChange={(e) => edit(i, { task: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="date"
                  value={r.deadline}
                  aria-label={t('supervision.field.deadline')}
                  onChange={(e) => edit(i, { deadline: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {batch.error && (
        <p className="form-result error" role="alert" data-testid="sv-error">
          {batch.error.message}
        </p>
      )}
      <div className="sv-actions">
        <button type="submit" className="button primary" disabled={batch.isPending} data-testid="sv-batch-submit">
          {batch.isPending ? t('app.loading') : t('supervision.batch.submit', { count: rows.length })}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('supervision.cancel')}
        </button>
      </div>
    </form>
  );
}
