/**
 * Where the review's week is in its life, and what "上周" is: the week with its dates and state
 * (in progress / ended and open to corrections / reviewed with its freeze time in Asia/Shanghai),
 * last week as it was shown (with any figure a correction changed after it was frozen), and for
 * an ended week the corrections made since it ended.
 */
import type { RouterOutputs } from '../../app/trpc.ts';
import { formatIndicator } from '../../app/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { shanghaiDateTime } from '../../../../shared/time/dates.ts';
import { shortDayLabel, weekLabel } from '../../../../shared/time/weeks.ts';

type Board = Pick<RouterOutputs['review']['board'], 'week' | 'asOf' | 'state' | 'reviewed' | 'previousWeek'> & {
  /** The board's list of corrections since the week ended; a township page leaves it out. */
  corrections?: RouterOutputs['review']['board']['corrections'];
};

/** The week's state in the reader's language. */
export function useWeekStateText() {
  const { t, locale } = useI18n();
  return (board: Pick<Board, 'state' | 'asOf' | 'reviewed'>) =>
    board.state === 'in-progress'
      ? t('week.state.in-progress', { date: shortDayLabel(board.asOf, locale) })
      : board.state === 'reviewed' && board.reviewed
        ? t('week.state.reviewed', { at: shanghaiDateTime(board.reviewed.reviewedAt) })
        : t('week.state.ended');
}

export function WeekLife({ board }: { board: Board }) {
  const { t, locale } = useI18n();
  const stateText = useWeekStateText();
  const p = board.previousWeek;
  return (
    <section className="panel week-life" data-testid="week-life" data-state={board.state}>
      <p>
        <strong data-testid="review-week-label">{weekLabel(board.week, locale)}</strong>{' '}
        <span className={`badge week-state-${board.state}`} data-testid="week-state">
          {stateText(board)}
        </span>{' '}
        <span className="muted small">{t('review.showsEnded')}</span>
      </p>
      <p data-testid="previous-week">
        {p
          ? t('review.previousWeek', {
              week: weekLabel(p.week, locale),
              how: p.reviewed
                ? t('review.previousFrozen', { at: shanghaiDateTime(p.reviewed.reviewedAt) })
                : t('review.previousSunday', { date: p.asOf }),
            })
          : t('review.previousWeek', { week: '—', how: '—' })}
      </p>
      {p && p.corrections.length > 0 && (
        <div className="message" role="status" data-testid="previous-corrected">
          {t('review.previousCorrected', { count: String(p.corrections.length) })}
          <ul>
            {p.corrections.map((c) => (
              <li key={`${c.townshipCode}-${c.indicator}`}>
                {t('review.correctionFigure', {
                  name: c.name,
                  indicator: t(`indicator.short.${c.indicator}`),
                  shown: formatIndicator(c.indicator, c.shown),
                  now: formatIndicator(c.indicator, c.now),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {board.state === 'ended' && board.corrections && (
        <details data-testid="week-corrections" open={board.corrections.length > 0}>
          <summary>
            {board.corrections.length
              ? t('review.corrections', { count: String(board.corrections.length) })
              : t('review.noCorrections')}
          </summary>
          <ul className="small">
            {board.corrections.map((c, i) => (
              <li key={i}>
                {t('review.correctionRow', {
                  at: c.at,
                  user: c.user ?? '—',
                  action: t(`review.action.${c.action}` as MessageKey),
                  table: t(`review.table.${c.tableName}` as MessageKey),
                  compound: c.compoundCode ?? '',
                  date: c.date,
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
