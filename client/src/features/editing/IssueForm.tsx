/** Move a resident issue on: 受理 → 派单 → 办理中 → 办结 → 回访, forward only. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Field, FilteredSelectField, Result, toInt, useAfterSave, type TownshipRecords } from './editingShared.tsx';

type Status = TownshipRecords['issues'][number]['status'];
const NEXT: Record<Status, Status[]> = {
  accepted: ['dispatched', 'closed'],
  dispatched: ['in_progress', 'closed'],
  in_progress: ['closed'],
  closed: ['revisited'],
  revisited: [],
};

export function IssueForm({ records }: { records: TownshipRecords }) {
  const { t } = useI18n();
  const after = useAfterSave();
  const [issueId, setIssueId] = useState('');
  const [to, setTo] = useState<Status | ''>('');
  const [on, setOn] = useState(records.today);
  const issue = records.issues.find((i) => String(i.id) === issueId);
  const save = useMutation(
    trpc.editing.advanceIssue.mutationOptions({ onSuccess: () => after.done(t('editing.issue')) }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    after.clear();
    if (to) save.mutate({ issueId: toInt(issueId), to, on });
  };
  return (
    <form className="edit-form" onSubmit={submit} data-testid="issue-form">
      <FilteredSelectField
        label={t('editing.issue')}
        placeholder={t('editing.filterIssue')}
        choose={t('editing.chooseIssue')}
        options={records.issues.map((i) => {
          const status = t(`issueStatus.${i.status}`);
          const overdue = i.overdue ? t('editing.overdue') : '';
          return {
            value: String(i.id),
            label: t('editing.issueLabel', {
              overdue: overdue ? `【${overdue}】` : '',
              compound: i.compoundName,
              summary: i.summary,
              opened: i.openedOn.slice(5),
              due: i.dueOn.slice(5),
              status,
            }),
            search: [i.compoundName, overdue],
          };
        })}
        value={issueId}
        onChange={(id) => {
          setIssueId(id);
          setTo('');
        }}
        testId="issue-choice"
      />
      <Field label={t('editing.nextStatus')}>
        <select value={to} onChange={(e) => setTo(e.target.value as Status)} required disabled={!issue}>
          <option value="">—</option>
          {(issue ? NEXT[issue.status] : []).map((s) => (
            <option key={s} value={s}>
              {t(`issueStatus.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('editing.on')}>
        <input type="date" value={on} max={records.today} onChange={(e) => setOn(e.target.value)} required />
      </Field>
      <button type="submit" className="button primary" disabled={save.isPending}>
        {t('editing.save')}
      </button>
      <Result saved={after.saved} error={save.error} />
    </form>
  );
}
