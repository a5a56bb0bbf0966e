/**
 * `/admin` (administrators): the ledger and boundary imports (business duty), the accounts (accounts duty) and
 * the audit log (audit duty) — each panel only for whoever holds its duty (三员分立); targets and the
 * review rules are business duties too (TargetsPanel, ReviewRulesPanel); the all-in-one
 * administrator sees all three. The accounts duty also has the wall screens' tokens and the backups.
 */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../app/trpc.ts';
import { hasPermission, useMe } from '../auth/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AccountsPanel } from './AccountsPanel.tsx';
import { AuditLogPanel } from './AuditLogPanel.tsx';
import { BackupsPanel } from './BackupsPanel.tsx';
import { DisplayTokensPanel } from './DisplayTokensPanel.tsx';
import { BoundaryImportPanel } from './BoundaryImportPanel.tsx';
import { LedgerImportPanel } from './LedgerImportPanel.tsx';
import { ReviewRulesPanel } from './ReviewRulesPanel.tsx';
import { TargetsPanel } from './TargetsPanel.tsx';

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
          <TargetsPanel />
          <ReviewRulesPanel />
        </>
      )}
      {accounts && (
        <>
          <AccountsPanel />
          <DisplayTokensPanel />
          <BackupsPanel />
        </>
      )}
      {hasPermission(me.data, 'audit') && <AuditLogPanel users={users.data ?? []} />}
    </div>
  );
}
