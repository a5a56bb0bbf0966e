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

const TABS = ['meeting', 'committee', 'issue', 'evaluation'] as const;
type Tab = (typeof TABS)[number];

export function EditingPanel({ townshipCode }: { townshipCode: string }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('meeting');
  const records = useQuery(trpc.editing.township.queryOptions({ code: townshipCode }));
  const r = records.data;
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
              onClick={() => setTab(key)}
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
      {r && tab === 'meeting' && <MeetingForm records={r} />}
      {r && tab === 'committee' && <CommitteeForm records={r} />}
      {r && tab === 'issue' && <IssueForm records={r} />}
      {r && tab === 'evaluation' && <EvaluationForm records={r} />}
    </section>
  );
}
