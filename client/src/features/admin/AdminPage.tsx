/** `/admin` (administrators): the ledger import, the boundary import (边界导入), the accounts and the audit log. Accounts are managed with `onemap users`. */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AuditLogPanel } from './AuditLogPanel.tsx';
import { BoundaryImportPanel } from './BoundaryImportPanel.tsx';
import { LedgerImportPanel } from './LedgerImportPanel.tsx';

export function AdminPage() {
  const { t } = useI18n();
  const users = useQuery(trpc.admin.users.queryOptions());
  return (
    <div className="page admin-page" data-testid="admin-page">
      <div className="page-bar">
        <h2>{t('admin.title')}</h2>
        <span className="muted small">{t('admin.usersHint')}</span>
      </div>
      <LedgerImportPanel />
      <BoundaryImportPanel />
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
      <AuditLogPanel users={users.data ?? []} />
    </div>
  );
}
