/**
 * Outgoing webhooks (通知机器人, business duty): a township's or the department's 企业微信 / 钉钉
 * group robot — add, test-send, switch on and off, remove — and the recent deliveries, failures
 * in red with their last error (the server retries a failure after 1 min, 5 min, 30 min and 2 h).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';

export function WebhooksPanel() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const hooks = useQuery(trpc.webhooks.list.queryOptions());
  const deliveries = useQuery(trpc.webhooks.deliveries.queryOptions({ limit: 30 }));
  const townships = useQuery(trpc.geography.townships.queryOptions());
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.queryKey() }),
    ]);
  const [scope, setScope] = useState('department');
  const [kind, setKind] = useState<'wecom' | 'dingtalk'>('wecom');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const add = useMutation(
    trpc.webhooks.add.mutationOptions({
      onSuccess: () => {
        setUrl('');
        setName('');
        setSecret('');
        return refresh();
      },
    }),
  );
  const test = useMutation(trpc.webhooks.test.mutationOptions({ onSettled: refresh }));
  const toggle = useMutation(trpc.webhooks.setEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.webhooks.remove.mutationOptions({ onSuccess: refresh }));
  const error = add.error ?? test.error ?? toggle.error ?? remove.error ?? hooks.error;
  const nameOf = new Map((hooks.data ?? []).map((h) => [h.id, `${h.scopeName}${h.name ? ` · ${h.name}` : ''}`]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ scope, kind, url, name, secret: kind === 'dingtalk' && secret ? secret : null });
  };

  return (
    <section className="panel" data-testid="webhooks-panel">
      <h3>{t('webhooks.title')}</h3>
      <p className="muted small">{t('webhooks.hint')}</p>
      <form className="page-bar" onSubmit={submit}>
        <label className="select">
          {t('webhooks.scope')}
          <select value={scope} onChange={(e) => setScope(e.target.value)} data-testid="webhook-scope">
            <option value="department">{t('webhooks.department')}</option>
            {(townships.data ?? []).map((tw) => (
              <option key={tw.code} value={tw.code}>
                {tw.name}
              </option>
            ))}
          </select>
        </label>
        <label className="select">
          {t('webhooks.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as 'wecom' | 'dingtalk')}>
            <option value="wecom">{t('webhooks.kind.wecom')}</option>
            <option value="dingtalk">{t('webhooks.kind.dingtalk')}</option>
          </select>
        </label>
        <label className="select">
          {t('webhooks.url')}
          <input value={url} onChange={(e) => setUrl(e.target.value)} size={40} data-testid="webhook-url" />
        </label>
        <label className="select">
          {t('webhooks.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} size={10} />
        </label>
        {kind === 'dingtalk' && (
          <label className="select">
            {t('webhooks.secret')}
            <input value={secret} onChange={(e) => setSecret(e.target.value)} size={16} autoComplete="off" />
          </label>
        )}
        <button type="submit" className="button" disabled={add.isPending}>
          {t('webhooks.add')}
        </button>
      </form>
      {error && (
        <p className="form-result error" role="alert">
          {error.message}
        </p>
      )}
      {test.data && (
        <p className={`form-result${test.data.state === 'failed' ? ' error' : ''}`} role="status">
          {test.data.state === 'delivered'
            ? t('webhooks.testOk')
            : t('webhooks.testFailed', { error: test.data.lastError ?? '' })}
        </p>
      )}
      <table className="data">
        <thead>
          <tr>
            <th>{t('webhooks.scope')}</th>
            <th>{t('webhooks.kind')}</th>
            <th>{t('webhooks.url')}</th>
            <th>{t('webhooks.state')}</th>
            <th>{t('webhooks.failures')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(hooks.data ?? []).map((h) => (
            <tr key={h.id}>
              <td>{nameOf.get(h.id)}</td>
              <td>
                {t(`webhooks.kind.${h.kind}`)}
                {h.hasSecret ? ` · ${t('webhooks.signed')}` : ''}
              </td>
              <td className="json">{h.url}</td>
              <td>{h.enabled ? t('admin.enabled') : t('admin.disabled')}</td>
              <td className={h.failed7d > 0 ? 'error' : undefined}>
                {t('webhooks.failureCounts', { failed: h.failed7d, retrying: h.retrying })}
              </td>
              <td>
                <button type="button" className="button" onClick={() => test.mutate({ webhookId: h.id })}>
                  {t('webhooks.test')}
                </button>{' '}
                <button
                  type="button"
                  className="button"
                  onClick={() => toggle.mutate({ webhookId: h.id, enabled: !h.enabled })}
                >
                  {h.enabled ? t('webhooks.disable') : t('webhooks.enable')}
                </button>{' '}
                <button
                  type="button"
                  className="button"
                  onClick={() => window.confirm(t('webhooks.confirmRemove')) && remove.mutate({ webhookId: h.id })}
                >
                  {t('webhooks.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('webhooks.deliveries')}</h4>
      <table className="data" data-testid="webhook-deliveries">
        <thead>
          <tr>
            <th>{t('admin.at')}</th>
            <th>{t('webhooks.scope')}</th>
            <th>{t('webhooks.message')}</th>
            <th>{t('webhooks.state')}</th>
            <th>{t('webhooks.attempts')}</th>
            <th>{t('webhooks.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {(deliveries.data ?? []).map((d) => (
            <tr key={d.id} style={d.state === 'failed' || d.lastError ? { color: '#d9363e' } : undefined}>
              <td>{when(d.createdAt)}</td>
              <td>{nameOf.get(d.webhookId) ?? d.webhookId}</td>
              <td>{d.title}</td>
              <td>
                {t(`webhooks.delivery.${d.state}`)}
                {d.state === 'pending' && d.nextAttemptAt ? `（${when(d.nextAttemptAt)}）` : ''}
              </td>
              <td>{d.attempts}</td>
              <td>{d.lastError ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
