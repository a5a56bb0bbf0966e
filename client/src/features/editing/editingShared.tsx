/** What the four editing forms share: a labelled field, the result line, refreshing the figures. */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';

export type TownshipRecords = RouterOutputs['editing']['township'];

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** After a saved edit every figure is read again (the server's caches follow data_revision). */
export function useAfterSave() {
  const queryClient = useQueryClient();
  const { t } = useI18n();
  const [saved, setSaved] = useState<string | null>(null);
  return {
    saved,
    clear: () => setSaved(null),
    async done(what: string) {
      setSaved(t('editing.saved', { what }));
      const meKey = trpc.auth.me.queryKey();
      await queryClient.invalidateQueries({ predicate: (q) => JSON.stringify(q.queryKey) !== JSON.stringify(meKey) });
    },
  };
}

export function Result({ saved, error }: { saved: string | null; error: { message: string } | null }) {
  if (error) {
    return (
      <p className="form-result error" role="alert" data-testid="edit-error">
        {error.message}
      </p>
    );
  }
  return saved ? (
    <p className="form-result ok" role="status" data-testid="edit-saved">
      {saved}
    </p>
  ) : null;
}

export function CompoundSelect({
  compounds,
  value,
  onChange,
  testId,
}: {
  compounds: TownshipRecords['compounds'];
  value: string;
  onChange(code: string): void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} required data-testid={testId}>
      <option value="">{t('editing.chooseCompound')}</option>
      {compounds.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

export const toInt = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
