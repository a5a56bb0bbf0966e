/** The as-of week: a slider over 2024-W01 … this week, and play/pause to replay the history. */
import { useEffect } from 'react';
import { useI18n } from '../../i18n/index.tsx';

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
  const { t } = useI18n();
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
      <span className="week-label" data-testid="week-label">
        {weeks[index]}
      </span>
      <span className="as-of muted">{t('week.asOf', { date: asOf })}</span>
    </div>
  );
}
