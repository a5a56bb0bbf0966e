/** Record a 四方联席 meeting held in one of the township's compounds. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CompoundSelect, Field, Result, toInt, useAfterSave, type TownshipRecords } from './editingShared.tsx';

export function MeetingForm({ records }: { records: TownshipRecords }) {
  const { t } = useI18n();
  const after = useAfterSave();
  const [compoundCode, setCompound] = useState('');
  const [heldOn, setHeldOn] = useState(records.today);
  const [attendees, setAttendees] = useState('8');
  const [topics, setTopics] = useState('');
  const [problemsResolved, setProblems] = useState('0');
  const save = useMutation(
    trpc.editing.recordMeeting.mutationOptions({ onSuccess: () => after.done(t('editing.meeting')) }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    after.clear();
    save.mutate({
      compoundCode,
      heldOn,
      attendees: toInt(attendees),
      topics,
      problemsResolved: toInt(problemsResolved),
    });
  };
  return (
    <form className="edit-form" onSubmit={submit} data-testid="meeting-form">
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
      <button type="submit" className="button primary" disabled={save.isPending} data-testid="meeting-submit">
        {t('editing.save')}
      </button>
      <Result saved={after.saved} error={save.error} />
    </form>
  );
}
