/** What the four editing forms share: a labelled field, the result line, refreshing the figures. */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
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

export function Result({
  saved,
  error,
  queued = null,
}: {
  saved: string | null;
  error: { message: string } | null;
  /** Kept in the outbox (待上传) because the phone is offline. */
  queued?: string | null;
}) {
  if (queued) {
    return (
      <p className="form-result queued" role="status" data-testid="edit-queued">
        {queued}
      </p>
    );
  }
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

/**
 * Whether an entry matches what was typed: every space-separated word is found (case-insensitive)
 * in one of its texts — a name, its pinyin initials, a subject, a state.
 */
export function matchesFilter(query: string, texts: readonly string[]): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = texts.join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export interface PickerOption {
  value: string;
  label: string;
  /** What typing may match besides the label: pinyin initials, a state's name. */
  search: readonly string[];
}

/**
 * A labelled list with a search box above it: on a phone, typing "chht" or "超期" beats scrolling
 * 40 names in the native picker. When what is typed leaves one entry, it is chosen.
 */
export function FilteredSelectField({
  label,
  placeholder,
  choose,
  options,
  value,
  onChange,
  testId,
}: {
  label: string;
  placeholder: string;
  choose: string;
  options: readonly PickerOption[];
  value: string;
  onChange(value: string): void;
  testId: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const matching = (q: string) => options.filter((o) => matchesFilter(q, [o.label, ...o.search]));
  const matches = matching(query);
  // The chosen entry stays listed whatever is typed, so the select never loses its value.
  const shown = options.filter((o) => o.value === value || matches.includes(o));
  const filter = (next: string) => {
    setQuery(next);
    const found = matching(next);
    if (next.trim() !== '' && found.length === 1) onChange(found[0]!.value);
  };
  return (
    <div className="field picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder={placeholder}
        onChange={(e) => filter(e.target.value)}
        autoComplete="off"
        enterKeyHint="search"
        data-testid={`${testId}-filter`}
      />
      {query.trim() !== '' && matches.length === 0 && (
        <span className="muted small" role="status">
          {t('editing.filterNone')}
        </span>
      )}
      <select value={value} onChange={(e) => onChange(e.target.value)} required aria-label={label} data-testid={testId}>
        <option value="">{choose}</option>
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CompoundSelect({
  label,
  compounds,
  value,
  onChange,
  testId,
}: {
  label: string;
  compounds: TownshipRecords['compounds'];
  value: string;
  onChange(code: string): void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <FilteredSelectField
      label={label}
      placeholder={t('editing.filterCompound')}
      choose={t('editing.chooseCompound')}
      options={compounds.map((c) => ({ value: c.code, label: c.name, search: [c.initials] }))}
      value={value}
      onChange={onChange}
      testId={testId}
    />
  );
}

export const toInt = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
