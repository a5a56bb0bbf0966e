/** Move a resident issue on: 受理 → 派单 → 办理中 → 办结 → 回访, forward only. */
import { useState, type FormEvent } from 'react';
import { NEXT_ISSUE_STAGES } from '../../../../shared/issues/issueStages.ts';
import { useI18n } from '../../i18n/index.tsx';
import { EvidencePicker } from '../evidence/EvidencePicker.tsx';
import type { EvidenceFile } from '../evidence/prepareEvidence.ts';
import type { OutboxEntry } from '../offline/outbox.ts';
import { Field, FilteredSelectField, Result, toInt, type TownshipRecords } from './editingShared.tsx';
import { useRecordSubmit } from './useRecordSubmit.ts';

type Status = TownshipRecords['issues'][number]['status'];

export function IssueForm({ records, draft }: { records: TownshipRecords; draft?: OutboxEntry | undefined }) {
  const { t } = useI18n();
  const from = draft?.kind === 'issue' ? draft.input : null;
  const [issueId, setIssueId] = useState(from ? String(from.issueId) : '');
  const [to, setTo] = useState<Status | ''>(from?.to ?? '');
  const [on, setOn] = useState(from?.on ?? records.today);
  const [files, setFiles] = useState<EvidenceFile[]>(draft?.files ?? []);
  const issue = records.issues.find((i) => String(i.id) === issueId);
  const save = useRecordSubmit(records.township.code);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to || to === 'accepted') return;
    const label = `${on} ${issue?.compoundName ?? ''} ${t('editing.issue')} #${issueId} → ${t(`issueStatus.${to}`)}`;
    const done = await save.submit(
      { kind: 'issue', input: { issueId: toInt(issueId), to, on } },
      files,
      t('editing.issue'),
      label,
      draft?.id,
    );
    if (done) setFiles([]);
  };
  return (
    <form className="edit-form" onSubmit={(e) => void submit(e)} data-testid="issue-form">
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
          {(issue ? NEXT_ISSUE_STAGES[issue.status] : []).map((s) => (
            <option key={s} value={s}>
              {t(`issueStatus.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('editing.on')}>
        <input type="date" value={on} max={records.today} onChange={(e) => setOn(e.target.value)} required />
      </Field>
      <EvidencePicker files={files} onChange={setFiles} />
      <button type="submit" className="button primary" disabled={save.busy}>
        {t('editing.save')}
      </button>
      <Result saved={save.saved} error={save.error} queued={save.queued} />
    </form>
  );
}
