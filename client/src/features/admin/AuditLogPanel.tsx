/** The audit log: who changed what, when, before and after; filtered by user, table and days; paged. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';

const PAGE_SIZE = 50;
type Users = RouterOutputs['admin']['users'];

const brief = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export function AuditLogPanel({ users }: { users: Users }) {
  const { t } = useI18n();
  const [userId, setUserId] = useState('');
  const [tableName, setTableName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const tables = useQuery(trpc.admin.auditedTables.queryOptions());
  const filter = {
    page,
    pageSize: PAGE_SIZE,
    ...(userId ? { userId: Number(userId) } : {}),
    ...(tableName ? { tableName } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const log = useQuery({ ...trpc.admin.auditLog.queryOptions(filter), placeholderData: keepPreviousData });
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : 1;
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <section className="panel" data-testid="audit-log">
      <div className="page-bar">
        <h3>{t('admin.auditLog')}</h3>
        <label className="select">
          {t('admin.user')}
          <select value={userId} onChange={(e) => reset(setUserId)(e.target.value)} data-testid="audit-user">
            <option value="">{t('admin.all')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}（{u.username}）
              </option>
            ))}
          </select>
        </label>
        <label className="select">
          {t('admin.table')}
          <select value={tableName} onChange={(e) => reset(setTableName)(e.target.value)} data-testid="audit-table">
            <option value="">{t('admin.all')}</option>
            {(tables.data ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="select">
          {t('admin.from')}
          <input type="date" value={from} onChange={(e) => reset(setFrom)(e.target.value)} />
        </label>
        <label className="select">
          {t('admin.to')}
          <input type="date" value={to} onChange={(e) => reset(setTo)(e.target.value)} />
        </label>
        <span className="spacer" />
        <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('admin.previous')}
        </button>
        <span className="muted">{t('admin.page', { page, pages, total: log.data?.total ?? 0 })}</span>
        <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('admin.next')}
        </button>
      </div>
      {log.error && (
        <p className="form-result error" role="alert">
          {log.error.message}
        </p>
      )}
      <table className="data audit">
        <thead>
          <tr>
            <th>{t('admin.at')}</th>
            <th>{t('admin.user')}</th>
            <th>{t('admin.action')}</th>
            <th>{t('admin.table')}</th>
            <th>{t('admin.record')}</th>
            <th>{t('admin.before')}</th>
            <th>{t('admin.after')}</th>
          </tr>
        </thead>
        <tbody>
          {(log.data?.rows ?? []).map((row) => (
            <tr key={row.id} className={row.action === 'forbidden' ? 'forbidden' : undefined}>
              <td>{new Date(row.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}</td>
              <td>{row.displayName ?? t('admin.system')}</td>
              {/* Repeated refusals are one row with their count. */}
              <td>{row.count > 1 ? `${row.action} ×${row.count}` : row.action}</td>
              <td>{row.tableName}</td>
              <td>{row.recordId ?? ''}</td>
              <td className="json">{brief(row.before)}</td>
              <td className="json">{brief(row.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
