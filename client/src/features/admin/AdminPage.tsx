/**
 * `/admin` (administrators): the ledger and boundary imports (business duty), the accounts (accounts duty) and
 * the audit log (audit duty) — each panel only for whoever holds its duty (三员分立); the
 * all-in-one administrator sees all three. Accounts are managed with `onemap users`.
 */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../app/trpc.ts';
import { hasPermission, useMe } from '../auth/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AuditLogPanel } from './AuditLogPanel.tsx';
import { BoundaryImportPanel } from './BoundaryImportPanel.tsx';
import { LedgerImportPanel } from './LedgerImportPanel.tsx';
import { WebhooksPanel } from './WebhooksPanel.tsx';

export function AdminPage() {
  const { t } = useI18n();
  const me = useMe();
  const accounts = hasPermission(me.data, 'accounts');
  // Asked only by whoever may: a refused call would be an entry in the audit log.
  const users = useQuery({ ...trpc.admin.users.queryOptions(), enabled: accounts });
  return (
    <div className="page admin-page" data-testid="admin-page">
      <div className="page-bar">
        <h2>{t('admin.title')}</h2>
        <span className="muted small">{t('admin.usersHint')}</span>
      </div>
      {hasPermission(me.data, 'business') && (
        <>
          <LedgerImportPanel />
          <BoundaryImportPanel />
          <WebhooksPanel />
        </>
      )}
      {accounts && (
        <section className="panel">
          <h3>{t('admin.users')}</h3>
          <table className="data">
            <thead>
              <tr>
                <th>{t('login.username')}</th>
                <th>{t('admin.name')}</th>
                <th>{t('admin.role')}</th>
                <th>{t('admin.township')}</th>
                <th>{t('admin.state')}</th>
              </tr>
            </thead>
            <tbody>
              {(users.data ?? []).map((u) => (
                <tr key={u.id}>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{t(`role.${u.role}`)}</td>
                  <td>{u.townshipCode ?? ''}</td>
                  <td>{u.disabled ? t('admin.disabled') : t('admin.enabled')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {hasPermission(me.data, 'audit') && <AuditLogPanel users={users.data ?? []} />}
    </div>
  );
}
