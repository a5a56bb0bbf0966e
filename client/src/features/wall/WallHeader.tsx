/**
 * The wall's top band: title, scene name, which week it shows — the week in progress, with its
 * dates, the date and the time of the data ("2026-W49（11月30日—12月6日）/ 本周进行中，截至
 * 2026年12月5日 09:41") —, the scene indicator; and the red band when the server is away. The
 * review page shows the last ended week; the wall always the week in progress, and says so.
 */
import { useI18n } from '../../i18n/index.tsx';
import { todayInCity } from '../../../../shared/time/dates.ts';
import { isoWeekOf, weekLabel } from '../../../../shared/time/weeks.ts';
import type { WallScene } from './wallParams.ts';

interface Props {
  scene: WallScene;
  sceneTitle: string;
  index: number;
  count: number;
  paused: boolean;
  dataTime: string;
  connected: boolean;
  demo: boolean;
  /** The city's name in the reader's language (system.info → city). */
  city: string;
}

export function WallHeader({ scene, sceneTitle, index, count, paused, dataTime, connected, demo, city }: Props) {
  const { t, locale } = useI18n();
  // Read at each render (scenes rotate every few seconds), so the week rolls over at midnight in Shanghai.
  const today = todayInCity();
  const week = isoWeekOf(today);
  const date = t('wall.today', {
    y: today.slice(0, 4),
    m: String(Number(today.slice(5, 7))),
    d: String(Number(today.slice(8, 10))),
  });
  return (
    <>
      <header className="wall-header">
        <div className="wall-brand">
          <span className="wall-title">{t('wall.title')}</span>
          <span className="wall-city">{city}</span>
          {demo && <span className="wall-demo">{t('wall.demo')}</span>}
        </div>
        <h1 className="wall-scene-title" data-testid="wall-scene-title" data-scene={scene}>
          {sceneTitle}
        </h1>
        <div className="wall-status">
          <span className="wall-when">
            <span className="wall-week" data-testid="wall-week" data-week={week} data-state="in-progress">
              {weekLabel(week, locale)}
            </span>
            <span className="wall-time" data-testid="wall-data-time" data-date={today}>
              {t('wall.dataAsOf', { date, time: dataTime })}
            </span>
          </span>
          <span className="wall-dots" data-testid="wall-scene-indicator" aria-label={`${index + 1} / ${count}`}>
            {Array.from({ length: count }, (_, i) => (
              <span key={i} className={i === index ? 'on' : ''} />
            ))}
            <span className="wall-dots-text">
              {index + 1}/{count}
            </span>
          </span>
          {paused && (
            <span className="wall-paused" data-testid="wall-paused">
              {t('wall.paused')}
            </span>
          )}
        </div>
      </header>
      {!connected && (
        <div className="wall-offline" role="alert" data-testid="wall-offline">
          {t('wall.disconnected', { time: dataTime })}
        </div>
      )}
    </>
  );
}
