/**
 * The as-of week: a slider over 2024-W01 … this week, and play/pause to replay the history. Says
 * which week the map shows, with its dates, and whether it is the week in progress (live) or an
 * ended week recomputed from today's records (the review shows the frozen ones).
 */
import { useEffect } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { shortDayLabel, weekLabel } from '../../../../shared/time/weeks.ts';

interface Props {
  weeks: readonly string[];
  index: number;
  onChange(index: number): void;
  playing: boolean;
  onPlayingChange(playing: boolean): void;
  /** The week on screen has its data: only then does the replay move on. */
  ready: boolean;
  asOf: string;
  stepMs?: number;
}

export function WeekControl({ weeks, index, onChange, playing, onPlayingChange, ready, asOf, stepMs = 700 }: Props) {
  const { t, locale } = useI18n();
  useEffect(() => {
    if (!playing || !ready) return;
    if (index >= weeks.length - 1) {
      onPlayingChange(false);
      return;
    }
    const timer = window.setTimeout(() => onChange(index + 1), stepMs);
    return () => window.clearTimeout(timer);
  }, [playing, ready, index, weeks.length, onChange, onPlayingChange, stepMs]);

  return (
    <div className="week-control">
      <button
        type="button"
        className="play"
        aria-label={playing ? t('week.pause') : t('week.play')}
        data-testid="week-play"
        onClick={() => {
          if (!playing && index >= weeks.length - 1) onChange(0);
          onPlayingChange(!playing);
        }}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <input
        type="range"
        min={0}
        max={weeks.length - 1}
        value={index}
        aria-label={t('week.label')}
        aria-valuetext={weeks[index]}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <span className="week-label" data-testid="week-label" data-week={weeks[index]}>
        {weeks[index] ? weekLabel(weeks[index], locale) : ''}
      </span>
      <span className="as-of muted" data-testid="week-state">
        {index === weeks.length - 1
          ? t('week.state.in-progress', { date: shortDayLabel(asOf, locale) })
          : `${t('week.asOf', { date: asOf })} · ${t('week.state.recomputed')}`}
      </span>
    </div>
  );
}
