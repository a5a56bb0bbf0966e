/**
 * 离线：显示的是 HH:mm 的数据 — shown when the service worker answered the page's figures from what it
 * kept because the network did not answer; gone when the phone is back online (the figures are read again).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { takenLabel } from '../evidence/takenLabel.ts';
import './offline.css';

export function OfflineBanner() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; savedAt?: string | null } | null;
      if (data?.type !== 'onemap-stale' || !data.savedAt) return;
      // The oldest of the answers shown: the page is at least that old.
      setSavedAt((current) => (current && current < data.savedAt! ? current : data.savedAt!));
    };
    const onOnline = () => {
      setSavedAt(null);
      void queryClient.invalidateQueries();
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    window.addEventListener('online', onOnline);
    return () => {
      navigator.serviceWorker.removeEventListener('message', onMessage);
      window.removeEventListener('online', onOnline);
    };
  }, [queryClient]);
  if (!savedAt) return null;
  return (
    <p className="offline-banner" role="status" data-testid="offline-banner">
      {t('offline.stale', { time: takenLabel(savedAt).slice(6) })}
    </p>
  );
}
