/**
 * 上周督办事项办理情况, what the review opens with: what became of the items issued after last
 * week's review, per township and for the city, counted as they stood at the end of this week's
 * Sunday (server/services/review/supervisionOutcome.ts). Overdue counts are in the worst colour and
 * closed-on-time in the met green — the numbers and headers say the same, colour only repeats it.
 */
import type { RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { weekLabel } from '../../../../shared/time/weeks.ts';

type Board = RouterOutputs['review']['board'];
type Counts = NonNullable<Board['supervision']>['summary']['city'];

const COLUMNS: { key: MessageKey; value: (c: Counts) => number; tone?: 'good' | 'bad' }[] = [
  { key: 'supervisionOutcome.issued', value: (c) => c.issued },
  { key: 'supervisionOutcome.closedOnTime', value: (c) => c.closed - c.closedLate, tone: 'good' },
  { key: 'supervisionOutcome.closedLate', value: (c) => c.closedLate, tone: 'bad' },
  { key: 'supervisionOutcome.answered', value: (c) => c.answered },
  { key: 'supervisionOutcome.returned', value: (c) => c.returned },
  { key: 'supervisionOutcome.pending', value: (c) => c.pending },
  { key: 'supervisionOutcome.overdue', value: (c) => c.overdueAsOf, tone: 'bad' },
];

export function SupervisionOutcome({ board }: { board: Pick<Board, 'supervision'> }) {
  const { t, locale } = useI18n();
  const section = board.supervision;
  const body = () => {
    if (section === undefined) return <p className="muted">{t('supervisionOutcome.notShown')}</p>;
    if (section === null) return <p className="muted">{t('supervisionOutcome.first')}</p>;
    const { summary } = section;
    const week = weekLabel(summary.week, locale);
    const headline = summary.final
      ? t('supervisionOutcome.headline', { week, asOf: summary.asOf })
      : t('supervisionOutcome.headlineLive', { week, today: summary.today });
    if (summary.city.issued === 0)
      return (
        <p className="muted">
          {headline} · {t('supervisionOutcome.none')}
        </p>
      );
    const rows = [
      ...summary.townships.map((tw) => ({ key: tw.code, name: tw.name, counts: tw as Counts, city: false })),
      { key: 'city', name: t('supervisionOutcome.city'), counts: summary.city, city: true },
    ];
    return (
      <>
        <p className="muted small">{headline}</p>
        <table className="data compact" data-testid="supervision-outcome-table">
          <thead>
            <tr>
              <th>{t('supervisionOutcome.township')}</th>
              {COLUMNS.map((c) => (
                <th key={c.key} className="num">
                  {t(c.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.city ? 'strong' : undefined} data-township={r.city ? 'city' : r.key}>
                <td>{r.name}</td>
                {COLUMNS.map((c) => {
                  const v = c.value(r.counts);
                  return (
                    <td key={c.key} data-column={c.key} className={`num${v > 0 && c.tone ? ` outcome-${c.tone}` : ''}`}>
                      {v}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">{t('supervisionOutcome.note', { now: summary.city.overdueNow })}</p>
      </>
    );
  };
  return (
    <section className="panel supervision-outcome" data-testid="supervision-outcome">
      <h3>{t('supervisionOutcome.title')}</h3>
      {body()}
    </section>
  );
}
