/**
 * A `?week=` the data does not have (/review?week=2023-W01, a mistyped link) is said, with the
 * week shown instead and the nearest valid week a click away — never silently reset.
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { weekPickerLabel } from '../../../../shared/time/weekPickerLabels.ts';
import { weekOutside, type WeekOutside } from './weekOutside.ts';

/**
 * Reads the parameter once, before the page's own state rewrites the address. `alsoValid`: other
 * values the parameter may take (/supervision's 'all').
 */
export function useWeekOutside(weeks: readonly string[], param = 'week', alsoValid: readonly string[] = []) {
  const [outside, setOutside] = useState(() => {
    const raw = new URLSearchParams(window.location.search).get(param);
    return raw !== null && alsoValid.includes(raw) ? null : weekOutside(raw, weeks);
  });
  return [outside, () => setOutside(null)] as const;
}

export function WeekOutsideNotice({
  outside,
  shown,
  onPick,
  onDismiss,
}: {
  outside: WeekOutside | null;
  /** The week on screen instead; null for "all weeks". */
  shown: string | null;
  onPick(week: string): void;
  onDismiss(): void;
}) {
  const { t, locale } = useI18n();
  if (!outside) return null;
  const label = (week: string) => weekPickerLabel(week, locale, { withYear: true });
  const shownText = shown ? label(shown) : t('weekPicker.all');
  return (
    <p className="notice week-outside" role="status" data-testid="week-outside">
      {outside.nearest
        ? t('weekPicker.outside', { week: outside.week, first: outside.first, last: outside.last, shown: shownText })
        : t('weekPicker.invalid', { week: outside.week, shown: shownText })}{' '}
      {outside.nearest && outside.nearest !== shown && (
        <button type="button" className="link" onClick={() => onPick(outside.nearest!)}>
          {t('review.weekNearest', { week: label(outside.nearest) })}
        </button>
      )}
      <button type="button" className="close" aria-label={t('weekPicker.close')} onClick={onDismiss}>
        ×
      </button>
    </p>
  );
}
