/**
 * The audit log people can read: when (Asia/Shanghai, yyyy-mm-dd HH:mm), who (name and role),
 * what (the action and record kind in the reader's language) and the change field by field, before → after
 * (shared/audit/auditLabels.ts). Filtered on the server by person, township, kind of record and
 * days, paged; the same filter exports to XLSX.
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { saveBase64File } from '../../app/download.ts';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { actionName, fieldChanges, tableName } from '../../../../shared/audit/auditLabels.ts';
import { shanghaiMinute } from './targetFormat.ts';
import './adminTools.css';

const PAGE_SIZE = 50;
type Users = RouterOutputs['admin']['users'];
type Row = RouterOutputs['admin']['auditLog']['rows'][number];

export function AuditLogPanel({ users }: { users: Users }) {
  const { t, locale } = useI18n();
  const [userId, setUserId] = useState('');
  const [township, setTownship] = useState('');
  const [table, setTable] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const tables = useQuery(trpc.admin.auditedTables.queryOptions());
  const people = useQuery(trpc.admin.auditPeople.queryOptions());
  const townships = useQuery(trpc.geography.townships.queryOptions());
  const filter = {
    ...(userId ? { userId: Number(userId) } : {}),
    ...(township ? { townshipCode: township } : {}),
    ...(table ? { tableName: table } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const log = useQuery({
    ...trpc.admin.auditLog.queryOptions({ ...filter, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const exporting = useMutation(trpc.admin.auditExport.mutationOptions({ onSuccess: saveBase64File }));
  const townshipNames = new Map((townships.data ?? []).map((x) => [x.code, x.name]));
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : 1;
  // People in the log, and any account the page already knows (a person with no entries yet).
  const known = new Map((people.data ?? []).map((p) => [p.id, p]));
  for (const u of users) if (!known.has(u.id)) known.set(u.id, { id: u.id, displayName: u.displayName, role: u.role });
  const reset =
    (set: (v: string) => void) =>
    (v: string): void => {
      set(v);
      setPage(1);
    };
  return (
    <section className="panel admin-tools" data-testid="audit-log">
      <div className="page-bar">
        <h3>{t('admin.auditLog')}</h3>
      </div>
      <div className="filters">
        <label className="field">
          {t('audit.person')}
          <select value={userId} onChange={(e) => reset(setUserId)(e.target.value)} data-testid="audit-user">
            <option value="">{t('admin.all')}</option>
            {[...known.values()].map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
                {t('punct.paren', { text: t(`role.${p.role}`) })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('admin.township')}
          <select value={township} onChange={(e) => reset(setTownship)(e.target.value)} data-testid="audit-township">
            <option value="">{t('admin.all')}</option>
            {(townships.data ?? []).map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('audit.kind')}
          <select value={table} onChange={(e) => reset(setTable)(e.target.value)} data-testid="audit-table">
            <option value="">{t('admin.all')}</option>
            {(tables.data ?? []).map((name) => (
              <option key={name} value={name}>
                {tableName(name, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('admin.from')}
          <input type="date" value={from} onChange={(e) => reset(setFrom)(e.target.value)} data-testid="audit-from" />
        </label>
        <label className="field">
          {t('admin.to')}
          <input type="date" value={to} onChange={(e) => reset(setTo)(e.target.value)} data-testid="audit-to" />
        </label>
        <button
          type="button"
          className="button"
          disabled={exporting.isPending}
          onClick={() => exporting.mutate(filter)}
          data-testid="audit-export"
        >
          {t('audit.export')}
        </button>
        <span className="spacer" />
        <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('admin.previous')}
        </button>
        <span className="muted">{t('admin.page', { page, pages, total: log.data?.total ?? 0 })}</span>
        <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('admin.next')}
        </button>
      </div>
      {(log.error ?? exporting.error) && (
        <p className="form-result error" role="alert">
          {(log.error ?? exporting.error)!.message}
        </p>
      )}
      <table className="data audit">
        <thead>
          <tr>
            <th>{t('admin.at')}</th>
            <th>{t('audit.person')}</th>
            <th>{t('admin.action')}</th>
            <th>{t('audit.kind')}</th>
            <th>{t('admin.record')}</th>
            <th>{t('audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {(log.data?.rows ?? []).map((row) => (
            <AuditRow key={row.id} row={row} townshipNames={townshipNames} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AuditRow({ row, townshipNames }: { row: Row; townshipNames: Map<string, string> }) {
  const { t, locale } = useI18n();
  // A township code reads as its name.
  const named = (value: string) => townshipNames.get(value) ?? value;
  const fields = fieldChanges(row.before, row.after, locale).map((f) =>
    f.field.endsWith('townshipCode') ? { ...f, before: named(f.before), after: named(f.after) } : f,
  );
  const oneSided = row.before === null || row.after === null;
  return (
    <tr className={row.action === 'forbidden' ? 'forbidden' : undefined}>
      <td>{shanghaiMinute(row.at)}</td>
      <td>
        {row.displayName ?? t('admin.system')}
        {row.role && <div className="muted small">{t(`role.${row.role}`)}</div>}
      </td>
      {/* Repeated refusals are one row with their count. */}
      <td>
        {row.count > 1
          ? t('audit.times', { action: actionName(row.action, locale), count: row.count })
          : actionName(row.action, locale)}
      </td>
      <td>{tableName(row.tableName, locale)}</td>
      <td>{row.recordId ?? ''}</td>
      <td>
        {oneSided ? (
          // A new or removed record: its fields in one flowing list, not a table of empty befores.
          <span className="fields">
            {fields.map((f) => (
              <span key={f.field}>
                <span className="muted">
                  {f.label}
                  {t('punct.colon')}
                </span>
                {f.after || f.before}
              </span>
            ))}
          </span>
        ) : (
          fields.length > 0 && (
            <table className="data diff">
              <tbody>
                {fields.map((f) => (
                  <tr key={f.field}>
                    <th>{f.label}</th>
                    <td>{f.before}</td>
                    <td>→</td>
                    <td>{f.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        )}
      </td>
    </tr>
  );
}
