/** Filters on every attribute an analyst asks about; each control is labelled and keyboard-usable. */
import { useMemo, type ReactNode } from 'react';
import {
  COMPOUND_KINDS,
  EMPTY_FILTER,
  isFilterEmpty,
  type CompoundFilter,
} from '../../../../shared/compounds/compoundFilter.ts';
import { LAYER_CLASS_IDS } from '../../../../shared/compounds/compoundClasses.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { WorkbenchRow } from './compoundColumns.ts';

interface Props {
  filter: CompoundFilter;
  onChange(filter: CompoundFilter): void;
  townships: readonly { code: string; name: string }[];
  rows: readonly WorkbenchRow[];
}

function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

function Checks<T extends string>({
  legend,
  values,
  chosen,
  label,
  onChange,
  testId,
}: {
  legend: string;
  values: readonly T[];
  chosen: readonly T[];
  label(v: T): string;
  onChange(next: T[]): void;
  testId: string;
}) {
  return (
    <fieldset className="checks" data-testid={testId}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="checkbox" checked={chosen.includes(v)} onChange={() => onChange(toggle(chosen, v))} value={v} />
          {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

function MultiSelect({
  label,
  options,
  chosen,
  onChange,
  testId,
}: {
  label: string;
  options: readonly string[];
  chosen: readonly string[];
  onChange(next: string[]): void;
  testId: string;
}) {
  return (
    <Field label={label}>
      <select
        multiple
        size={5}
        value={[...chosen]}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
        data-testid={testId}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function FilterPanel({ filter, onChange, townships, rows }: Props) {
  const { t } = useI18n();
  const set = <K extends keyof CompoundFilter>(key: K, value: CompoundFilter[K]) =>
    onChange({ ...filter, [key]: value });
  const communities = useMemo(() => {
    const inTownships = rows.filter((r) => filter.townships.length === 0 || filter.townships.includes(r.townshipCode));
    return [...new Set(inTownships.map((r) => r.community))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  }, [rows, filter.townships]);
  const companies = useMemo(
    () =>
      [...new Set(rows.flatMap((r) => (r.propertyCompany ? [r.propertyCompany] : [])))].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      ),
    [rows],
  );
  const number = (raw: string) => (raw.trim() === '' ? null : Math.max(0, Math.floor(Number(raw))));

  return (
    <section className="filter-panel" aria-label={t('workbench.filters')}>
      <header className="panel-head">
        <h2>{t('workbench.filters')}</h2>
        <button
          type="button"
          className="link small"
          onClick={() => onChange(EMPTY_FILTER)}
          disabled={isFilterEmpty(filter)}
          data-testid="clear-filters"
        >
          {t('workbench.clearFilters')}
        </button>
      </header>
      <Field label={t('workbench.search')}>
        <input
          type="search"
          value={filter.text}
          maxLength={40}
          placeholder={t('workbench.searchHint')}
          onChange={(e) => set('text', e.target.value)}
          data-testid="search"
        />
      </Field>
      <Checks
        legend={t('workbench.townships')}
        values={townships.map((tw) => tw.code)}
        chosen={filter.townships}
        label={(code) => townships.find((tw) => tw.code === code)?.name ?? code}
        onChange={(v) => onChange({ ...filter, townships: v, communities: [] })}
        testId="filter-town"
      />
      <MultiSelect
        label={t('workbench.communities')}
        options={communities}
        chosen={filter.communities}
        onChange={(v) => set('communities', v)}
        testId="filter-comm"
      />
      <Checks
        legend={t('workbench.kind')}
        values={COMPOUND_KINDS}
        chosen={filter.kinds}
        label={(k) => t(`kind.${k}`)}
        onChange={(v) => set('kinds', v)}
        testId="filter-kind"
      />
      <MultiSelect
        label={t('workbench.companies')}
        options={companies}
        chosen={filter.companies}
        onChange={(v) => set('companies', v)}
        testId="filter-co"
      />
      <Checks
        legend={t('layer.party')}
        values={LAYER_CLASS_IDS.party}
        chosen={filter.party}
        label={(v) => t(`class.party.${v}` as MessageKey)}
        onChange={(v) => set('party', v)}
        testId="filter-party"
      />
      <Checks
        legend={t('layer.committee')}
        values={LAYER_CLASS_IDS.committee}
        chosen={filter.committee}
        label={(v) => t(`class.committee.${v}` as MessageKey)}
        onChange={(v) => set('committee', v)}
        testId="filter-committee"
      />
      <Checks
        legend={t('layer.rating')}
        values={LAYER_CLASS_IDS.rating}
        chosen={filter.rating}
        label={(v) => t(`class.rating.${v}` as MessageKey)}
        onChange={(v) => set('rating', v)}
        testId="filter-rating"
      />
      <Checks
        legend={t('layer.issues')}
        values={LAYER_CLASS_IDS.issues}
        chosen={filter.issues}
        label={(v) => t(`class.issues.${v}` as MessageKey)}
        onChange={(v) => set('issues', v)}
        testId="filter-issues"
      />
      <fieldset className="range">
        <legend>{t('workbench.households')}</legend>
        <Field label={t('workbench.min')}>
          <input
            type="number"
            min={0}
            inputMode="numeric"
            value={filter.householdsMin ?? ''}
            onChange={(e) => set('householdsMin', number(e.target.value))}
            data-testid="hh-min"
          />
        </Field>
        <Field label={t('workbench.max')}>
          <input
            type="number"
            min={0}
            inputMode="numeric"
            value={filter.householdsMax ?? ''}
            onChange={(e) => set('householdsMax', number(e.target.value))}
            data-testid="hh-max"
          />
        </Field>
      </fieldset>
    </section>
  );
}
