/**
 * What a wall screen shows when its display token does not work — unknown, revoked or expired,
 * at opening (App) or while it runs (WallPage: its live stream ended as UNAUTHORIZED): one
 * message across the screen and no figures, rather than old ones that look current.
 */
import { useI18n } from '../../i18n/index.tsx';
import './wallTokenEnded.css';

export function WallTokenEnded({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <div className="wall-token-ended" data-testid={testId} role="alert">
      <p className="wall-token-ended-title">{t('wall.tokenEnded')}</p>
      <p className="wall-token-ended-hint">{t('wall.badToken')}</p>
    </div>
  );
}
