/** The wall's top band: title, scene name, the time of the data, the scene indicator; and the red band when the server is away. */
import { useI18n } from '../../i18n/index.tsx';
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
  const { t } = useI18n();
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
          <span className="wall-time" data-testid="wall-data-time">
            {t('wall.dataAsOf', { time: dataTime })}
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
