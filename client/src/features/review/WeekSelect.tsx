import { useI18n } from '../../i18n/index.tsx';
import { WeekPicker } from '../time/WeekPicker.tsx';

/**
 * Picks a week for the review, a township or the workbench: 2024-W01 up to the last week that has
 * ended, each with its dates, in the calendar of ISO weeks; with `inProgress`, the week in
 * progress may be picked too, and is said to be in progress.
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
  const { t } = useI18n();
  const offered = weeks.filter((w) => w <= latest || (inProgress !== undefined && w === inProgress));
  return (
    <WeekPicker
      caption={t('week.label')}
      weeks={offered}
      value={value}
      onChange={(w) => w && onChange(w)}
      inProgress={inProgress}
      testId="review-week"
    />
  );
}
