/** Start an owners'-committee term, or end one in office early. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { EvidencePicker } from '../evidence/EvidencePicker.tsx';
import type { EvidenceFile } from '../evidence/prepareEvidence.ts';
import type { OutboxEntry } from '../offline/outbox.ts';
import { CompoundSelect, Field, Result, toInt, type TownshipRecords } from './editingShared.tsx';
import { useRecordSubmit } from './useRecordSubmit.ts';

export function CommitteeForm({ records, draft }: { records: TownshipRecords; draft?: OutboxEntry | undefined }) {
  const { t } = useI18n();
  const started = draft?.kind === 'committeeStart' ? draft.input : null;
  const ended = draft?.kind === 'committeeEnd' ? draft.input : null;
  const [mode, setMode] = useState<'start' | 'end'>(ended ? 'end' : 'start');
  const [compoundCode, setCompound] = useState(started?.compoundCode ?? '');
  const [formedOn, setFormedOn] = useState(started?.formedOn ?? records.today);
  const [members, setMembers] = useState(String(started?.members ?? 7));
  const [partyMembers, setPartyMembers] = useState(String(started?.partyMembers ?? 4));
  const [chair, setChair] = useState(started?.chairIsPartySecretary ?? false);
  const [termId, setTermId] = useState(ended ? String(ended.termId) : '');
  const [endedOn, setEndedOn] = useState(ended?.endedOn ?? records.today);
  const [files, setFiles] = useState<EvidenceFile[]>(draft?.files ?? []);
  const save = useRecordSubmit(records.township.code);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const compoundName = (code: string) => records.compounds.find((c) => c.code === code)?.name ?? code;
    const term = records.committeeTerms.find((x) => String(x.id) === termId);
    const done =
      mode === 'start'
        ? await save.submit(
            {
              kind: 'committeeStart',
              input: {
                compoundCode,
                formedOn,
                members: toInt(members),
                partyMembers: toInt(partyMembers),
                chairIsPartySecretary: chair,
              },
            },
            files,
            t('editing.committeeStart'),
            `${formedOn} ${compoundName(compoundCode)} ${t('editing.committeeStart')}`,
            draft?.id,
          )
        : await save.submit(
            { kind: 'committeeEnd', input: { termId: toInt(termId), endedOn } },
            files,
            t('editing.committeeEnd'),
            `${endedOn} ${term?.compoundName ?? ''} ${t('editing.committeeEnd')}`,
            draft?.id,
          );
    if (done) setFiles([]);
  };
  return (
    <form className="edit-form" onSubmit={(e) => void submit(e)} data-testid="committee-form">
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
      <EvidencePicker files={files} onChange={setFiles} />
      <button type="submit" className="button primary" disabled={save.busy}>
        {t('editing.save')}
      </button>
      <Result saved={save.saved} error={save.error} queued={save.queued} />
    </form>
  );
}
