/**
 * The review rules (composite weights, 红黑榜 thresholds) as a form, with the current week's board
 * under the rules in force beside the board under the edited ones, recomputed on the server as
 * the form changes (validated there; its Chinese message shows when a value is refused). Saving
 * goes through review.updateSettings, audited; every figure on screen is refetched.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { INDICATOR_KEYS, INDICATORS } from '../../../../shared/indicators/index.ts';
import type { ReviewRules } from '../../../../shared/review/reviewRules.ts';
import { RulesBoardPreview } from './RulesBoardPreview.tsx';
import './adminTools.css';

type Settings = RouterOutputs['review']['settings'];

/** The draft as it is sent after a short pause in typing. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A field left empty (NaN) would travel as null, which for a switchable rule means "off". */
const hasBlank = (value: unknown): boolean =>
  typeof value === 'number'
    ? Number.isNaN(value)
    : typeof value === 'object' && value !== null && Object.values(value).some(hasBlank);

export function ReviewRulesPanel() {
  const settings = useQuery(trpc.review.settings.queryOptions());
  // The form starts again from the saved rules; the note that they were saved outlives it.
  const [savedAt, setSavedAt] = useState<string | null>(null);
  if (!settings.data) return null;
  return (
    <RulesForm
      settings={settings.data}
      key={settings.data.updatedAt ?? 'defaults'}
      saved={savedAt !== null && savedAt === settings.data.updatedAt}
      onSaved={setSavedAt}
    />
  );
}

function RulesForm({
  settings,
  saved,
  onSaved,
}: {
  settings: Settings;
  saved: boolean;
  onSaved: (updatedAt: string | null) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ReviewRules>(settings.rules);
  const settled = useSettled(draft);
  const blank = hasBlank(draft);
  const preview = useQuery({
    ...trpc.review.previewRules.queryOptions({ rules: settled }),
    enabled: !hasBlank(settled),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const save = useMutation(
    trpc.review.updateSettings.mutationOptions({
      onSuccess: async (result) => {
        onSaved(result.updatedAt);
        await queryClient.invalidateQueries();
      },
    }),
  );
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings.rules);
  const set = (change: (r: ReviewRules) => ReviewRules) => {
    save.reset();
    setDraft((r) => change(structuredClone(r)));
  };
  const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

  return (
    <section className="panel admin-tools" data-testid="review-rules">
      <div className="page-bar">
        <h3>{t('rules.title')}</h3>
        <span className="muted small">{t('rules.hint')}</span>
      </div>
      <div className="rules-form">
        {INDICATOR_KEYS.map((key) => (
          <label key={key}>
            {t('rules.weight', { name: INDICATORS[key].names[locale].short })}
            <input
              type="number"
              min={0}
              max={100}
              step={0.5}
              value={Number.isNaN(draft.composite.weights[key]) ? '' : draft.composite.weights[key]}
              data-testid={`weight-${key}`}
              onChange={(e) => set((r) => ((r.composite.weights[key] = num(e.target.value)), r))}
            />
          </label>
        ))}
        <Count
          label={t('rules.topN')}
          value={draft.redList.topN}
          onChange={(v) => set((r) => ((r.redList.topN = v), r))}
          testId="topN"
        />
        <Optional
          label={t('rules.minRankRise')}
          value={draft.redList.minRankRise}
          onChange={(v) => set((r) => ((r.redList.minRankRise = v), r))}
          fallback={6}
        />
        <Count
          label={t('rules.bottomN')}
          value={draft.blackList.bottomN}
          onChange={(v) => set((r) => ((r.blackList.bottomN = v), r))}
          testId="bottomN"
        />
        <Optional
          label={t('rules.minOverdueShare')}
          value={draft.blackList.minOverdueShare}
          onChange={(v) => set((r) => ((r.blackList.minOverdueShare = v), r))}
          fallback={0.4}
          percent
        />
        <Count
          label={t('rules.minOverdueCount')}
          value={draft.blackList.minOverdueCount}
          onChange={(v) => set((r) => ((r.blackList.minOverdueCount = v), r))}
        />
        <Optional
          label={t('rules.minDeliberationCoverage')}
          value={draft.blackList.minDeliberationCoverage}
          onChange={(v) => set((r) => ((r.blackList.minDeliberationCoverage = v), r))}
          fallback={0.8}
          percent
        />
        <Count
          label={t('rules.movers')}
          value={draft.movers.count}
          onChange={(v) => set((r) => ((r.movers.count = v), r))}
        />
      </div>
      <div className="admin-form">
        <button
          type="button"
          className="button primary"
          disabled={!dirty || blank || save.isPending || preview.isError}
          onClick={() => save.mutate(draft)}
          data-testid="save-rules"
        >
          {t('rules.save')}
        </button>
        <button type="button" className="button" disabled={!dirty} onClick={() => set(() => settings.rules)}>
          {t('rules.undo')}
        </button>
        <button type="button" className="button" onClick={() => set(() => settings.defaults)}>
          {t('rules.defaults')}
        </button>
        {(save.isSuccess || (saved && !dirty)) && <span className="form-result ok">{t('rules.saved')}</span>}
        {save.error && (
          <span className="error" role="alert">
            {save.error.message}
          </span>
        )}
        {preview.isFetching && <span className="muted">{t('app.loading')}</span>}
      </div>
      {blank && <p className="error">{t('rules.blank')}</p>}
      {!blank && preview.error && (
        <p className="error" role="alert" data-testid="rules-error">
          {preview.error.message}
        </p>
      )}
      {preview.data && <RulesBoardPreview preview={preview.data} />}
    </section>
  );
}

function Count({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  testId?: string;
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        min={0}
        step={1}
        value={Number.isNaN(value) ? '' : value}
        onChange={(e) => onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value))}
        {...(testId ? { 'data-testid': testId } : {})}
      />
    </label>
  );
}

/** A rule that can be switched off (null); shares are typed as percentages. */
function Optional({
  label,
  value,
  onChange,
  fallback,
  percent = false,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
  fallback: number;
  percent?: boolean;
}) {
  const { t } = useI18n();
  const scale = percent ? 100 : 1;
  return (
    <label>
      <span>
        {label}{' '}
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(e) => onChange(e.target.checked ? fallback : null)}
        />{' '}
        {t('rules.on')}
      </span>
      {value !== null && (
        <input
          type="number"
          min={0}
          step={percent ? 5 : 1}
          value={Number.isNaN(value) ? '' : Math.round(value * scale * 100) / 100}
          onChange={(e) => onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value) / scale)}
        />
      )}
    </label>
  );
}
