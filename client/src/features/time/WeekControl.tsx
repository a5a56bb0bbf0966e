/**
 * The dashboard's as-of week: a slider over 2024-W01 … this week, the week picker (its dates, a
 * calendar, previous / next), and the replay — play/pause at 1, 4 or 12 weeks a second over a
 * range of weeks. Says whether the week shown is in progress (live) or an ended week recomputed
 * from today's records (the review shows the frozen ones).
 *
 * The replay only moves the as-of week, as a pick would: no layer is added, the map redraws the
 * same layers with the next week's rows. A press anywhere on the control but the play button
 * pauses it (the dashboard pauses it on a press on the map too).
 */
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { shortDayLabel } from '../../../../shared/time/weeks.ts';
import { weekPickerLabel } from '../../../../shared/time/weekPickerLabels.ts';
import {
  nextReplayIndex,
  REPLAY_SPEEDS,
  replayRange,
  replayStartIndex,
  replayStepMs,
  type ReplaySpeed,
} from '../../../../shared/time/weekCalendar.ts';
import { WeekPicker } from './WeekPicker.tsx';

interface Props {
  weeks: readonly string[];
  index: number;
  onChange(index: number): void;
  playing: boolean;
  onPlayingChange(playing: boolean): void;
  /** The week on screen has its data: only then does the replay move on. */
  ready: boolean;
  asOf: string;
  /** The replay's range and speed (kept in the dashboard's link). */
  replay: { from: string; to: string; speed: ReplaySpeed };
  onReplayChange(change: { from?: string; to?: string; speed?: ReplaySpeed }): void;
}

export function WeekControl(props: Props) {
  const { weeks, index, onChange, playing, onPlayingChange, ready, asOf, replay, onReplayChange } = props;
  const { t, locale } = useI18n();
  const { from, to, speed } = replay;
  const range = replayRange(weeks, from, to);
  const { first, last } = range;
  // When the week on screen last changed: the next step waits what is left of the step time,
  // so loading a week counts towards it and 12 weeks a second is not 12 plus the load time.
  const shown = useRef<{ index: number; at: number } | null>(null);

  useEffect(() => {
    if (shown.current?.index !== index) shown.current = { index, at: performance.now() };
    if (!playing || !ready) return;
    const next = nextReplayIndex(index, { first, last });
    if (next === null) {
      onPlayingChange(false);
      return;
    }
    const wait = Math.max(0, replayStepMs(speed) - (performance.now() - shown.current.at));
    const timer = window.setTimeout(() => onChange(next), wait);
    return () => window.clearTimeout(timer);
  }, [playing, ready, index, first, last, speed, onChange, onPlayingChange]);

  const pause = () => {
    if (playing) onPlayingChange(false);
  };
  const week = weeks[index];
  const state =
    index === weeks.length - 1
      ? t('week.state.in-progress', { date: shortDayLabel(asOf, locale) })
      : `${t('week.asOf', { date: asOf })} · ${t('week.state.recomputed')}`;

  return (
    <div
      className="week-control"
      data-testid="week-control"
      data-playing={playing}
      // A press on the control (but the play button) pauses the replay: the person wants this week.
      onPointerDownCapture={(e) => {
        if (!(e.target as Element).closest('.play')) pause();
      }}
      onKeyDownCapture={(e) => {
        if (!(e.target as Element).closest('.play')) pause();
      }}
    >
      <button
        type="button"
        className="play"
        aria-label={playing ? t('week.pause') : t('week.play')}
        aria-pressed={playing}
        data-testid="week-play"
        onClick={() => {
          if (!playing) {
            const start = replayStartIndex(index, range);
            if (start !== index) onChange(start);
          }
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
        aria-valuetext={week ? weekPickerLabel(week, locale, { withYear: true }) : ''}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <WeekPicker
        weeks={weeks}
        value={week ?? null}
        onChange={(w) => w && onChange(weeks.indexOf(w))}
        testId="week-picker"
      />
      <span className="as-of muted" data-testid="week-state" title={state}>
        {state}
      </span>
      <details className="replay-settings">
        <summary data-testid="replay-settings">{t('replay.settings')}</summary>
        <div className="replay-settings-body panel">
          <label className="select">
            <span>{t('replay.speed')}</span>
            <select
              value={speed}
              onChange={(e) => onReplayChange({ speed: Number(e.target.value) as ReplaySpeed })}
              data-testid="replay-speed"
            >
              {REPLAY_SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {t('replay.speedOption', { count: s })}
                </option>
              ))}
            </select>
          </label>
          <WeekPicker
            caption={t('replay.from')}
            weeks={weeks}
            value={weeks[range.first] ?? null}
            onChange={(w) => w && onReplayChange({ from: w })}
            testId="replay-from"
          />
          <WeekPicker
            caption={t('replay.to')}
            weeks={weeks}
            value={weeks[range.last] ?? null}
            onChange={(w) => w && onReplayChange({ to: w })}
            testId="replay-to"
          />
        </div>
      </details>
    </div>
  );
}
