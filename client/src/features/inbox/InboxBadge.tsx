/**
 * The count of what waits for the signed-in person (inboxCount), as a small badge beside the
 * 督办 link and on the phone's 菜单 button. Refetched on load, every few minutes, on coming back
 * to the window, and after any supervision or warning move (those invalidate `inbox`).
 */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { inboxCount } from './inboxCount.ts';

/** Minutes between refetches when nothing else prompts one. */
const REFRESH_MS = 2 * 60 * 1000;

export function useInboxCount(enabled: boolean): number | null {
  const summary = useQuery({
    ...trpc.inbox.summary.queryOptions(),
    enabled,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  return enabled ? inboxCount(summary.data) : null;
}

export function InboxBadge({ count, testId }: { count: number | null; testId: string }) {
  const { t } = useI18n();
  if (count === null || count === 0) return null;
  return (
    <span className="inbox-badge" title={t('inbox.badgeHint', { count })} data-testid={testId}>
      {count}
    </span>
  );
}
