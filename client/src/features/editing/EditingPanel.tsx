/**
 * Beside the township page, for those who may edit its records (its own staff, administrators):
 * a 四方联席 meeting, a committee term, an issue's status, a service evaluation.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CommitteeForm } from './CommitteeForm.tsx';
import { EvaluationForm } from './EvaluationForm.tsx';
import { IssueForm } from './IssueForm.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import type { OutboxEntry } from '../offline/outbox.ts';
import { OutboxList } from '../offline/OutboxList.tsx';
import { useOutboxEntries } from '../offline/useOutbox.ts';

const TABS = ['meeting', 'committee', 'issue', 'evaluation'] as const;
type Tab = (typeof TABS)[number];

const TAB_OF: Record<OutboxEntry['kind'], Tab> = {
  meeting: 'meeting',
  committeeStart: 'committee',
  committeeEnd: 'committee',
  issue: 'issue',
};

export function EditingPanel({ townshipCode }: { townshipCode: string }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('meeting');
  const records = useQuery(trpc.editing.township.queryOptions({ code: townshipCode }));
  const r = records.data;
  const outbox = useOutboxEntries().filter((e) => e.townshipCode === townshipCode);
  // An outbox entry reopened to be corrected: its form opens with what was typed (keyed so it starts afresh).
  const [draft, setDraft] = useState<OutboxEntry | undefined>(undefined);
  const reopen = (entry: OutboxEntry) => {
    setDraft(entry);
    setTab(TAB_OF[entry.kind]);
  };
  const formKey = draft ? `draft-${draft.id}` : 'new';
  return (
    <section className="panel editing-panel" data-testid="editing-panel">
      <div className="page-bar">
        <h3>{t('editing.title')}</h3>
        <div className="segmented" role="tablist">
          {TABS.map((key) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={tab === key}
              className={tab === key ? 'active' : ''}
              onClick={() => {
                setDraft(undefined);
                setTab(key);
              }}
              data-testid={`edit-tab-${key}`}
            >
              {t(`editing.tab.${key}`)}
            </button>
          ))}
        </div>
        <span className="muted small">{t('editing.audited')}</span>
      </div>
      {records.error && (
        <p className="form-result error" role="alert">
          {records.error.message}
        </p>
      )}
      <OutboxList entries={outbox} onReopen={reopen} />
      {r && tab === 'meeting' && <MeetingForm key={formKey} records={r} draft={draft} />}
      {r && tab === 'committee' && <CommitteeForm key={formKey} records={r} draft={draft} />}
      {r && tab === 'issue' && <IssueForm key={formKey} records={r} draft={draft} />}
      {r && tab === 'evaluation' && <EvaluationForm records={r} />}
    </section>
  );
}
