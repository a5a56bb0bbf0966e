import { useI18n } from '../../i18n/index.tsx';
import { weekLabel } from '../../../../shared/time/weeks.ts';

/** Picks a reviewable week: 2024-W01 up to the last week that has ended, newest first, each with its dates. */
export function WeekSelect({
  weeks,
  latest,
  value,
  onChange,
}: {
  weeks: readonly string[];
  latest: string;
  value: string;
  onChange(week: string): void;
}) {
  const { t } = useI18n();
  return (
    <label className="select">
      <span>{t('week.label')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="review-week">
        {weeks
          .filter((w) => w <= latest)
          .reverse()
          .map((w) => (
            <option key={w} value={w}>
              {weekLabel(w)}
            </option>
          ))}
      </select>
    </label>
  );
}
