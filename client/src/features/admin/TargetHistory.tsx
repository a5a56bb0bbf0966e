/** The targets' change history (from the audit log): when, who, what, the value and deadline before → after. */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { isIndicatorKey } from '../../../../shared/indicators/index.ts';
import { actionName } from '../../../../shared/audit/auditLabels.ts';
import { formatTarget, shanghaiMinute } from './targetFormat.ts';

type Side = { indicator: string; townshipCode: string | null; value: number; deadline: string; source: string } | null;

export function TargetHistory() {
  const { t, locale } = useI18n();
  const history = useQuery(trpc.targets.history.queryOptions());
  const scopes = useQuery(trpc.targets.list.queryOptions());
  const names = new Map((scopes.data?.scopes ?? []).map((s) => [s.townshipCode, s.name]));
  const describe = (side: Side) =>
    side && isIndicatorKey(side.indicator)
      ? t('targets.historySide', {
          target: formatTarget(side.indicator, side.value),
          deadline: side.deadline,
          source: t(`targets.source.${side.source === 'published' ? 'published' : 'assumed'}`),
        })
      : '—';
  return (
    <details data-testid="target-history">
      <summary>{t('targets.history', { count: history.data?.length ?? 0 })}</summary>
      <table className="data diff">
        <thead>
          <tr>
            <th>{t('admin.at')}</th>
            <th>{t('admin.user')}</th>
            <th>{t('admin.action')}</th>
            <th>{t('targets.indicator')}</th>
            <th>{t('targets.scope')}</th>
            <th>{t('admin.before')}</th>
            <th>{t('admin.after')}</th>
          </tr>
        </thead>
        <tbody>
          {(history.data ?? []).map((h) => {
            const side = (h.after ?? h.before) as Side;
            return (
              <tr key={h.id}>
                <td>{shanghaiMinute(h.at)}</td>
                <td>{h.who ?? t('admin.system')}</td>
                <td>{actionName(h.action, locale)}</td>
                <td>{side && isIndicatorKey(side.indicator) ? t(`indicator.${side.indicator}`) : ''}</td>
                <td>{side ? (names.get(side.townshipCode) ?? side.townshipCode) : ''}</td>
                <td>{describe(h.before as Side)}</td>
                <td>{describe(h.after as Side)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
