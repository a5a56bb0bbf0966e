/** Start an owners'-committee term, or end one in office early. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CompoundSelect, Field, Result, toInt, useAfterSave, type TownshipRecords } from './editingShared.tsx';

export function CommitteeForm({ records }: { records: TownshipRecords }) {
  const { t } = useI18n();
  const after = useAfterSave();
  const [mode, setMode] = useState<'start' | 'end'>('start');
  const [compoundCode, setCompound] = useState('');
  const [formedOn, setFormedOn] = useState(records.today);
  const [members, setMembers] = useState('7');
  const [partyMembers, setPartyMembers] = useState('4');
  const [chair, setChair] = useState(false);
  const [termId, setTermId] = useState('');
  const [endedOn, setEndedOn] = useState(records.today);
  const start = useMutation(
    trpc.editing.startCommitteeTerm.mutationOptions({ onSuccess: () => after.done(t('editing.committeeStart')) }),
  );
  const end = useMutation(
    trpc.editing.endCommitteeTerm.mutationOptions({ onSuccess: () => after.done(t('editing.committeeEnd')) }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    after.clear();
    if (mode === 'start')
      start.mutate({
        compoundCode,
        formedOn,
        members: toInt(members),
        partyMembers: toInt(partyMembers),
        chairIsPartySecretary: chair,
      });
    else end.mutate({ termId: toInt(termId), endedOn });
  };
  return (
    <form className="edit-form" onSubmit={submit} data-testid="committee-form">
      <div className="segmented">
        <button type="button" className={mode === 'start' ? 'active' : ''} onClick={() => setMode('start')}>
          {t('editing.committeeStart')}
        </button>
        <button type="button" className={mode === 'end' ? 'active' : ''} onClick={() => setMode('end')}>
          {t('editing.committeeEnd')}
        </button>
      </div>
      {mode === 'start' ? (
        <>
          <CompoundSelect
            label={t('editing.compound')}
            compounds={records.compounds}
            value={compoundCode}
            onChange={setCompound}
            testId="committee-compound"
          />
          <Field label={t('editing.formedOn')}>
            <input
              type="date"
              value={formedOn}
              max={records.today}
              onChange={(e) => setFormedOn(e.target.value)}
              required
            />
          </Field>
          <Field label={t('editing.members')}>
            <input
              type="number"
              min={3}
              max={21}
              value={members}
              onChange={(e) => setMembers(e.target.value)}
              required
            />
          </Field>
          <Field label={t('editing.partyMembers')}>
            <input
              type="number"
              min={0}
              max={21}
              value={partyMembers}
              onChange={(e) => setPartyMembers(e.target.value)}
              required
            />
          </Field>
          <label className="check">
            <input type="checkbox" checked={chair} onChange={(e) => setChair(e.target.checked)} />{' '}
            {t('editing.chairIsPartySecretary')}
          </label>
        </>
      ) : (
        <>
          <Field label={t('editing.term')}>
            <select value={termId} onChange={(e) => setTermId(e.target.value)} required>
              <option value="">{t('editing.chooseTerm')}</option>
              {records.committeeTerms.map((term) => (
                <option key={term.id} value={term.id}>
                  {t('editing.termLabel', { compound: term.compoundName, from: term.formedOn, to: term.termEnd })}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('editing.endedOn')}>
            <input
              type="date"
              value={endedOn}
              max={records.today}
              onChange={(e) => setEndedOn(e.target.value)}
              required
            />
          </Field>
        </>
      )}
      <button type="submit" className="button primary" disabled={start.isPending || end.isPending}>
        {t('editing.save')}
      </button>
      <Result saved={after.saved} error={mode === 'start' ? start.error : end.error} />
    </form>
  );
}
