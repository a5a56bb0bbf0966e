/** Record a 四方联席 meeting held in one of the township's compounds, with its photos and signed sheet. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { EvidencePicker } from '../evidence/EvidencePicker.tsx';
import type { EvidenceFile } from '../evidence/prepareEvidence.ts';
import type { OutboxEntry } from '../offline/outbox.ts';
import { CompoundSelect, Field, Result, toInt, type TownshipRecords } from './editingShared.tsx';
import { useRecordSubmit } from './useRecordSubmit.ts';

export function MeetingForm({ records, draft }: { records: TownshipRecords; draft?: OutboxEntry | undefined }) {
  const { t } = useI18n();
  const from = draft?.kind === 'meeting' ? draft.input : null;
  const [compoundCode, setCompound] = useState(from?.compoundCode ?? '');
  const [heldOn, setHeldOn] = useState(from?.heldOn ?? records.today);
  const [attendees, setAttendees] = useState(String(from?.attendees ?? 8));
  const [topics, setTopics] = useState(from?.topics ?? '');
  const [problemsResolved, setProblems] = useState(String(from?.problemsResolved ?? 0));
  const [files, setFiles] = useState<EvidenceFile[]>(draft?.files ?? []);
  const save = useRecordSubmit(records.township.code);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const compoundName = records.compounds.find((c) => c.code === compoundCode)?.name ?? compoundCode;
    const done = await save.submit(
      {
        kind: 'meeting',
        input: {
          compoundCode,
          heldOn,
          attendees: toInt(attendees),
          topics,
          problemsResolved: toInt(problemsResolved),
        },
      },
      files,
      t('editing.meeting'),
      `${heldOn} ${compoundName} ${t('editing.meeting')}`,
      draft?.id,
    );
    if (done) {
      setFiles([]);
      setTopics('');
    }
  };
  return (
    <form className="edit-form" onSubmit={(e) => void submit(e)} data-testid="meeting-form">
      <CompoundSelect
        label={t('editing.compound')}
        compounds={records.compounds}
        value={compoundCode}
        onChange={setCompound}
        testId="meeting-compound"
      />
      <Field label={t('editing.heldOn')}>
        <input
          type="date"
          value={heldOn}
          max={records.today}
          onChange={(e) => setHeldOn(e.target.value)}
          required
          data-testid="meeting-date"
        />
      </Field>
      <Field label={t('editing.attendees')}>
        <input
          type="number"
          min={1}
          max={500}
          value={attendees}
          onChange={(e) => setAttendees(e.target.value)}
          required
          data-testid="meeting-attendees"
        />
      </Field>
      <Field label={t('editing.problemsResolved')}>
        <input type="number" min={0} max={200} value={problemsResolved} onChange={(e) => setProblems(e.target.value)} />
      </Field>
      <Field label={t('editing.topics')}>
        <input
          value={topics}
          maxLength={500}
          onChange={(e) => setTopics(e.target.value)}
          data-testid="meeting-topics"
        />
      </Field>
      <EvidencePicker files={files} onChange={setFiles} />
      <button type="submit" className="button primary" disabled={save.busy} data-testid="meeting-submit">
        {t('editing.save')}
      </button>
      <Result saved={save.saved} error={save.error} queued={save.queued} />
    </form>
  );
}
