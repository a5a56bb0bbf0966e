/** Enter a 精细化考评 evaluation of a compound under property management; the stars follow from the score. */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CompoundSelect, Field, Result, useAfterSave, type TownshipRecords } from './editingShared.tsx';

export function EvaluationForm({ records }: { records: TownshipRecords }) {
  const { t } = useI18n();
  const after = useAfterSave();
  const [compoundCode, setCompound] = useState('');
  const [evaluatedOn, setEvaluatedOn] = useState(records.today);
  const [score, setScore] = useState('');
  const [safetyScore, setSafetyScore] = useState('');
  const save = useMutation(
    trpc.editing.recordEvaluation.mutationOptions({ onSuccess: () => after.done(t('editing.evaluation')) }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    after.clear();
    save.mutate({ compoundCode, evaluatedOn, score: Number(score), safetyScore: Number(safetyScore) });
  };
  return (
    <form className="edit-form" onSubmit={submit} data-testid="evaluation-form">
      <CompoundSelect
        label={t('editing.compound')}
        compounds={records.compounds.filter((c) => c.propertyManaged)}
        value={compoundCode}
        onChange={setCompound}
        testId="evaluation-compound"
      />
      <Field label={t('editing.evaluatedOn')}>
        <input
          type="date"
          value={evaluatedOn}
          max={records.today}
          onChange={(e) => setEvaluatedOn(e.target.value)}
          required
        />
      </Field>
      <Field label={t('editing.score')}>
        <input
          type="number"
          min={0}
          max={100}
          step={0.1}
          value={score}
          onChange={(e) => setScore(e.target.value)}
          required
        />
      </Field>
      <Field label={t('editing.safetyScore')}>
        <input
          type="number"
          min={0}
          max={100}
          step={0.1}
          value={safetyScore}
          onChange={(e) => setSafetyScore(e.target.value)}
          required
        />
      </Field>
      <button type="submit" className="button primary" disabled={save.isPending}>
        {t('editing.save')}
      </button>
      <Result saved={after.saved} error={save.error} />
    </form>
  );
}
