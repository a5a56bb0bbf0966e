import { useI18n } from '../../i18n/index.tsx';
import { weekLabel } from '../../../../shared/time/weeks.ts';

/**
 * Picks a week: 2024-W01 up to the last week that has ended, newest first, each with its dates;
 * with `inProgress`, the week in progress heads the list, labelled as such.
 */
export function WeekSelect({
  weeks,
  latest,
  value,
  onChange,
  inProgress,
}: {
  weeks: readonly string[];
  latest: string;
  value: string;
  onChange(week: string): void;
  inProgress?: string | undefined;
}) {
  const { t, locale } = useI18n();
  return (
    <label className="select">
      <span>{t('week.label')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="review-week">
        {inProgress && inProgress > latest && (
          <option value={inProgress}>{t('week.inProgressOption', { week: weekLabel(inProgress, locale) })}</option>
        )}
        {weeks
          .filter((w) => w <= latest)
          .reverse()
          .map((w) => (
            <option key={w} value={w}>
              {weekLabel(w, locale)}
            </option>
          ))}
      </select>
    </label>
  );
}
